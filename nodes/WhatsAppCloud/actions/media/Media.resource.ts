import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/n8n/resources';
import * as deleteMedia from './delete.operation';
import * as download from './download.operation';
import * as upload from './upload.operation';

export { deleteMedia as delete, download, upload };

export const description: INodeProperties[] = [
	operationSelector('media', [
		{
			name: 'Upload',
			value: 'upload',
			description: 'Upload a file to Meta for sending (kept 30 days)',
			action: 'Upload media',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete an uploaded file',
			action: 'Delete media',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download a file (e.g. of an incoming message) to binary data',
			action: 'Download media',
		},
	]),
	...upload.description,
	...deleteMedia.description,
	...download.description,
];

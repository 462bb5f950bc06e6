import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as deleteFile from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as upload from './upload.operation';

export { deleteFile as delete, download, get, getAll, upload };

export const description: INodeProperties[] = [
	operationSelector('diskFile', [
		{
			name: 'Upload',
			value: 'upload',
			description: 'Upload binary data to a folder or to the root of a storage',
			action: 'Upload a file',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a file for good',
			action: 'Delete a file',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download a file into binary data',
			action: 'Download a file',
		},
		{ name: 'Get', value: 'get', description: 'Get a file', action: 'Get a file' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: "List a folder's files and subfolders",
			action: 'Get many files and folders',
		},
	]),
	...upload.description,
	...download.description,
	...get.description,
	...getAll.description,
	...deleteFile.description,
];

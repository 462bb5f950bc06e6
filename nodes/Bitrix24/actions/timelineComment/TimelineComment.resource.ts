import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deleteComment from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteComment as delete, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('timelineComment', [
		{
			name: 'Add',
			value: 'create',
			description: "Add a comment to a record's timeline",
			action: 'Add a timeline comment',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a timeline comment',
			action: 'Delete a timeline comment',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the comments of a record',
			action: 'Get many timeline comments',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a comment's text",
			action: 'Update a timeline comment',
		},
	]),
	...create.description,
	...deleteComment.description,
	...getAll.description,
	...update.description,
];

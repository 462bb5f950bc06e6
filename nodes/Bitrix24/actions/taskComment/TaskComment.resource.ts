import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deleteComment from './delete.operation';
import * as getAll from './getAll.operation';

export { create, deleteComment as delete, getAll };

export const description: INodeProperties[] = [
	operationSelector('taskComment', [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a comment to a task',
			action: 'Add a task comment',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a task comment',
			action: 'Delete a task comment',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: "Get a task's comments",
			action: 'Get task comments',
		},
	]),
	...create.description,
	...deleteComment.description,
	...getAll.description,
];

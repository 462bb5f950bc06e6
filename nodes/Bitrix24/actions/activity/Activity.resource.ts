import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as createTodo from './createTodo.operation';
import * as getAll from './getAll.operation';

export { complete, create, createTodo, getAll };

export const description: INodeProperties[] = [
	operationSelector('activity', [
		{
			name: 'Create',
			value: 'create',
			description: 'Log a call, meeting or email on a CRM record, with Disk files attached',
			action: 'Create an activity',
		},
		{
			name: 'Create To-Do',
			value: 'createTodo',
			description: 'Add a to-do to a CRM record',
			action: 'Create a to-do',
		},
		{
			name: 'Complete',
			value: 'complete',
			description: 'Mark an activity or to-do as done',
			action: 'Complete an activity',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the activities of a CRM record',
			action: 'Get many activities',
		},
	]),
	...complete.description,
	...create.description,
	...createTodo.description,
	...getAll.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as defer from './defer.operation';
import * as delegate from './delegate.operation';
import * as deleteTask from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as renew from './renew.operation';
import * as start from './start.operation';
import * as update from './update.operation';

export { complete, create, defer, delegate, get, getAll, renew, start, update };
export { deleteTask as delete };

export const description: INodeProperties[] = [
	operationSelector('task', [
		{ name: 'Create', value: 'create', description: 'Create a task', action: 'Create a task' },
		{
			name: 'Complete',
			value: 'complete',
			description: 'Mark a task as completed',
			action: 'Complete a task',
		},
		{
			name: 'Defer',
			value: 'defer',
			description: 'Put a task on hold',
			action: 'Defer a task',
		},
		{
			name: 'Delegate',
			value: 'delegate',
			description: 'Hand a task over to another user',
			action: 'Delegate a task',
		},
		{ name: 'Delete', value: 'delete', description: 'Delete a task', action: 'Delete a task' },
		{ name: 'Get', value: 'get', description: 'Get a task', action: 'Get a task' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many tasks', action: 'Get many tasks' },
		{
			name: 'Renew',
			value: 'renew',
			description: 'Reopen a completed or deferred task',
			action: 'Renew a task',
		},
		{ name: 'Start', value: 'start', description: 'Start work on a task', action: 'Start a task' },
		{ name: 'Update', value: 'update', description: 'Update a task', action: 'Update a task' },
	]),
	...create.description,
	...complete.description,
	...defer.description,
	...delegate.description,
	...deleteTask.description,
	...get.description,
	...getAll.description,
	...renew.description,
	...start.description,
	...update.description,
];

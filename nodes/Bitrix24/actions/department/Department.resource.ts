import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('department', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get all departments',
			action: 'Get many departments',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create a department',
			action: 'Create a department',
		},
		{ name: 'Get', value: 'get', description: 'Get a department', action: 'Get a department' },
		{
			name: 'Update',
			value: 'update',
			description: 'Rename or move a department',
			action: 'Update a department',
		},
	]),
	...getAll.description,
	...create.description,
	...get.description,
	...update.description,
];

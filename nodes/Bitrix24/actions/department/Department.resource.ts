import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../simpleOperation';
import { create, get, getAll, update } from './operations';

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

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/n8n/resources';
import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, deleteTemplate as delete, get, getAll };

export const description: INodeProperties[] = [
	operationSelector('template', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: "List the account's message templates",
			action: 'Get many templates',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Submit a new template for review',
			action: 'Create a template',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a template (every language, or one)',
			action: 'Delete a template',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a template by its ID',
			action: 'Get a template',
		},
	]),
	...getAll.description,
	...create.description,
	...deleteTemplate.description,
	...get.description,
];

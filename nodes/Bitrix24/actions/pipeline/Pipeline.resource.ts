import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deletePipeline from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deletePipeline as delete, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('pipeline', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the deal pipelines',
			action: 'Get many pipelines',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create a deal pipeline',
			action: 'Create a pipeline',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a deal pipeline',
			action: 'Delete a pipeline',
		},
		{ name: 'Get', value: 'get', description: 'Get a deal pipeline', action: 'Get a pipeline' },
		{
			name: 'Update',
			value: 'update',
			description: 'Rename or reorder a deal pipeline',
			action: 'Update a pipeline',
		},
	]),
	...getAll.description,
	...create.description,
	...deletePipeline.description,
	...get.description,
	...update.description,
];

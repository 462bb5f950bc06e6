import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deleteStage from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteStage as delete, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('stage', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the stages of a deal pipeline or the lead statuses',
			action: 'Get many stages',
		},
		{ name: 'Create', value: 'create', description: 'Add a stage', action: 'Create a stage' },
		{ name: 'Delete', value: 'delete', description: 'Delete a stage', action: 'Delete a stage' },
		{
			name: 'Get',
			value: 'get',
			description: 'Get one stage by its row ID',
			action: 'Get a stage',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Rename, recolor or reorder a stage',
			action: 'Update a stage',
		},
	]),
	...getAll.description,
	...create.description,
	...deleteStage.description,
	...get.description,
	...update.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deleteItem from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as moveToPipeline from './moveToPipeline.operation';
import * as moveToStage from './moveToStage.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteItem as delete, get, getAll, moveToPipeline, moveToStage, update, upsert };

export const description: INodeProperties[] = [
	operationSelector('item', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a smart-process item',
			action: 'Create an item',
		},
		{ name: 'Delete', value: 'delete', description: 'Delete an item', action: 'Delete an item' },
		{ name: 'Get', value: 'get', description: 'Get an item', action: 'Get an item' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many items of a type',
			action: 'Get many items',
		},
		{
			name: 'Move to Pipeline',
			value: 'moveToPipeline',
			description: 'Move an item to another pipeline',
			action: 'Move an item to a pipeline',
		},
		{
			name: 'Move to Stage',
			value: 'moveToStage',
			description: "Set an item's stage",
			action: 'Move an item to a stage',
		},
		{ name: 'Update', value: 'update', description: 'Update an item', action: 'Update an item' },
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update an item',
		},
	]),
	...create.description,
	...deleteItem.description,
	...get.description,
	...getAll.description,
	...moveToPipeline.description,
	...moveToStage.description,
	...update.description,
	...upsert.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as deleteItem from './delete.operation';
import * as getAll from './getAll.operation';

export { complete, create, deleteItem as delete, getAll };

export const description: INodeProperties[] = [
	operationSelector('taskChecklistItem', [
		{
			name: 'Create',
			value: 'create',
			description: "Add an item to a task's checklist",
			action: 'Add a checklist item',
		},
		{
			name: 'Complete',
			value: 'complete',
			description: 'Tick a checklist item',
			action: 'Complete a checklist item',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a checklist item',
			action: 'Delete a checklist item',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: "Get a task's checklist",
			action: 'Get checklist items',
		},
	]),
	...create.description,
	...complete.description,
	...deleteItem.description,
	...getAll.description,
];

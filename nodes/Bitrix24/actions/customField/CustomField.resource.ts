import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deleteField from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteField as delete, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('customField', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the custom fields of a record type',
			action: 'Get many custom fields',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Add a custom field',
			action: 'Create a custom field',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a custom field',
			action: 'Delete a custom field',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a custom field's label or add list values",
			action: 'Update a custom field',
		},
	]),
	...getAll.description,
	...create.description,
	...deleteField.description,
	...update.description,
];

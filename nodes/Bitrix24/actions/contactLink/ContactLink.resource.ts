import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as remove from './remove.operation';

export { add, getAll, remove };

export const description: INodeProperties[] = [
	operationSelector('contactLink', [
		{
			name: 'Add',
			value: 'add',
			description: 'Link a contact to a deal, or a company to a contact',
			action: 'Add a contact link',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the contacts of a deal, or the companies of a contact',
			action: 'Get many contact links',
		},
		{
			name: 'Remove',
			value: 'remove',
			description: 'Unlink a contact from a deal, or a company from a contact',
			action: 'Remove a contact link',
		},
	]),
	...add.description,
	...getAll.description,
	...remove.description,
];

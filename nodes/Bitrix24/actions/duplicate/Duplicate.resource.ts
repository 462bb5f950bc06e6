import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as find from './find.operation';

export { find };

export const description: INodeProperties[] = [
	operationSelector('duplicate', [
		{
			name: 'Find by Email or Phone',
			value: 'find',
			description: 'Find leads, contacts and companies that have an email or phone',
			action: 'Find duplicates by email or phone',
		},
	]),
	...find.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as get from './get.operation';
import * as set from './set.operation';

export { get, set };

export const description: INodeProperties[] = [
	operationSelector('productRow', [
		{
			name: 'Get',
			value: 'get',
			description: 'Get the product rows of a deal or lead',
			action: 'Get product rows',
		},
		{
			name: 'Set',
			value: 'set',
			description: 'Replace the product rows of a deal or lead',
			action: 'Set product rows',
		},
	]),
	...get.description,
	...set.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	operationSelector('line', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the Open Lines of the portal',
			action: 'Get many lines',
		},
		{ name: 'Get', value: 'get', description: "A line's settings", action: 'Get a line' },
	]),
	...getAll.description,
	...get.description,
];

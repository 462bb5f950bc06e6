import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['method'] } },
		options: [
			{
				name: 'Call',
				value: 'call',
				description: 'Call any Bitrix24 REST method',
				action: 'Call a REST method',
			},
		],
		default: 'call',
	},
	...call.description,
];

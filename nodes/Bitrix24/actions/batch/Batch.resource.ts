import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as run from './run.operation';

export { run };

export const description: INodeProperties[] = [
	operationSelector('batch', [
		{
			name: 'Run',
			value: 'run',
			description: 'Run many REST calls, 50 per request, with references between them',
			action: 'Run a batch of calls',
		},
	]),
	...run.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	operationSelector('taskElapsedTime', [
		{
			name: 'Create',
			value: 'create',
			description: 'Log time spent on a task',
			action: 'Log time on a task',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the time logged on a task',
			action: 'Get logged time',
		},
	]),
	...create.description,
	...getAll.description,
];

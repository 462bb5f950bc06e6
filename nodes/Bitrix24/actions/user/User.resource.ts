import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as findByEmail from './findByEmail.operation';
import * as findByPhone from './findByPhone.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getCurrent from './getCurrent.operation';

export { findByEmail, findByPhone, get, getAll, getCurrent };

export const description: INodeProperties[] = [
	operationSelector('user', [
		{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
		{
			name: 'Find by Email',
			value: 'findByEmail',
			description: 'Find users by email',
			action: 'Find users by email',
		},
		{
			name: 'Find by Phone',
			value: 'findByPhone',
			description: 'Find users by phone (digits compared)',
			action: 'Find users by phone',
		},
		{
			name: 'Get Current',
			value: 'getCurrent',
			description: 'Get the user behind the credential',
			action: 'Get the current user',
		},
		{ name: 'Get Many', value: 'getAll', description: 'Get many users', action: 'Get many users' },
	]),
	...findByEmail.description,
	...findByPhone.description,
	...get.description,
	...getAll.description,
	...getCurrent.description,
];

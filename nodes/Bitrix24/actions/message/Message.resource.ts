import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as notify from './notify.operation';
import * as send from './send.operation';

export { notify, send };

export const description: INodeProperties[] = [
	operationSelector('message', [
		{
			name: 'Send to Chat',
			value: 'send',
			description: 'Post a message to a chat or to a user',
			action: 'Send a chat message',
		},
		{
			name: 'Notify User',
			value: 'notify',
			description: 'Send a notification to a user',
			action: 'Notify a user',
		},
	]),
	...notify.description,
	...send.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as deleteMessage from './delete.operation';
import * as reportDelivered from './reportDelivered.operation';
import * as reportRead from './reportRead.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export { deleteMessage as delete, reportDelivered, reportRead, send, update };

export const description: INodeProperties[] = [
	operationSelector('message', [
		{
			name: 'Send to Operators',
			value: 'send',
			description: "Put customers' messages into Open Lines dialogs, many per request",
			action: 'Send messages to operators',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a customer's message that was sent before",
			action: 'Update a message',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: "Remove a customer's message that was sent before",
			action: 'Delete a message',
		},
		{
			name: 'Report Delivered',
			value: 'reportDelivered',
			description: "Tell Bitrix24 an operator's message reached the customer (operators see it)",
			action: 'Report a message delivered',
		},
		{
			name: 'Report Read',
			value: 'reportRead',
			description: "Tell Bitrix24 the customer read an operator's message",
			action: 'Report a message read',
		},
	]),
	...send.description,
	...update.description,
	...deleteMessage.description,
	...reportDelivered.description,
	...reportRead.description,
];

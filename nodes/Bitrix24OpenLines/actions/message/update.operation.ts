import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';
import { connectorProperty, lineProperty } from '../common.descriptions';
import { messageIds, sendCustomerMessages } from './customerMessages';
import { entryOptions } from './options';
import { chatFields, contentFields, sourceProperty } from './properties';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['update'] } },
	[
		connectorProperty,
		lineProperty,
		...sourceProperty(
			"The customer's edited message in the conversation message form: the same chat, sender and message ID it was sent with, and its new text or files",
		),
		...chatFields,
		...contentFields,
		entryOptions({ crm: false }),
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	return await sendCustomerMessages(
		this,
		items,
		client,
		'imconnector.update.messages',
		(_result, planned) => ({ ...messageIds(planned), updated: true }),
	);
}

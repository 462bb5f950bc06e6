import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';
import { connectorProperty, lineProperty } from '../common.descriptions';
import { messageIds, sendCustomerMessages } from './customerMessages';
import { entryOptions } from './options';
import { chatFields, contentFields, sourceProperty } from './properties';

const number = (value: unknown) => (value === undefined ? undefined : Number(value));

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	[
		connectorProperty,
		lineProperty,
		...sourceProperty(
			"A customer's message in the shared conversation message form, as channel triggers emit it (direction inbound)",
		),
		...chatFields,
		...contentFields,
		entryOptions({ crm: true }),
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
		'imconnector.send.messages',
		(result, planned) => {
			const session = (result.session ?? {}) as IDataObject;
			const json: IDataObject = {
				...messageIds(planned),
				openLinesChatId: number(session.CHAT_ID),
				sessionId: number(session.ID),
				bitrix24UserId: number(result.user),
			};
			const files = (result.message as IDataObject | undefined)?.files;
			if (Array.isArray(files) && files.length) json.files = files;
			return json;
		},
	);
}

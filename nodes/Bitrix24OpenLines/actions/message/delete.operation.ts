import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';
import type { ItemOutcome } from '../../../shared/bitrix24/execute';
import { isItemError, planEachItem, toOutput } from '../../../shared/bitrix24/execute';
import {
	connectorParameter,
	connectorProperty,
	lineParameter,
	lineProperty,
} from '../common.descriptions';
import { messageKey } from './input';
import { perMessageResults, sendPacked } from './packing';
import { chatFields, messagesPerRequest, sourceProperty } from './properties';

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['delete'] } },
	[
		connectorProperty,
		lineProperty,
		...sourceProperty(
			"The customer's message to remove, in the conversation message form: its chat, sender and message ID as it was sent",
		),
		...chatFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [messagesPerRequest],
		},
	],
);

/** Removes customers' messages from the dialogs they were sent to (imconnector.delete.messages). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	const plans = await planEachItem(this, items.length, (itemIndex) => ({
		connector: connectorParameter(this, itemIndex),
		line: lineParameter(this, itemIndex),
		key: messageKey(this, itemIndex),
	}));
	const outcomes: Array<ItemOutcome | undefined> = plans.map((planned) =>
		isItemError(planned) ? { ok: false, error: planned } : undefined,
	);
	const answers = await sendPacked(this, client, {
		method: 'imconnector.delete.messages',
		messages: plans.flatMap((planned, itemIndex) =>
			isItemError(planned)
				? []
				: [
						{
							itemIndex,
							connector: planned.connector,
							line: planned.line,
							entry: {
								user: { id: planned.key.userId },
								message: { id: planned.key.messageId },
								chat: { id: planned.key.chatId },
							},
						},
					],
		),
		perRequest: this.getNodeParameter('options.messagesPerRequest', 0, 100) as number,
		read: perMessageResults,
	});
	for (const [itemIndex, answer] of answers) {
		const planned = plans[itemIndex] as Exclude<(typeof plans)[number], Error>;
		outcomes[itemIndex] = answer.ok
			? {
					ok: true,
					json: {
						messageId: planned.key.messageId,
						chatId: planned.key.chatId,
						connector: planned.connector,
						line: planned.line,
						deleted: true,
					},
				}
			: answer;
	}
	return toOutput(this, outcomes);
}

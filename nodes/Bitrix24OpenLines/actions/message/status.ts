import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
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
import { channelMessageIds, statusTarget } from './input';
import { sendPacked, wholeCallResult } from './packing';
import { messagesPerRequest, sourceProperty } from './properties';

const fieldsOnly = { show: { source: ['fields'] } };

const properties: INodeProperties[] = [
	connectorProperty,
	lineProperty,
	...sourceProperty(
		"The operator's message as the Bitrix24 Open Lines Trigger emitted it, e.g. {{ $('Bitrix24 Open Lines Trigger').item.json }}",
	),
	{
		displayName: 'Open Lines Chat ID',
		name: 'openLinesChatId',
		type: 'string',
		default: '',
		required: true,
		description:
			"Bitrix24's chat of the message (conversation.openLinesChatId in the trigger's output)",
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Bitrix24 Message ID',
		name: 'bitrix24MessageId',
		type: 'string',
		default: '',
		required: true,
		description: "Bitrix24's ID of the operator's message (in the trigger's output: message → ID)",
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		default: '',
		required: true,
		description: "The chat in your channel (conversation.chatId in the trigger's output)",
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Channel Message IDs',
		name: 'channelMessageIds',
		type: 'string',
		default: '',
		placeholder: 'wamid.HBgM…',
		description:
			"The message's IDs in your channel, separated by commas. Bitrix24 sends them back with the operator's later edits and deletions, so your channel can apply them.",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [messagesPerRequest],
	},
];

/**
 * Report Delivered and Report Read: the statuses of operators' messages, many per call
 * (imconnector.send.status.delivery / .reading take a MESSAGES list).
 */
export function statusOperation(operation: 'reportDelivered' | 'reportRead') {
	const method =
		operation === 'reportDelivered'
			? 'imconnector.send.status.delivery'
			: 'imconnector.send.status.reading';
	const flag = operation === 'reportDelivered' ? 'delivered' : 'read';
	const description = updateDisplayOptions(
		{ show: { resource: ['message'], operation: [operation] } },
		properties,
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		const plans = await planEachItem(this, items.length, (itemIndex) => ({
			connector: connectorParameter(this, itemIndex),
			line: lineParameter(this, itemIndex),
			target: statusTarget(this, itemIndex),
			channelIds: channelMessageIds(this, itemIndex),
		}));
		const outcomes: Array<ItemOutcome | undefined> = plans.map((planned) =>
			isItemError(planned) ? { ok: false, error: planned } : undefined,
		);
		const now = Math.floor(Date.now() / 1000);
		const answers = await sendPacked(this, client, {
			method,
			messages: plans.flatMap((planned, itemIndex) =>
				isItemError(planned)
					? []
					: [
							{
								itemIndex,
								connector: planned.connector,
								line: planned.line,
								entry: {
									im: {
										chat_id: planned.target.openLinesChatId,
										message_id: planned.target.bitrix24MessageId,
									},
									message: { id: planned.channelIds, date: now },
									chat: { id: planned.target.chatId },
								},
							},
						],
			),
			perRequest: this.getNodeParameter('options.messagesPerRequest', 0, 100) as number,
			read: wholeCallResult,
		});
		for (const [itemIndex, answer] of answers) {
			const planned = plans[itemIndex] as Exclude<(typeof plans)[number], Error>;
			outcomes[itemIndex] = answer.ok
				? {
						ok: true,
						json: {
							messageId: planned.target.bitrix24MessageId,
							openLinesChatId: planned.target.openLinesChatId,
							chatId: planned.target.chatId,
							[flag]: true,
						},
					}
				: answer;
		}
		return toOutput(this, outcomes);
	}

	return { description, execute };
}

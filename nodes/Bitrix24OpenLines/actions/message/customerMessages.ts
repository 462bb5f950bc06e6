import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';
import type { ItemOutcome } from '../../../shared/bitrix24/execute';
import { isItemError, planEachItem, toOutput } from '../../../shared/bitrix24/execute';
import type {
	ConversationAttachment,
	ConversationMessage,
} from '../../../shared/conversation/message';
import { connectorParameter, lineParameter } from '../common.descriptions';
import { fileLinks } from './attachments';
import { connectorEntry, type EntryOptions } from './connectorMessage';
import { customerMessage } from './input';
import { perMessageResults, sendPacked, type PackedMessage } from './packing';

interface Planned {
	connector: string;
	line: number;
	message: ConversationMessage;
	options: EntryOptions;
}

function plan(ctx: IExecuteFunctions, itemIndex: number): Planned {
	const message = customerMessage(ctx, itemIndex);
	if (message.direction !== 'inbound') {
		throw new NodeOperationError(ctx.getNode(), "This is an operator's message, not a customer's", {
			itemIndex,
			description:
				"Messages go to operators from customers (direction inbound). An operator's message (direction outbound) comes from Bitrix24 and goes to the channel.",
		});
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		connector: connectorParameter(ctx, itemIndex),
		line: lineParameter(ctx, itemIndex),
		message,
		options: {
			chatName: String(options.chatName ?? '').trim() || undefined,
			chatUrl: String(options.chatUrl ?? '').trim() || undefined,
			disableCrm: options.disableCrm === true,
			skipPhoneValidation: options.skipPhoneValidation === true,
		},
	};
}

/**
 * Send to Operators and Update: each item's customer message (its files uploaded where they are
 * binary data) goes out with the messages of the other items, as few requests as the packing
 * allows; each item gets Bitrix24's answer for its own message. Echoes of what the bridge itself
 * delivered are skipped, so a bridge does not loop.
 */
export async function sendCustomerMessages(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
	method: 'imconnector.send.messages' | 'imconnector.update.messages',
	output: (result: IDataObject, planned: Planned) => IDataObject,
): Promise<INodeExecutionData[]> {
	const plans = await planEachItem(ctx, items.length, (itemIndex) => plan(ctx, itemIndex));
	const withFiles = new Map<number, ConversationAttachment[]>();
	plans.forEach((planned, itemIndex) => {
		if (
			!isItemError(planned) &&
			!planned.message.echo &&
			planned.message.message.attachments.length
		)
			withFiles.set(itemIndex, planned.message.message.attachments);
	});
	const links = await fileLinks(ctx, client, items, withFiles);

	const outcomes: Array<ItemOutcome | undefined> = new Array(items.length);
	const messages: PackedMessage[] = [];
	plans.forEach((planned, itemIndex) => {
		const files = links.get(itemIndex) ?? [];
		if (isItemError(planned)) {
			outcomes[itemIndex] = { ok: false, error: planned };
			return;
		}
		if (isItemError(files)) {
			outcomes[itemIndex] = { ok: false, error: files };
			return;
		}
		if (planned.message.echo) {
			outcomes[itemIndex] = {
				ok: true,
				json: { skipped: true, reason: 'echo', messageId: planned.message.message.id },
			};
			return;
		}
		messages.push({
			itemIndex,
			connector: planned.connector,
			line: planned.line,
			entry: connectorEntry(planned.message, files, planned.options),
		});
	});
	const perRequest = ctx.getNodeParameter('options.messagesPerRequest', 0, 100) as number;
	const answers = await sendPacked(ctx, client, {
		method,
		messages,
		perRequest,
		read: perMessageResults,
	});
	for (const [itemIndex, answer] of answers) {
		outcomes[itemIndex] = answer.ok
			? { ok: true, json: output(answer.result, plans[itemIndex] as Planned) }
			: answer;
	}
	return toOutput(ctx, outcomes);
}

/** Conversation and Bitrix24's ids of a message, as every message operation outputs them. */
export function messageIds(planned: Planned): IDataObject {
	return {
		messageId: planned.message.message.id,
		chatId: planned.message.conversation.chatId,
		connector: planned.connector,
		line: planned.line,
	};
}

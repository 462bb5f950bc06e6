import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { phoneOptionsParameter } from '../../../shared/bitrix24/parameters';
import {
	CONVERSATION_SCHEMA_VERSION,
	parseConversationMessage,
	type ConversationMessage,
} from '../../../shared/conversation/message';
import { toE164 } from '../../../shared/conversation/phone';

const text = (ctx: IExecuteFunctions, name: string, itemIndex: number) =>
	String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();

/** The Conversation Message parameter: an object, or JSON text of one. */
function conversationParameter(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const raw = ctx.getNodeParameter('conversationMessage', itemIndex, {}) as unknown;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'Conversation Message is not valid JSON', {
			itemIndex,
			description: 'Map the message a channel trigger emitted, for example {{ $json }}.',
		});
	}
}

/** A conversation message checked against the shared schema; every problem named. */
function parsed(ctx: IExecuteFunctions, candidate: unknown, itemIndex: number) {
	const result = parseConversationMessage(candidate);
	if (result.ok) return result.message;
	throw new NodeOperationError(ctx.getNode(), 'The item holds no valid conversation message', {
		itemIndex,
		description: `${result.problems.join('; ')}. Connect a channel trigger of this package, or set Input to "Define Below".`,
	});
}

/** A customer's message from the "Define Below" fields, as a conversation message. */
function fromFields(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const phoneText = text(ctx, 'senderPhone', itemIndex);
	const phone = phoneText ? toE164(phoneText, phoneOptionsParameter(ctx, itemIndex)) : undefined;
	if (phoneText && !phone) {
		throw new NodeOperationError(ctx.getNode(), `"${phoneText}" is not a phone number in E.164`, {
			itemIndex,
			description:
				'Write it with its country code (+49 151 12345678), or set Default Country Code for national numbers.',
		});
	}
	const attachments = text(ctx, 'attachments', itemIndex)
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean)
		.map((binaryProperty) => ({ binaryProperty }));
	const name = text(ctx, 'senderName', itemIndex);
	return {
		schemaVersion: CONVERSATION_SCHEMA_VERSION,
		channel: 'n8n',
		direction: 'inbound',
		conversation: { chatId: text(ctx, 'chatId', itemIndex) },
		sender: {
			id: text(ctx, 'senderId', itemIndex),
			...(name ? { name } : {}),
			...(phone ? { phone } : {}),
		},
		message: {
			id: text(ctx, 'messageId', itemIndex) || `n8n-${ctx.getExecutionId()}-${itemIndex}`,
			text: ctx.getNodeParameter('text', itemIndex, '') as string,
			timestamp: new Date().toISOString(),
			attachments,
		},
	};
}

/** The message a Send or Update operation works on. */
export function customerMessage(ctx: IExecuteFunctions, itemIndex: number): ConversationMessage {
	const source = ctx.getNodeParameter('source', itemIndex, 'conversation');
	return parsed(
		ctx,
		source === 'fields' ? fromFields(ctx, itemIndex) : conversationParameter(ctx, itemIndex),
		itemIndex,
	);
}

/** What Delete needs: the channel's chat, sender and message. */
export function messageKey(ctx: IExecuteFunctions, itemIndex: number) {
	if (ctx.getNodeParameter('source', itemIndex, 'conversation') === 'fields') {
		const key = {
			chatId: text(ctx, 'chatId', itemIndex),
			userId: text(ctx, 'senderId', itemIndex),
			messageId: text(ctx, 'messageId', itemIndex),
		};
		const empty = Object.entries(key).find(([, value]) => !value);
		if (empty) {
			throw new NodeOperationError(ctx.getNode(), `${labelOf(empty[0])} is empty`, {
				itemIndex,
				description: 'Give the chat, sender and message IDs the message was sent with.',
			});
		}
		return key;
	}
	const message = parsed(ctx, conversationParameter(ctx, itemIndex), itemIndex);
	return {
		chatId: message.conversation.chatId,
		userId: message.sender.id,
		messageId: message.message.id,
	};
}

const labelOf = (key: string) =>
	({ chatId: 'Chat ID', userId: 'Sender ID', messageId: 'Message ID' })[key] ?? key;

/** What a delivery or reading status names: an operator's message in Bitrix24 and in the channel. */
export interface StatusTarget {
	openLinesChatId: number;
	bitrix24MessageId: number;
	chatId: string;
}

const positive = (value: unknown) => {
	const number = Number(value);
	return Number.isInteger(number) && number > 0 ? number : undefined;
};

/** The operator's message a status is about. */
export function statusTarget(ctx: IExecuteFunctions, itemIndex: number): StatusTarget {
	let target: Partial<Record<keyof StatusTarget, unknown>>;
	if (ctx.getNodeParameter('source', itemIndex, 'conversation') === 'fields') {
		target = {
			openLinesChatId: text(ctx, 'openLinesChatId', itemIndex),
			bitrix24MessageId: text(ctx, 'bitrix24MessageId', itemIndex),
			chatId: text(ctx, 'chatId', itemIndex),
		};
	} else {
		const message = parsed(ctx, conversationParameter(ctx, itemIndex), itemIndex);
		if (message.direction !== 'outbound') {
			throw new NodeOperationError(ctx.getNode(), "Statuses are for operators' messages", {
				itemIndex,
				description:
					"Map the message the Bitrix24 Open Lines Trigger emitted (direction outbound): Bitrix24 takes statuses only for operators' messages.",
			});
		}
		target = {
			openLinesChatId: message.conversation.openLinesChatId,
			bitrix24MessageId: message.message.id,
			chatId: message.conversation.chatId,
		};
	}
	const openLinesChatId = positive(target.openLinesChatId);
	const bitrix24MessageId = positive(target.bitrix24MessageId);
	const chatId = String(target.chatId ?? '');
	if (!openLinesChatId || !bitrix24MessageId || !chatId) {
		throw new NodeOperationError(ctx.getNode(), "The operator's message is not fully named", {
			itemIndex,
			description:
				"A status needs Bitrix24's chat and message IDs (as the Open Lines Trigger gives them) and the channel's chat ID.",
		});
	}
	return { openLinesChatId, bitrix24MessageId, chatId };
}

/** The channel's own IDs of a delivered message, from the Channel Message IDs parameter. */
export function channelMessageIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('channelMessageIds', itemIndex, '') as unknown;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return list.map((id) => String(id as IDataObject[string]).trim()).filter(Boolean);
}

import type {
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { Bitrix24Client } from '../shared/bitrix24/client';
import {
	CONVERSATION_SCHEMA_VERSION,
	type ConversationAttachment,
	type ConversationMessage,
} from '../shared/conversation/message';
import { OPEN_LINES_EVENTS } from './events';
import type {
	ConnectorEvent,
	DeletedMessageEntry,
	EditedMessageEntry,
	OperatorMessageEntry,
} from './payload';
import { plainText, signatureOf } from './text';

export interface OutputOptions {
	textFormat: 'plain' | 'bbcode';
	downloadFiles: boolean;
	includeCustomer: boolean;
}

/** What the dialog tells about a chat: the customer's ID in the channel and the session. */
interface Customer {
	userId?: string;
	sessionId?: number;
}

/** Where the outputs of one event come from. */
interface EventContext {
	ctx: IWebhookFunctions;
	client: () => Promise<Bitrix24Client>;
	options: OutputOptions;
	/** ISO time of the event. */
	timestamp: string;
	basics: IDataObject;
}

/**
 * The customers of the chats an event is about, from imopenlines.dialog.get (its USER_CODE
 * `connector|line|chat|user` and `entity_data_1`, whose 6th field is the session), all in one
 * batch request. A chat that cannot be read is left out.
 */
async function customersOf(
	context: EventContext,
	chatIds: number[],
): Promise<Map<number, Customer>> {
	const customers = new Map<number, Customer>();
	if (!context.options.includeCustomer || chatIds.length === 0) return customers;
	const unique = [...new Set(chatIds)];
	try {
		const results = await (
			await context.client()
		).batch(
			unique.map((chatId) => ({
				key: `chat${chatId}`,
				method: 'imopenlines.dialog.get',
				params: { CHAT_ID: chatId },
			})),
		);
		for (const chatId of unique) {
			const result = results.get(`chat${chatId}`);
			if (!result?.ok) continue;
			const dialog = (result.result ?? {}) as IDataObject;
			const userId = String(dialog.entity_id ?? '').split('|')[3];
			const session = Number(String(dialog.entity_data_1 ?? '').split('|')[5]);
			customers.set(chatId, {
				userId: userId || undefined,
				sessionId: Number.isInteger(session) && session > 0 ? session : undefined,
			});
		}
	} catch {
		// The workflow still starts, without the customer.
	}
	return customers;
}

/** The text of an operator's message in the chosen format, and the operator's name. */
function textOf(context: EventContext, raw: string | undefined) {
	const { name, text } = signatureOf(raw ?? '');
	if (context.options.textFormat === 'bbcode') return { name, text: raw || undefined };
	return { name, text: plainText(text).trim() || undefined };
}

const isUrl = (value: string | undefined) => {
	try {
		return Boolean(value && new URL(value));
	} catch {
		return false;
	}
};

/** An operator's files: downloaded into binary properties, or given by their links. */
async function attachmentsOf(
	context: EventContext,
	files: NonNullable<OperatorMessageEntry['message']['files']>,
): Promise<{ attachments: ConversationAttachment[]; binary: IBinaryKeyData; warnings: string[] }> {
	const attachments: ConversationAttachment[] = [];
	const binary: IBinaryKeyData = {};
	const warnings: string[] = [];
	for (const [index, file] of files.entries()) {
		const url = file.downloadLink || file.link;
		const fileName = file.name ?? `file-${index + 1}`;
		const mimeType = file.mime || undefined;
		if (!isUrl(url)) {
			warnings.push(`The file "${fileName}" came without a link`);
			continue;
		}
		if (context.options.downloadFiles) {
			try {
				const downloaded = await (
					await context.client()
				).download(url as string, {
					itemIndex: 0,
					what: `the file "${fileName}"`,
				});
				const property = `attachment_${index}`;
				binary[property] = await context.ctx.helpers.prepareBinaryData(
					downloaded.data,
					fileName,
					mimeType ?? downloaded.mimeType,
				);
				attachments.push({
					binaryProperty: property,
					fileName,
					mimeType: binary[property].mimeType,
				});
				continue;
			} catch (error) {
				warnings.push((error as Error).message);
			}
		}
		attachments.push({ url: url as string, fileName, ...(mimeType ? { mimeType } : {}) });
	}
	return { attachments, binary, warnings };
}

/** The conversation fields every message of a connector event shares. */
function conversationOf(
	event: Extract<ConnectorEvent, { messages: unknown }>,
	entry: { im: { chat_id: string }; chat: { id: string } },
	customer: Customer | undefined,
): ConversationMessage['conversation'] {
	return {
		chatId: entry.chat.id,
		line: event.line,
		connector: event.connector,
		openLinesChatId: Number(entry.im.chat_id),
		...(customer?.sessionId ? { sessionId: customer.sessionId } : {}),
	};
}

/** An operator's new message as the conversation message, direction outbound. */
async function operatorMessageItem(
	context: EventContext,
	event: Extract<ConnectorEvent, { event: typeof OPEN_LINES_EVENTS.messageAdded }>,
	entry: OperatorMessageEntry,
	raw: unknown,
	customer: Customer | undefined,
): Promise<INodeExecutionData> {
	const { name, text } = textOf(context, entry.message.text);
	const files = await attachmentsOf(context, entry.message.files ?? []);
	const operator = entry.message.user_id ?? '0';
	const message: ConversationMessage = {
		schemaVersion: CONVERSATION_SCHEMA_VERSION,
		channel: 'openlines',
		direction: 'outbound',
		conversation: conversationOf(event, entry, customer),
		sender: { id: operator, ...(name ? { name } : {}), bitrix24UserId: Number(operator) },
		...(customer?.userId ? { recipient: { id: customer.userId } } : {}),
		message: {
			id: entry.im.message_id,
			text:
				text ??
				(files.attachments.length
					? undefined
					: (entry.message.files ?? []).map((f) => f.name).join(', ')),
			timestamp: context.timestamp,
			attachments: files.attachments,
		},
		raw,
	};
	const json: IDataObject = { ...(message as unknown as IDataObject), event: event.event };
	if (files.warnings.length) json.warnings = files.warnings;
	return Object.keys(files.binary).length ? { json, binary: files.binary } : { json };
}

const idsOf = (value: EditedMessageEntry['message']['id']) =>
	value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter(Boolean);

/** An operator's edit: the conversation message with the new text and the channel's IDs of it. */
function editedMessageItem(
	context: EventContext,
	event: Extract<ConnectorEvent, { event: typeof OPEN_LINES_EVENTS.messageUpdated }>,
	entry: EditedMessageEntry,
	raw: unknown,
	customer: Customer | undefined,
): INodeExecutionData {
	const { name, text } = textOf(context, entry.message.text);
	return {
		json: {
			schemaVersion: CONVERSATION_SCHEMA_VERSION,
			channel: 'openlines',
			direction: 'outbound',
			conversation: conversationOf(event, entry, customer),
			sender: { id: 'operator', ...(name ? { name } : {}) },
			...(customer?.userId ? { recipient: { id: customer.userId } } : {}),
			message: {
				id: entry.im.message_id,
				text: text ?? '',
				timestamp: context.timestamp,
				attachments: [],
			},
			raw: raw as IDataObject,
			event: event.event,
			channelMessageIds: idsOf(entry.message.id),
		},
	};
}

function deletedMessageItem(
	context: EventContext,
	event: Extract<ConnectorEvent, { event: typeof OPEN_LINES_EVENTS.messageDeleted }>,
	entry: DeletedMessageEntry,
	customer: Customer | undefined,
): INodeExecutionData {
	return {
		json: {
			...context.basics,
			connector: event.connector,
			line: event.line,
			chatId: entry.chat.id,
			...(customer?.userId ? { recipient: { id: customer.userId } } : {}),
			openLinesChatId: Number(entry.im.chat_id),
			bitrix24MessageId: Number(entry.im.message_id),
			channelMessageIds: idsOf(entry.message?.id),
		},
	};
}

/** The output items of one checked connector event. */
export async function eventItems(
	context: EventContext,
	event: ConnectorEvent,
	data: IDataObject | unknown,
): Promise<INodeExecutionData[]> {
	if ('messages' in event) {
		const rawMessages = Object.values(((data as IDataObject).MESSAGES ?? {}) as IDataObject);
		const customers = await customersOf(
			context,
			event.messages.map((entry) => Number(entry.im.chat_id)),
		);
		const customer = (entry: { im: { chat_id: string } }) =>
			customers.get(Number(entry.im.chat_id));
		const items: INodeExecutionData[] = [];
		for (const [index, entry] of event.messages.entries()) {
			const raw = { CONNECTOR: event.connector, LINE: event.line, MESSAGE: rawMessages[index] };
			if (event.event === OPEN_LINES_EVENTS.messageAdded)
				items.push(
					await operatorMessageItem(
						context,
						event,
						entry as OperatorMessageEntry,
						raw,
						customer(entry),
					),
				);
			else if (event.event === OPEN_LINES_EVENTS.messageUpdated)
				items.push(
					editedMessageItem(context, event, entry as EditedMessageEntry, raw, customer(entry)),
				);
			else
				items.push(
					deletedMessageItem(context, event, entry as DeletedMessageEntry, customer(entry)),
				);
		}
		return items;
	}
	if ('dialogs' in event) {
		return event.dialogs.map((dialog) => ({
			json: {
				...context.basics,
				connector: event.connector,
				line: event.line,
				openLinesChatId: Number(dialog.chat.id),
				sessionId: Number(dialog.session.id),
				closed: dialog.session.closed === 'Y',
				chatId: dialog.connector?.chat_id ?? null,
				customerId: dialog.connector?.user_id ?? dialog.user?.id ?? null,
			},
		}));
	}
	return [
		{
			json: {
				...context.basics,
				...(event.connector ? { connector: event.connector } : {}),
				line: event.line,
			},
		},
	];
}

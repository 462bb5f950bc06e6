import type { IDataObject } from 'n8n-workflow';

import {
	CONVERSATION_SCHEMA_VERSION,
	type ConversationMessage,
} from '../shared/conversation/message';
import { toE164 } from '../shared/conversation/phone';
import { explainWebhookError } from '../shared/whatsapp/transport';
import {
	ECHO_FIELDS,
	echoesValueSchema,
	messagesValueSchema,
	type Envelope,
	type MessagesValue,
} from './payload';

/*
 * From Meta's webhook changes to the trigger's three outputs: customer messages and echoes as
 * the shared conversation message, statuses with Meta's error explained, and every other field
 * as it came.
 */

export type EventKind = 'messages' | 'statuses' | 'echoes' | 'other';

export interface RouteOptions {
	events: EventKind[];
	statuses: string[];
	/** Whether events of this business phone number ID are wanted. */
	acceptsPhone(phoneNumberId: string | undefined): boolean;
}

/** A media file of a customer message, to download on request. */
export interface MediaRef {
	id: string;
	mimeType?: string;
	sha256?: string;
	fileName?: string;
}

export interface MessageItem {
	json: IDataObject;
	media?: MediaRef;
}

export interface Routed {
	messages: MessageItem[];
	statuses: IDataObject[];
	other: IDataObject[];
}

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];

const isoFrom = (seconds: string | number) => new Date(Number(seconds) * 1000).toISOString();

const record = (value: unknown): IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};

/** The text a conversation shows for a WhatsApp message of any type. */
function textOf(message: IDataObject): string {
	const type = String(message.type);
	const part = record(message[type]);
	switch (type) {
		case 'text':
			return String(part.body ?? '');
		case 'image':
		case 'video':
		case 'document':
			return String(part.caption ?? '');
		case 'interactive': {
			const reply = record(part.button_reply ?? part.list_reply ?? part.nfm_reply);
			return String(reply.title ?? reply.body ?? '');
		}
		case 'button':
			return String(part.text ?? part.payload ?? '');
		case 'location': {
			const place = [part.name, part.address].filter(Boolean).join(', ');
			return `${place ? `${place}: ` : ''}${part.latitude}, ${part.longitude}`;
		}
		case 'reaction':
			return String(part.emoji ?? '');
		case 'contacts':
			return ((message.contacts as IDataObject[] | undefined) ?? [])
				.map((contact) => String(record(contact.name).formatted_name ?? ''))
				.filter(Boolean)
				.join(', ');
		default:
			return '';
	}
}

function whatsappDetails(message: IDataObject): IDataObject {
	const type = String(message.type);
	const part = record(message[type]);
	const details: IDataObject = { type };
	if (type === 'interactive') {
		const reply = record(part.button_reply ?? part.list_reply);
		details.reply = { kind: part.type, id: reply.id, title: reply.title };
	}
	if (type === 'button')
		details.reply = { kind: 'template_button', payload: part.payload, title: part.text };
	if (type === 'location') details.location = part;
	if (type === 'reaction')
		details.reaction = { messageId: part.message_id, emoji: part.emoji ?? '' };
	if (type === 'contacts') details.contacts = message.contacts as IDataObject[];
	if (message.referral) details.referral = message.referral;
	if (message.errors) {
		details.errors = (message.errors as unknown[]).map((error) => explainWebhookError(error));
	}
	return details;
}

function customerMessage(message: IDataObject, value: MessagesValue, wabaId: string): MessageItem {
	const from = String(message.from);
	const contact =
		(value.contacts ?? []).find((entry) => entry.wa_id === from) ?? value.contacts?.[0];
	const name = contact?.profile?.name;
	const type = String(message.type);
	const media = MEDIA_TYPES.includes(type) ? record(message[type]) : undefined;
	const context = record(message.context);
	let text = textOf(message);
	if (!text && !media) text = `[${type}]`;
	const conversation: ConversationMessage = {
		schemaVersion: CONVERSATION_SCHEMA_VERSION,
		channel: 'whatsapp',
		direction: 'inbound',
		conversation: { chatId: from },
		sender: {
			id: from,
			...(name ? { name } : {}),
			...(toE164(`+${from}`) ? { phone: toE164(`+${from}`) } : {}),
		},
		message: {
			id: String(message.id),
			...(text ? { text } : {}),
			timestamp: isoFrom(message.timestamp as string),
			attachments: [],
		},
		...(typeof context.id === 'string' ? { replyTo: { messageId: context.id } } : {}),
		echo: false,
		raw: { message, contact, metadata: value.metadata },
	};
	const details = whatsappDetails(message);
	const ref: MediaRef | undefined =
		media && typeof media.id === 'string'
			? {
					id: media.id,
					mimeType: media.mime_type as string | undefined,
					sha256: media.sha256 as string | undefined,
					fileName: media.filename as string | undefined,
				}
			: undefined;
	if (ref) details.media = { ...ref };
	return {
		json: {
			...(conversation as unknown as IDataObject),
			whatsapp: {
				...details,
				phoneNumberId: value.metadata.phone_number_id,
				displayPhoneNumber: value.metadata.display_phone_number,
				wabaId,
			},
		},
		media: ref,
	};
}

/** A message the business sent from elsewhere (the WhatsApp Business app), marked as an echo. */
function echoMessage(
	message: IDataObject,
	metadata: MessagesValue['metadata'],
	wabaId: string,
	field: string,
): IDataObject {
	const business = String(message.from);
	const text = textOf(message) || `[${String(message.type)}]`;
	const conversation: ConversationMessage = {
		schemaVersion: CONVERSATION_SCHEMA_VERSION,
		channel: 'whatsapp',
		direction: 'outbound',
		conversation: { chatId: String(message.to) },
		sender: {
			id: business,
			...(toE164(`+${business}`) ? { phone: toE164(`+${business}`) } : {}),
		},
		message: {
			id: String(message.id),
			text,
			timestamp: isoFrom(message.timestamp as string),
			attachments: [],
		},
		echo: true,
		raw: { message, metadata, field },
	};
	return {
		...(conversation as unknown as IDataObject),
		whatsapp: {
			...whatsappDetails(message),
			field,
			phoneNumberId: metadata.phone_number_id,
			displayPhoneNumber: metadata.display_phone_number,
			wabaId,
		},
	};
}

/** What `biz_opaque_callback_data` says, read as JSON when it is JSON. */
function callbackData(raw: unknown): { callbackData?: unknown; source?: IDataObject } {
	if (typeof raw !== 'string' || raw === '') return {};
	try {
		const parsed = JSON.parse(raw) as unknown;
		const data = record(parsed);
		if (data.src === 'n8n-conversation') {
			return {
				callbackData: parsed,
				source: {
					messageId: data.msg,
					chatId: data.chat,
					...(data.line !== undefined ? { line: data.line } : {}),
					...(data.connector !== undefined ? { connector: data.connector } : {}),
					...(data.olChat !== undefined ? { openLinesChatId: data.olChat } : {}),
					...(data.session !== undefined ? { sessionId: data.session } : {}),
				},
			};
		}
		return { callbackData: parsed };
	} catch {
		return { callbackData: raw };
	}
}

function statusItem(status: IDataObject, value: MessagesValue, wabaId: string): IDataObject {
	const recipient = String(status.recipient_id);
	const errors = ((status.errors as unknown[] | undefined) ?? []).map((error) =>
		explainWebhookError(error),
	);
	const { callbackData: data, source } = callbackData(status.biz_opaque_callback_data);
	return {
		event: 'status',
		status: status.status,
		messageId: status.id,
		recipientId: recipient,
		...(toE164(`+${recipient}`) ? { recipientPhone: toE164(`+${recipient}`) } : {}),
		timestamp: isoFrom(status.timestamp as string),
		phoneNumberId: value.metadata.phone_number_id,
		displayPhoneNumber: value.metadata.display_phone_number,
		wabaId,
		...(data !== undefined ? { callbackData: data } : {}),
		...(source ? { source } : {}),
		...(errors.length ? { error: errors[0], errors } : {}),
		...(status.conversation ? { conversation: status.conversation } : {}),
		...(status.pricing ? { pricing: status.pricing } : {}),
		raw: status,
	};
}

/** Sorts the changes of one webhook into the trigger's outputs. */
export function route(envelope: Envelope, options: RouteOptions): Routed {
	const routed: Routed = { messages: [], statuses: [], other: [] };
	const wants = (kind: EventKind) => options.events.includes(kind);
	for (const entry of envelope.entry) {
		for (const change of entry.changes) {
			if (change.field === 'messages') {
				const value = messagesValueSchema.parse(change.value);
				if (!options.acceptsPhone(value.metadata.phone_number_id)) continue;
				if (wants('messages')) {
					for (const message of value.messages ?? []) {
						routed.messages.push(customerMessage(message as IDataObject, value, entry.id));
					}
				}
				if (wants('statuses')) {
					for (const status of value.statuses ?? []) {
						if (options.statuses.includes(String(status.status))) {
							routed.statuses.push(statusItem(status as IDataObject, value, entry.id));
						}
					}
				}
				if (wants('other') && value.errors?.length) {
					routed.other.push({
						event: 'error',
						field: 'messages',
						wabaId: entry.id,
						phoneNumberId: value.metadata.phone_number_id,
						errors: value.errors.map((error) => explainWebhookError(error)),
						value: change.value,
					});
				}
				continue;
			}
			if (ECHO_FIELDS.includes(change.field)) {
				const value = echoesValueSchema.parse(change.value);
				if (!options.acceptsPhone(value.metadata.phone_number_id) || !wants('echoes')) continue;
				for (const message of value.message_echoes) {
					routed.messages.push({
						json: echoMessage(message as IDataObject, value.metadata, entry.id, change.field),
					});
				}
				continue;
			}
			if (!wants('other')) continue;
			const metadata = record(change.value.metadata);
			const phoneNumberId =
				typeof metadata.phone_number_id === 'string' ? metadata.phone_number_id : undefined;
			if (phoneNumberId && !options.acceptsPhone(phoneNumberId)) continue;
			routed.other.push({
				event: change.field,
				field: change.field,
				wabaId: entry.id,
				...(phoneNumberId ? { phoneNumberId } : {}),
				value: change.value,
			});
		}
	}
	return routed;
}

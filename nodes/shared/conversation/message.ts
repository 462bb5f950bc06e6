import { z } from 'zod';

/**
 * The chat message that crosses a bridge between a channel (WhatsApp, OLX, a web chat…) and
 * Bitrix24 Open Lines. Every channel trigger emits it and the Open Lines node takes it as is, so a
 * bridge is two nodes with nothing in between. Attachments travel as n8n binary properties of
 * the same item; the message names them.
 *
 * Optional fields may be added within a version (readers ignore what they do not know); a
 * change that makes an existing message mean something else needs a new version.
 */
export const CONVERSATION_SCHEMA_VERSION = 1;

const text = z.string().min(1);

export const attachmentSchema = z
	.object({
		/** The item's binary property that holds the file. */
		binaryProperty: text.optional(),
		fileName: z.string().optional(),
		mimeType: z.string().optional(),
		/** Where the channel keeps the file, when it can be fetched from there. */
		url: z.string().url().optional(),
	})
	.refine((file) => Boolean(file.binaryProperty || file.url), {
		message: 'an attachment needs a binary property or a URL',
	});

/** A person as the channel knows them. */
const person = {
	id: text,
	name: z.string().optional(),
	/** E.164, e.g. +4915112345678. */
	phone: z
		.string()
		.regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164 form, e.g. +4915112345678')
		.optional(),
};

export const conversationMessageSchema = z.object({
	schemaVersion: z.literal(CONVERSATION_SCHEMA_VERSION),
	/** The channel's name: `whatsapp`, `openlines`, `webchat`, … */
	channel: text,
	/** `inbound`: from the customer; `outbound`: from an operator to the customer. */
	direction: z.enum(['inbound', 'outbound']),
	conversation: z.object({
		/** The chat as the channel knows it (a WhatsApp number, an OLX thread). */
		chatId: text,
		/** Open Lines: the line, the connector, and Bitrix24's chat and session where known. */
		line: z.union([z.string(), z.number()]).optional(),
		connector: z.string().optional(),
		openLinesChatId: z.union([z.string(), z.number()]).optional(),
		sessionId: z.union([z.string(), z.number()]).optional(),
	}),
	sender: z.object({
		...person,
		avatarUrl: z.string().url().optional(),
		/** Bitrix24's user, for operators' messages. */
		bitrix24UserId: z.union([z.string(), z.number()]).optional(),
	}),
	/**
	 * Who the message goes to, where the channel needs more than the chat: the customer an
	 * operator answers, as the customer's own messages named them.
	 */
	recipient: z.object(person).optional(),
	message: z
		.object({
			/** The message's id in the channel (or in Bitrix24, for operators' messages). */
			id: text,
			text: z.string().optional(),
			/** ISO 8601. */
			timestamp: z.string().datetime({ offset: true }),
			attachments: z.array(attachmentSchema).default([]),
		})
		.refine((message) => Boolean(message.text) || message.attachments.length > 0, {
			message: 'a message needs text or an attachment',
		}),
	/** The message this one answers, by the id it has in the same channel. */
	replyTo: z.object({ messageId: text }).optional(),
	/**
	 * Whether the bridge itself sent this message (an echo of what it delivered), so the other
	 * side does not send it back.
	 */
	echo: z.boolean().optional(),
	/** The channel's payload, untouched. */
	raw: z.unknown().optional(),
});

export type ConversationMessage = z.infer<typeof conversationMessageSchema>;
export type ConversationAttachment = z.infer<typeof attachmentSchema>;

/**
 * Reads a conversation message from an item's JSON: the message itself, or under
 * `conversationMessage`. Returns the problems, one per line, when it is not one.
 */
export function parseConversationMessage(
	json: unknown,
): { ok: true; message: ConversationMessage } | { ok: false; problems: string[] } {
	const candidate =
		json !== null && typeof json === 'object' && 'conversationMessage' in json
			? (json as { conversationMessage: unknown }).conversationMessage
			: json;
	const parsed = conversationMessageSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, message: parsed.data };
	return {
		ok: false,
		problems: parsed.error.issues.map(
			(issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`,
		),
	};
}

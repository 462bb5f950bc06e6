import { z } from 'zod';

/*
 * Reading a webhook body after its signature was checked, with bounded work: at most 8 MB,
 * nesting at most 32 deep (checked on the bytes before JSON.parse), at most 1,000 entries,
 * changes, messages and statuses, and the fields the trigger reads typed. Anything else is
 * malformed: 400, and no workflow starts.
 */

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 32;
const MAX_LIST = 1000;

/** How deep objects and arrays nest in a JSON text (strings skipped). */
export function nestingDepth(raw: Buffer): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < raw.length; i++) {
		const byte = raw[i];
		if (inString) {
			if (byte === 0x5c) i++;
			else if (byte === 0x22) inString = false;
			continue;
		}
		if (byte === 0x22) inString = true;
		else if (byte === 0x7b || byte === 0x5b) {
			depth++;
			if (depth > deepest) deepest = depth;
		} else if (byte === 0x7d || byte === 0x5d) depth--;
	}
	return deepest;
}

const text = (max: number) => z.string().max(max);
const digits = z.string().regex(/^\d{1,20}$/);
const unixSeconds = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]);

const metadata = z.object({
	display_phone_number: text(64),
	phone_number_id: z.string().regex(/^\d{1,30}$/),
});

const contact = z
	.object({
		wa_id: text(64),
		profile: z
			.object({ name: text(1024).optional() })
			.passthrough()
			.optional(),
	})
	.passthrough();

export const messageSchema = z
	.object({
		from: digits,
		id: text(512).min(1),
		timestamp: unixSeconds,
		type: text(64),
		context: z
			.object({ from: text(64).optional(), id: text(512).optional() })
			.passthrough()
			.optional(),
	})
	.passthrough();

export const statusSchema = z
	.object({
		id: text(512).min(1),
		status: text(64),
		timestamp: unixSeconds,
		recipient_id: text(64),
		biz_opaque_callback_data: text(1024).optional(),
		errors: z
			.array(z.object({ code: z.number() }).passthrough())
			.max(100)
			.optional(),
	})
	.passthrough();

const echoSchema = z
	.object({
		from: digits,
		to: digits,
		id: text(512).min(1),
		timestamp: unixSeconds,
		type: text(64),
	})
	.passthrough();

export const messagesValueSchema = z
	.object({
		messaging_product: z.literal('whatsapp').optional(),
		metadata,
		contacts: z.array(contact).max(MAX_LIST).optional(),
		messages: z.array(messageSchema).max(MAX_LIST).optional(),
		statuses: z.array(statusSchema).max(MAX_LIST).optional(),
		errors: z
			.array(z.object({ code: z.number() }).passthrough())
			.max(100)
			.optional(),
	})
	.passthrough();

export const echoesValueSchema = z
	.object({ metadata, message_echoes: z.array(echoSchema).max(MAX_LIST) })
	.passthrough();

const changeSchema = z.object({ field: text(128).min(1), value: z.record(z.unknown()) });

const envelopeSchema = z.object({
	object: z.literal('whatsapp_business_account'),
	entry: z
		.array(z.object({ id: text(64), changes: z.array(changeSchema).max(MAX_LIST) }).passthrough())
		.min(1)
		.max(MAX_LIST),
});

export const ECHO_FIELDS = ['message_echoes', 'smb_message_echoes'];

export type Envelope = z.infer<typeof envelopeSchema>;
export type MessagesValue = z.infer<typeof messagesValueSchema>;
export type EchoesValue = z.infer<typeof echoesValueSchema>;

export type Parsed =
	| { ok: true; envelope: Envelope }
	| { ok: false; status: number; reason: string };

const where = (issue: z.ZodIssue) => `${issue.path.join('.') || 'body'}: ${issue.message}`;

export function parseEnvelope(raw: Buffer): Parsed {
	if (raw.length > MAX_BODY_BYTES)
		return { ok: false, status: 413, reason: 'the body is larger than 8 MB' };
	if (nestingDepth(raw) > MAX_DEPTH)
		return { ok: false, status: 400, reason: 'the body nests too deep' };
	let json: unknown;
	try {
		json = JSON.parse(raw.toString('utf8'));
	} catch {
		return { ok: false, status: 400, reason: 'the body is not JSON' };
	}
	const parsed = envelopeSchema.safeParse(json);
	if (!parsed.success) {
		return {
			ok: false,
			status: 400,
			reason: `not a WhatsApp webhook: ${where(parsed.error.issues[0])}`,
		};
	}
	for (const entry of parsed.data.entry) {
		for (const change of entry.changes) {
			const schema =
				change.field === 'messages'
					? messagesValueSchema
					: ECHO_FIELDS.includes(change.field)
						? echoesValueSchema
						: undefined;
			if (!schema) continue;
			const value = schema.safeParse(change.value);
			if (!value.success) {
				return {
					ok: false,
					status: 400,
					reason: `malformed ${change.field} change: ${where(value.error.issues[0])}`,
				};
			}
		}
	}
	return { ok: true, envelope: parsed.data };
}

import type { IDataObject } from 'n8n-workflow';

import { BODY_LIMITS, copyJsonBody, nestFormBody, type Checked } from './formBody';

/** Bitrix24 event names: upper case letters, digits and underscores after ON. */
export const EVENT_NAME = /^ON[A-Z0-9_]+$/;

/**
 * What an event request says before it is trusted, read with a fixed amount of work: the event
 * name and the application token. The rest of the body is nested only when asked for, which
 * should be after the token was checked.
 */
export interface EventEnvelope {
	/** Upper case. */
	event: string;
	/** `auth[application_token]`; undefined when missing, empty or longer than any token. */
	applicationToken: string | undefined;
	/** One field by its bracket path (`['data', 'QUERY', 'proof']`), without nesting the body. */
	field(path: string[]): unknown;
	/** The whole body, nested and bounded. */
	body(): Checked<IDataObject>;
}

const own = (object: unknown, key: string): unknown =>
	object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key)
		? (object as IDataObject)[key]
		: undefined;

const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const bracketName = (path: string[]) =>
	path[0] +
	path
		.slice(1)
		.map((key) => `[${key}]`)
		.join('');

/**
 * Reads a request body as n8n hands it to a webhook: a form body flat (`auth[application_token]`
 * is one key), a JSON body already nested (`auth.application_token`).
 */
export function readEventEnvelope(raw: unknown): Checked<EventEnvelope> {
	const refuse = (reason: string): Checked<EventEnvelope> => ({ ok: false, reason });
	if (!isRecord(raw)) return refuse('the body is not a form or a JSON object');
	const nested = isRecord(own(raw, 'auth'));
	if (nested && own(raw, 'auth[application_token]') !== undefined) {
		return refuse('the body has two application tokens');
	}
	const field = (path: string[]): unknown =>
		nested ? path.reduce<unknown>(own, raw) : own(raw, bracketName(path));

	const event = field(['event']);
	if (typeof event !== 'string' || event.length > BODY_LIMITS.keyLength) {
		return refuse('the event name is missing');
	}
	const name = event.trim().toUpperCase();
	if (!EVENT_NAME.test(name)) return refuse('the event name is not a Bitrix24 event name');

	const token = field(['auth', 'application_token']);
	if (token !== undefined && typeof token !== 'string') {
		return refuse('the application token is not text');
	}
	return {
		ok: true,
		value: {
			event: name,
			applicationToken: token && token.length <= BODY_LIMITS.keyLength ? token : undefined,
			field,
			body: () => (nested ? copyJsonBody(raw) : nestFormBody(raw)),
		},
	};
}

import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Failure } from './errors';
import { withoutWebhookSecret } from '../webhookUrl';

/** A successful Bitrix24 answer: `{ result, next?, total?, time? }`. */
export interface Envelope {
	result: unknown;
	next?: number;
	total?: number;
	time?: { operating_reset_at?: number; operating?: number; processing?: number };
}

export type Parsed = { ok: true; envelope: Envelope } | { ok: false; failure: Bitrix24Failure };

function asObject(body: unknown): IDataObject | undefined {
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as IDataObject)
		: undefined;
}

/**
 * Reads an HTTP answer the way Bitrix24 must be read: an `error` key means failure whatever the
 * status (the OAuth server even answers some errors with 200), and the code may be an empty
 * string, a number or lower case. A server that is not Bitrix24 may quote the requested path, so
 * a webhook code is cut out of the description.
 */
export function parseAnswer(method: string, status: number, body: unknown): Parsed {
	const data = asObject(body);
	if (data && 'error' in data && data.error !== null && data.error !== undefined) {
		return {
			ok: false,
			failure: {
				method,
				status,
				code: String(data.error),
				description: withoutWebhookSecret(String(data.error_description ?? '')),
			},
		};
	}
	if (!data || status >= 400 || !('result' in data)) {
		return {
			ok: false,
			failure: {
				method,
				status,
				code: status >= 400 ? `HTTP_${status}` : 'UNEXPECTED_ANSWER',
				description: `Bitrix24 returned an unexpected answer (HTTP ${status})`,
			},
		};
	}
	return { ok: true, envelope: data as unknown as Envelope };
}

/** PHP serialises an empty map as `[]` and a gap-free map as an array; give both back as maps. */
export function asMap(value: unknown): Record<string, unknown> {
	if (Array.isArray(value))
		return Object.fromEntries(value.map((entry, index) => [String(index), entry]));
	if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
	return {};
}

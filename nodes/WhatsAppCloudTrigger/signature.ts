import { createHash, createHmac, timingSafeEqual } from 'crypto';

/*
 * Meta signs every webhook with HMAC-SHA256 of the app secret over the body exactly as sent
 * (JSON with non-ASCII escaped as \uXXXX): `X-Hub-Signature-256: sha256=<hex>`. The check runs
 * over the raw bytes, before the body is read, and compares in constant time. A body parsed and
 * serialized again has other bytes, so it never passes.
 */

const HEADER = /^sha256=([0-9a-fA-F]{64})$/;

export type Verdict = { ok: true } | { ok: false; reason: string };

export function verifySignature(raw: Buffer, header: unknown, appSecret: string): Verdict {
	if (typeof header !== 'string' || header.trim() === '') {
		return { ok: false, reason: 'the request is not signed (no X-Hub-Signature-256 header)' };
	}
	const match = HEADER.exec(header.trim());
	if (!match) {
		return { ok: false, reason: 'the X-Hub-Signature-256 header is not sha256=<64 hex digits>' };
	}
	const expected = createHmac('sha256', appSecret).update(raw).digest();
	const given = Buffer.from(match[1], 'hex');
	return timingSafeEqual(expected, given)
		? { ok: true }
		: {
				ok: false,
				reason: 'the signature does not match the body (another app secret, or a changed body)',
			};
}

/** Compares two secrets in constant time (their SHA-256, so lengths do not leak). */
export function sameSecret(given: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}

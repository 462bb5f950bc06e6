import { createHash, createHmac, timingSafeEqual } from 'crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison (hashes first, so the lengths do not leak either). */
export function sameToken(given: string, expected: string): boolean {
	return timingSafeEqual(sha256(given), sha256(expected));
}

/** What may be stored instead of a token: its SHA-256, hex. */
export function tokenHash(token: string): string {
	return sha256(token).toString('hex');
}

/** Whether `token` is the one whose tokenHash() is `hash`, in constant time. */
export function matchesHash(token: string, hash: string): boolean {
	const expected = Buffer.from(hash, 'hex');
	const given = sha256(token);
	return expected.length === given.length && timingSafeEqual(given, expected);
}

/** How long a proof stays valid, and how far ahead of our clock its issuer's clock may be. */
const PROOF_MAX_AGE_S = 15 * 60;
const PROOF_MAX_SKEW_S = 5 * 60;

/**
 * A proof that only the holder of `secret` can make: HMAC-SHA256 of `subject:issued` (unix
 * seconds), hex. Checking it needs no stored state.
 */
export function signProof(secret: string, subject: string, issued: number): string {
	return createHmac('sha256', secret).update(`${subject}:${issued}`).digest('hex');
}

/** Whether `proof` was made by signProof() for `subject` at `issued`, and is still fresh. */
export function verifyProof(
	secret: string,
	subject: string,
	issued: unknown,
	proof: unknown,
	nowSeconds: number,
): boolean {
	const text = typeof issued === 'number' ? String(issued) : issued;
	const at = typeof text === 'string' && /^\d{1,12}$/.test(text) ? Number(text) : NaN;
	if (!secret || typeof proof !== 'string' || !Number.isInteger(at)) return false;
	if (at < nowSeconds - PROOF_MAX_AGE_S || at > nowSeconds + PROOF_MAX_SKEW_S) return false;
	const expected = Buffer.from(signProof(secret, subject, at));
	const given = Buffer.from(proof);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

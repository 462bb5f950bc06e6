import { createHash, timingSafeEqual } from 'crypto';

/** Application tokens proven genuine, per portal and trigger node, for this n8n process. */
const learned = new Map<string, string>();

export const learnedToken = (key: string) => learned.get(key);

export function rememberToken(key: string, token: string): void {
	learned.set(key, token);
}

/** Constant-time comparison (hashes first, so the lengths do not leak either). */
export function sameToken(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

import type { Bitrix24Failure } from './errors';

/**
 * Which calls may be repeated. A call Bitrix24 refused before running it (rate limit, method time
 * limit) is always safe to repeat; anything else that fails on the way is repeated only for reads,
 * because a write that reached the server may already have been carried out.
 */
const READ_SUFFIX =
	/(^|\.)(get|list|fields|current|search|find|findbycomm|info|time|scope|methods|profile|getlist|types|count)$/;

export function isReadMethod(method: string): boolean {
	return READ_SUFFIX.test(method.toLowerCase());
}

const RATE_LIMITED = 'QUERY_LIMIT_EXCEEDED';
const TIME_LIMITED = 'OPERATION_TIME_LIMIT';

export function isRateLimited(failure: Pick<Bitrix24Failure, 'code'>): boolean {
	return failure.code.toUpperCase() === RATE_LIMITED;
}

export function isTimeLimited(failure: Pick<Bitrix24Failure, 'code'>): boolean {
	return failure.code.toUpperCase() === TIME_LIMITED;
}

/** Refused before running: safe to send again whatever the method does. */
export function wasRefused(failure: Pick<Bitrix24Failure, 'code'>): boolean {
	return isRateLimited(failure) || isTimeLimited(failure);
}

/** Bitrix24 blocked the whole REST API for the portal: nothing ran, but retrying will not help. */
const BLOCKED = 'OVERLOAD_LIMIT';

/**
 * A failure after which the call may or may not have run: a server error (other than Bitrix24's
 * own refusals) or an answer that is not Bitrix24's.
 */
export function outcomeIsUncertain(failure: Pick<Bitrix24Failure, 'status' | 'code'>): boolean {
	if (wasRefused(failure) || failure.code.toUpperCase() === BLOCKED) return false;
	return failure.status >= 500 || failure.code === 'UNEXPECTED_ANSWER';
}

/** Connection errors that prove the request never reached the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function networkErrorWasNotSent(code: string): boolean {
	return NOT_SENT.has(code);
}

export interface RetrySettings {
	maxRateLimitRetries: number;
	maxFaultRetries: number;
	backoffBaseMs: number;
	backoffMaxMs: number;
	maxOperatingWaitMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxRateLimitRetries: 8,
	maxFaultRetries: 3,
	backoffBaseMs: 1000,
	backoffMaxMs: 30000,
	maxOperatingWaitMs: 120000,
};

/** Exponential backoff with ±50 % jitter, so parallel executions do not retry in lock-step. */
export function backoffMs(attempt: number, settings: RetrySettings, random: () => number): number {
	const base = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** attempt);
	return Math.round(base * (0.5 + random()));
}

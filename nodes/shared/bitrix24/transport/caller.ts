import type { IDataObject } from 'n8n-workflow';

import type { Envelope } from './envelope';
import { parseAnswer } from './envelope';
import type { Bitrix24Failure } from './errors';
import type { LeakyBucket } from './limiter';
import { operatingResetAt, rememberOperatingReset } from './limiter';

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

/** What one HTTP exchange produced: an answer, or a connection failure. */
export type Exchange =
	| { kind: 'answer'; status: number; body: unknown }
	| { kind: 'network'; code: string; message: string };

/** How a call ended after every safe retry was spent. */
export type CallOutcome =
	| { kind: 'ok'; envelope: Envelope }
	| { kind: 'failed'; failure: Bitrix24Failure }
	| { kind: 'unknown'; reason: string; status?: number };

export interface Runtime {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

export interface CallContext {
	portalKey: string;
	bucket: LeakyBucket;
	retry: RetrySettings;
	runtime: Runtime;
	send(method: string, body: IDataObject): Promise<Exchange>;
	/** Where waits are told, so a slow run explains itself (n8n's logger). */
	log?(level: 'debug' | 'info', message: string): void;
}

/** Why the transport waits; pacing is routine (debug), the others mean the portal pushed back. */
export type WaitReason = 'pacing' | 'rate limit' | 'method time limit' | 'retry after a fault';

/** Waits `ms`, telling the log why. */
export async function pause(ctx: CallContext, ms: number, reason: WaitReason, method: string) {
	if (ms <= 0) return;
	ctx.log?.(
		reason === 'pacing' ? 'debug' : 'info',
		`Bitrix24 ${method}: waiting ${(ms / 1000).toFixed(1)} s (${reason}, ${ctx.portalKey})`,
	);
	await ctx.runtime.sleep(ms);
}

/**
 * Sends one REST call under Bitrix24's limits: waits for the portal's leaky bucket, repeats calls
 * the server refused without running (QUERY_LIMIT_EXCEEDED with backoff, OPERATION_TIME_LIMIT
 * after the window resets), and repeats other failures only when `isRead` says it is harmless.
 */
export async function performCall(
	ctx: CallContext,
	method: string,
	body: IDataObject,
	isRead: boolean,
): Promise<CallOutcome> {
	const { retry, runtime } = ctx;
	let rateLimited = 0;
	let faults = 0;
	const operating = { waitedMs: 0, attempts: 0 };

	for (;;) {
		await pause(ctx, ctx.bucket.reserve(), 'pacing', method);

		const exchange = await ctx.send(method, body);

		if (exchange.kind === 'network') {
			const harmless = isRead || networkErrorWasNotSent(exchange.code);
			if (harmless && faults < retry.maxFaultRetries) {
				await pause(ctx, backoffMs(faults++, retry, runtime.random), 'retry after a fault', method);
				continue;
			}
			if (networkErrorWasNotSent(exchange.code)) {
				return {
					kind: 'failed',
					failure: { method, status: 0, code: exchange.code, description: exchange.message },
				};
			}
			return { kind: 'unknown', reason: exchange.message || exchange.code };
		}

		const parsed = parseAnswer(method, exchange.status, exchange.body);
		if (parsed.ok) {
			const resetAt = parsed.envelope.time?.operating_reset_at;
			if (typeof resetAt === 'number') rememberOperatingReset(ctx.portalKey, method, resetAt);
			return { kind: 'ok', envelope: parsed.envelope };
		}

		const { failure } = parsed;
		if (isRateLimited(failure)) {
			if (rateLimited >= retry.maxRateLimitRetries) return { kind: 'failed', failure };
			ctx.bucket.markFull();
			await pause(ctx, backoffMs(rateLimited++, retry, runtime.random), 'rate limit', method);
			continue;
		}
		if (isTimeLimited(failure)) {
			const untilReset = operatingPause(ctx, method, operating);
			if (untilReset === undefined) return { kind: 'failed', failure };
			await pause(ctx, untilReset, 'method time limit', method);
			continue;
		}
		if (outcomeIsUncertain(failure)) {
			if (isRead && faults < retry.maxFaultRetries) {
				await pause(ctx, backoffMs(faults++, retry, runtime.random), 'retry after a fault', method);
				continue;
			}
			if (!isRead) {
				const reason = failure.description || `HTTP ${failure.status}`;
				return { kind: 'unknown', reason, status: failure.status };
			}
		}
		return { kind: 'failed', failure };
	}
}

/** How long a call has already waited for Bitrix24's method time limit to lift. */
export interface OperatingWait {
	waitedMs: number;
	attempts: number;
}

/**
 * How long to pause after OPERATION_TIME_LIMIT: until the window resets, when a recent answer told
 * us when (`operating_reset_at`), otherwise 5 s, 10 s, 20 s… Returns `undefined` once the pause
 * would take the total wait past the user's bound; records the pause in `wait` otherwise.
 */
export function operatingPause(
	ctx: CallContext,
	method: string,
	wait: OperatingWait,
): number | undefined {
	const resetAt = operatingResetAt(ctx.portalKey, method);
	const untilReset = resetAt === undefined ? 0 : resetAt - ctx.runtime.now() + 1000;
	const pause = untilReset > 0 ? untilReset : Math.min(60000, 5000 * 2 ** wait.attempts);
	if (wait.waitedMs + pause > ctx.retry.maxOperatingWaitMs) return undefined;
	wait.waitedMs += pause;
	wait.attempts += 1;
	return pause;
}

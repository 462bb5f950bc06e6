import type { IDataObject } from 'n8n-workflow';

import type { Envelope } from './envelope';
import { parseAnswer } from './envelope';
import type { Bitrix24Failure } from './errors';
import {
	type LeakyBucket,
	operatingResetAt,
	operatingSeconds,
	operatingWaitMs,
	rememberOperating,
	type OperatingReading,
} from './limiter';

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
	log?(level: 'debug' | 'info' | 'warn', message: string): void;
}

/**
 * Why the transport waits. Pacing is routine (debug); a refusal is the portal pushing back (info);
 * method time is the portal about to block a method, or blocking it (warn).
 */
export type WaitReason =
	| 'pacing'
	| 'rate limit'
	| 'method time limit'
	| 'method time near its limit'
	| 'retry after a fault';

const LOG_LEVEL: Record<WaitReason, 'debug' | 'info' | 'warn'> = {
	pacing: 'debug',
	'rate limit': 'info',
	'retry after a fault': 'info',
	'method time limit': 'warn',
	'method time near its limit': 'warn',
};

/** Waits `ms`, telling the log why (and, for pacing and refusals, at which rate). */
export async function pause(
	ctx: CallContext,
	ms: number,
	reason: WaitReason,
	method: string,
	detail = '',
) {
	if (ms <= 0) return;
	const rate =
		reason === 'pacing' || reason === 'rate limit'
			? `, ${ctx.bucket.rate.toFixed(2)} requests/s for this process`
			: '';
	ctx.log?.(
		LOG_LEVEL[reason],
		`Bitrix24 ${method}: waiting ${(ms / 1000).toFixed(1)} s (${reason}${detail}${rate}, ${ctx.portalKey})`,
	);
	await ctx.runtime.sleep(ms);
}

/** The `time` block of an answer as a method-time reading. */
export function operatingReading(time: unknown): OperatingReading {
	const block = (time ?? {}) as Record<string, unknown>;
	const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
	return {
		operating: number(block.operating),
		operatingResetAt: number(block.operating_reset_at),
		processing: number(block.processing),
	};
}

/**
 * Before a call: waits while one of `methods` has used nearly all its method time, until the
 * portal's window lets enough of it go (`operating_reset_at`), as long as the user's bound on
 * such waits allows; past that bound the call goes and the portal decides.
 */
export async function waitForMethodTime(
	ctx: CallContext,
	methods: string[],
	wait: OperatingWait,
): Promise<void> {
	for (const method of new Set(methods)) {
		const ms = operatingWaitMs(ctx.portalKey, method, ctx.runtime.now());
		if (ms <= 0 || wait.waitedMs + ms > ctx.retry.maxOperatingWaitMs) continue;
		wait.waitedMs += ms;
		const used = operatingSeconds(ctx.portalKey, method) ?? 0;
		await pause(
			ctx,
			ms,
			'method time near its limit',
			method,
			`: ${used.toFixed(0)} s of Bitrix24's 480 s per 10 minutes used`,
		);
	}
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
	/** The methods whose time the call uses (a batch's commands); the method itself by default. */
	timedMethods: string[] = [method],
): Promise<CallOutcome> {
	const { retry, runtime } = ctx;
	let rateLimited = 0;
	let faults = 0;
	const operating = { waitedMs: 0, attempts: 0 };

	for (;;) {
		await waitForMethodTime(ctx, timedMethods, operating);
		await pause(ctx, ctx.bucket.reserve(), 'pacing', method);

		const sentAt = runtime.now();
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
			if (method !== 'batch' && parsed.envelope.time) {
				const reading = operatingReading(parsed.envelope.time);
				rememberOperating(ctx.portalKey, method, [reading], ctx.bucket);
			}
			return { kind: 'ok', envelope: parsed.envelope };
		}

		const { failure } = parsed;
		if (isRateLimited(failure)) {
			if (rateLimited >= retry.maxRateLimitRetries) return { kind: 'failed', failure };
			ctx.bucket.markFull(sentAt);
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

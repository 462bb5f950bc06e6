import type { IDataObject, NodeApiError } from 'n8n-workflow';

import type { Command, CommandResult } from './batch';
import {
	batchBody,
	batchIsRead,
	BATCH_LIMIT,
	chunk,
	containsBatchReference,
	commandTimes,
	NOT_EXECUTED,
	readBatch,
} from './batch';
import type { CallContext, CallOutcome, OperatingWait, WaitReason } from './caller';
import {
	operatingPause,
	pause,
	performCall,
	backoffMs,
	isRateLimited,
	isReadMethod,
	isTimeLimited,
	operatingReading,
} from './caller';
import type { Bitrix24Context, Session } from './connection';
import type { Envelope } from './envelope';
import { failureToApiError, unsafeToRetryError } from './errors';
import type { OperatingReading } from './limiter';
import { rememberOperating } from './limiter';

/** A call's outcome as a command result; failures name `method` (the command's, for a batch). */
function toCommandResult(outcome: CallOutcome, method: string): CommandResult {
	if (outcome.kind === 'ok') {
		const { result, total, next } = outcome.envelope;
		return { ok: true, result, total, next };
	}
	if (outcome.kind === 'failed') return { ok: false, failure: { ...outcome.failure, method } };
	return {
		ok: false,
		outcomeUnknown: true,
		failure: { method, status: outcome.status ?? 0, code: '', description: outcome.reason },
	};
}

/** The NodeApiError for a failed command, naming the item it was made for. */
export function commandError(
	ctx: Bitrix24Context,
	result: CommandResult,
	itemIndex?: number,
): NodeApiError {
	if (result.ok) throw new Error('commandError called for a successful command');
	const { failure } = result;
	return result.outcomeUnknown
		? unsafeToRetryError(
				ctx.getNode(),
				failure.method,
				failure.description,
				itemIndex,
				failure.status || undefined,
			)
		: failureToApiError(ctx.getNode(), failure, itemIndex);
}

/** Calls one REST method; throws NodeApiError (with the item index, when given) on failure. */
export async function apiRequest(
	{ ctx, call }: Session,
	method: string,
	params: IDataObject = {},
	itemIndex?: number,
): Promise<Envelope> {
	const outcome = await performCall(call, method, params, isReadMethod(method));
	if (outcome.kind === 'ok') return outcome.envelope;
	throw commandError(ctx, toCommandResult(outcome, method), itemIndex);
}

/** One `batch` request; whatever goes wrong with it as a whole is given to each of its commands. */
async function sendBatch(
	call: CallContext,
	commands: Command[],
	halt: boolean,
): Promise<Map<string, CommandResult>> {
	let outcome: CallOutcome;
	try {
		outcome = await performCall(
			call,
			'batch',
			batchBody(commands, halt),
			batchIsRead(commands),
			commands.map((command) => command.method),
		);
	} catch (error) {
		const description = (error as Error).message;
		outcome = {
			kind: 'failed',
			failure: { method: 'batch', status: 0, code: 'REQUEST_FAILED', description },
		};
	}
	if (outcome.kind !== 'ok') {
		return new Map(
			commands.map((command) => [command.key, toCommandResult(outcome, command.method)]),
		);
	}
	rememberMethodTimes(call, commands, outcome.envelope);
	return readBatch(outcome.envelope, commands);
}

/** Records what each command's `time` block says about its method's time, in command order. */
function rememberMethodTimes(call: CallContext, commands: Command[], envelope: Envelope): void {
	const times = commandTimes(envelope);
	const byMethod = new Map<string, OperatingReading[]>();
	for (const command of commands) {
		const time = times.get(command.key);
		if (!time) continue;
		const method = command.method.toLowerCase();
		const readings = byMethod.get(method) ?? [];
		readings.push(operatingReading(time));
		byMethod.set(method, readings);
	}
	for (const [method, readings] of byMethod)
		rememberOperating(call.portalKey, method, readings, call.bucket);
}

function isRealFailure(result: CommandResult): boolean {
	return !result.ok && result.failure.code !== NOT_EXECUTED;
}

export interface BatchOptions {
	/** Halt each batch at a failing command and send nothing after it; unsent commands get no result. */
	stopOnFailure: boolean;
	/**
	 * Send commands Bitrix24 refused without running them (rate limit, method time limit, skipped
	 * by a halted batch) again, waiting as the limits require. Off for commands chained through
	 * `$result` references, which only resolve inside their original batch.
	 */
	resend?: boolean;
}

/**
 * Batch requests of reads that may be in flight at once: they change nothing, so their order
 * does not matter, and waiting for each answer before sending the next would leave the burst
 * unused. Writes go one request at a time, in order.
 */
const PARALLEL_READS = 3;

/** Sends commands 50 per `batch` request and returns each one's result (see BatchOptions). */
async function sendCommands(
	call: CallContext,
	commands: Command[],
	{ stopOnFailure, resend = true }: BatchOptions,
): Promise<Map<string, CommandResult>> {
	const results = new Map<string, CommandResult>();
	const rateLimited = new Map<string, number>();
	const operating: OperatingWait = { waitedMs: 0, attempts: 0 };
	let pending = commands;

	while (pending.length > 0) {
		const again: Command[] = [];
		let resendAfter = 0;
		let reason: WaitReason = 'rate limit';
		let stopped = false;
		const sendPart = async (part: Command[]) => {
			const answers = await sendBatch(call, part, stopOnFailure);
			const partFailed = [...answers.values()].some(isRealFailure);
			for (const command of part) {
				const result = answers.get(command.key) as CommandResult;
				const wait =
					resend && !result.ok
						? resendPause(call, command, result, {
								rateLimited,
								operating,
								halted: stopOnFailure && !partFailed,
							})
						: undefined;
				if (wait === undefined) results.set(command.key, result);
				else {
					again.push(command);
					resendAfter = Math.max(resendAfter, wait);
					if (!result.ok && isTimeLimited(result.failure)) reason = 'method time limit';
				}
			}
			if (partFailed && stopOnFailure) stopped = true;
		};
		const parts = chunk(pending);
		const lanes = batchIsRead(pending) ? PARALLEL_READS : 1;
		let next = 0;
		await Promise.all(
			Array.from({ length: Math.min(lanes, parts.length) }, async () => {
				while (next < parts.length && !stopped) await sendPart(parts[next++]);
			}),
		);
		if (stopped) break;
		if (again.length > 0) await pause(call, resendAfter, reason, 'batch');
		pending = again;
	}
	return results;
}

interface ResendState {
	/** Rate-limit refusals per command key (also counts resends of halted commands). */
	rateLimited: Map<string, number>;
	operating: OperatingWait;
	/** The batch halted only because a command was refused: skipped commands did not run. */
	halted: boolean;
}

/** How long to wait before resending a refused command, or `undefined` when it must not be. */
function resendPause(
	call: CallContext,
	command: Command,
	result: Extract<CommandResult, { ok: false }>,
	state: ResendState,
): number | undefined {
	const { failure } = result;
	if (isTimeLimited(failure)) return operatingPause(call, command.method, state.operating);
	const skipped = failure.code === NOT_EXECUTED;
	if (!isRateLimited(failure) && !(skipped && state.halted)) return undefined;
	const attempt = state.rateLimited.get(command.key) ?? 0;
	if (attempt >= call.retry.maxRateLimitRetries) return undefined;
	state.rateLimited.set(command.key, attempt + 1);
	return skipped ? 0 : backoffMs(attempt, call.retry, call.runtime.random);
}

/** Runs any number of named commands, 50 per `batch` request, and returns each command's result. */
export async function apiBatch(
	{ call }: Session,
	commands: Command[],
	options: BatchOptions = { stopOnFailure: false },
): Promise<Map<string, CommandResult>> {
	return await sendCommands(call, commands, options);
}

/** One REST call made on behalf of one input item. */
export interface ItemCall {
	itemIndex: number;
	method: string;
	params: IDataObject;
	/** Send as its own JSON request instead of inside a batch (typed values, no batch encoding). */
	alone?: boolean;
}

export type ItemResult =
	| { itemIndex: number; ok: true; result: unknown; total?: number; next?: number }
	| { itemIndex: number; ok: false; error: NodeApiError };

/**
 * Item-level batching: the calls of N input items go out 50 per `batch` request, in item order,
 * and each result or error is mapped back to its item. Calls marked `alone`, or carrying text that
 * Bitrix24 would take for a batch reference, are sent as single requests. With `stopOnFailure`
 * nothing more is sent after the first failure; items never sent get no result.
 *
 * `calls` may be produced while they are sent (an async iterable): the next request's calls are
 * pulled, that is prepared, while the current request waits for the rate limit and its answer.
 * A request of writes goes out once the one before it has been answered (order, and nothing sent
 * after a failure); requests of reads go up to three at a time. A source that throws stops
 * sending: requests already out are awaited, then the error is passed on.
 */
export async function runItemCalls(
	{ ctx, call }: Session,
	calls: Iterable<ItemCall> | AsyncIterable<ItemCall>,
	{ stopOnFailure = false }: { stopOnFailure?: boolean } = {},
): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	let failed = false;
	const record = (itemCall: ItemCall, result: CommandResult) => {
		results.push(
			result.ok
				? {
						itemIndex: itemCall.itemIndex,
						ok: true,
						result: result.result,
						total: result.total,
						next: result.next,
					}
				: {
						itemIndex: itemCall.itemIndex,
						ok: false,
						error: commandError(ctx, result, itemCall.itemIndex),
					},
		);
		if (!result.ok) failed = true;
	};

	const send = async ({ calls: unit, alone }: Unit): Promise<void> => {
		if (alone) {
			const [itemCall] = unit;
			const isRead = isReadMethod(itemCall.method);
			const outcome = await performCall(call, itemCall.method, itemCall.params, isRead);
			record(itemCall, toCommandResult(outcome, itemCall.method));
			return;
		}
		const commands = unit.map((itemCall, position) => ({ ...itemCall, key: `i${position}` }));
		const answers = await sendCommands(call, commands, { stopOnFailure });
		commands.forEach((command, position) => {
			const answer = answers.get(command.key);
			if (answer) record(unit[position], answer);
		});
	};

	const inFlight = new Set<Promise<void>>();
	let writes = 0;
	/** Something other than a Bitrix24 answer went wrong (the execution was cancelled, say). */
	let thrown: { error: unknown } | undefined;
	const stop = () => thrown !== undefined || (failed && stopOnFailure);
	try {
		for await (const unit of unitsOf(calls)) {
			if (stop()) break;
			const reads = unit.calls.every((itemCall) => isReadMethod(itemCall.method));
			// Writes wait for every request before them; reads for a free lane, and for writes.
			const busy = () =>
				reads ? inFlight.size >= PARALLEL_READS || writes > 0 : inFlight.size > 0;
			while (busy()) await Promise.race(inFlight);
			if (stop()) break;
			if (!reads) writes++;
			const sending: Promise<void> = send(unit)
				.catch((error: unknown) => {
					thrown ??= { error };
				})
				.finally(() => {
					inFlight.delete(sending);
					if (!reads) writes--;
				});
			inFlight.add(sending);
		}
	} finally {
		await Promise.all(inFlight);
	}
	if (thrown) throw thrown.error;
	return results.sort((a, b) => a.itemIndex - b.itemIndex);
}

/** What one request carries: up to 50 calls in a `batch`, or one call sent on its own. */
interface Unit {
	calls: ItemCall[];
	alone: boolean;
}

/**
 * Groups calls into requests as they come: a group is handed on when it holds 50 calls, when a
 * call that must go alone follows it, or when the calls end.
 */
async function* unitsOf(calls: Iterable<ItemCall> | AsyncIterable<ItemCall>): AsyncGenerator<Unit> {
	let group: ItemCall[] = [];
	for await (const itemCall of calls) {
		if (itemCall.alone || containsBatchReference(itemCall.params)) {
			if (group.length > 0) yield { calls: group, alone: false };
			group = [];
			yield { calls: [itemCall], alone: true };
			continue;
		}
		group.push(itemCall);
		if (group.length === BATCH_LIMIT) {
			yield { calls: group, alone: false };
			group = [];
		}
	}
	if (group.length > 0) yield { calls: group, alone: false };
}

import type { IDataObject, NodeApiError } from 'n8n-workflow';

import type { CallContext, CallOutcome } from './caller';
import { performCall } from './caller';
import type { Bitrix24Context } from './connection';
import { getConnection } from './connection';
import type { Envelope } from './envelope';
import { failureToApiError, unsafeToRetryError } from './errors';
import type { Command, CommandResult } from './batch';
import { batchBody, batchIsRead, chunk, readBatch } from './batch';
import { callContext } from './http';
import { backoffMs, isReadMethod, wasNotExecuted } from './retryPolicy';

async function contextOf(ctx: Bitrix24Context): Promise<CallContext> {
	return callContext(ctx, await getConnection.call(ctx));
}

function settle(
	ctx: Bitrix24Context,
	method: string,
	outcome: CallOutcome,
	itemIndex?: number,
): Envelope {
	if (outcome.kind === 'ok') return outcome.envelope;
	if (outcome.kind === 'failed') throw failureToApiError(ctx.getNode(), outcome.failure, itemIndex);
	throw unsafeToRetryError(ctx.getNode(), method, outcome.reason, itemIndex);
}

/** Calls one REST method; throws NodeApiError (with the item index, when given) on failure. */
export async function apiRequest(
	this: Bitrix24Context,
	method: string,
	params: IDataObject = {},
	itemIndex?: number,
): Promise<Envelope> {
	const call = await contextOf(this);
	return settle(
		this,
		method,
		await performCall(call, method, params, isReadMethod(method)),
		itemIndex,
	);
}

/** Runs up to 50 commands in one `batch` request and returns each command's result. */
async function runBatch(
	ctx: Bitrix24Context,
	call: CallContext,
	commands: Command[],
	halt: boolean,
): Promise<Map<string, CommandResult> | { outcome: CallOutcome }> {
	const outcome = await performCall(
		call,
		'batch',
		batchBody(commands, halt),
		batchIsRead(commands),
	);
	if (outcome.kind !== 'ok') return { outcome };
	return readBatch(outcome.envelope, commands);
}

/**
 * Runs any number of named commands, 50 per `batch` request, keeping their order. A command
 * Bitrix24 refused without running it (rate or time limit inside the batch) is sent again.
 */
export async function apiBatch(
	this: Bitrix24Context,
	commands: Command[],
	halt = false,
): Promise<Map<string, CommandResult>> {
	const call = await contextOf(this);
	const results = new Map<string, CommandResult>();
	for (const part of chunk(commands)) {
		const answer = await runBatch(this, call, part, halt);
		if ('outcome' in answer) settle(this, 'batch', answer.outcome);
		else for (const [key, result] of answer) results.set(key, result);
		if (halt && [...results.values()].some((result) => !result.ok)) break;
	}
	return results;
}

/** One REST call made on behalf of one input item. */
export interface ItemCall {
	itemIndex: number;
	method: string;
	params: IDataObject;
}

export type ItemResult =
	| { itemIndex: number; ok: true; result: unknown }
	| { itemIndex: number; ok: false; error: NodeApiError };

const MAX_REQUEUES = 5;

/**
 * Item-level batching: the calls of N input items go out 50 per `batch` request, and each
 * result or error is mapped back to its item. Results come back in the order of `calls`.
 */
export async function runItemCalls(
	this: Bitrix24Context,
	calls: ItemCall[],
): Promise<ItemResult[]> {
	const call = await contextOf(this);
	const node = this.getNode();
	const results: ItemResult[] = new Array(calls.length);
	const requeues = new Array<number>(calls.length).fill(0);
	let pending = calls.map((_, position) => position);

	while (pending.length > 0) {
		const again: number[] = [];
		for (const part of chunk(pending)) {
			if (part.length === 1 && pending.length === 1) {
				const { itemIndex, method, params } = calls[part[0]];
				const outcome = await performCall(call, method, params, isReadMethod(method));
				results[part[0]] = toItemResult(this, itemIndex, method, outcome);
				continue;
			}
			const commands = part.map((position) => ({ key: `i${position}`, ...calls[position] }));
			const answer = await runBatch(this, call, commands, false);
			for (const position of part) {
				const { itemIndex, method } = calls[position];
				if ('outcome' in answer) {
					results[position] = toItemResult(this, itemIndex, method, answer.outcome);
					continue;
				}
				const result = answer.get(`i${position}`) as CommandResult;
				if (result.ok) {
					results[position] = { itemIndex, ok: true, result: result.result };
				} else if (wasNotExecuted(result.failure) && requeues[position] < MAX_REQUEUES) {
					requeues[position] += 1;
					again.push(position);
				} else {
					results[position] = {
						itemIndex,
						ok: false,
						error: failureToApiError(node, result.failure, itemIndex),
					};
				}
			}
		}
		if (again.length > 0) {
			await call.runtime.sleep(
				backoffMs(Math.max(...again.map((p) => requeues[p])) - 1, call.retry, call.runtime.random),
			);
		}
		pending = again;
	}
	return results;
}

function toItemResult(
	ctx: Bitrix24Context,
	itemIndex: number,
	method: string,
	outcome: CallOutcome,
): ItemResult {
	if (outcome.kind === 'ok') return { itemIndex, ok: true, result: outcome.envelope.result };
	const error =
		outcome.kind === 'failed'
			? failureToApiError(ctx.getNode(), outcome.failure, itemIndex)
			: unsafeToRetryError(ctx.getNode(), method, outcome.reason, itemIndex);
	return { itemIndex, ok: false, error };
}

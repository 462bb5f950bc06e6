import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { Bitrix24Client } from './client';
import { ItemParameters } from './itemParameters';
import type { ItemCall, ItemResult } from './transport';

export type ItemError = NodeApiError | NodeOperationError;

/** What happened to one input item: its JSON output(s) or its error. */
export type ItemOutcome =
	| { ok: true; json: IDataObject | IDataObject[] }
	| { ok: false; error: ItemError };

export function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Turns per-item outcomes into output items in input order, each paired with its input item.
 * With "Continue On Fail" a failed item becomes an error item and the others go through;
 * otherwise the first failure stops the node.
 */
export function toOutput(
	ctx: IExecuteFunctions,
	outcomes: Array<ItemOutcome | undefined>,
): INodeExecutionData[] {
	if (!ctx.continueOnFail()) {
		const failed = outcomes.find((outcome) => outcome && !outcome.ok);
		if (failed && !failed.ok) throw failed.error;
	}
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome) return;
		const pairedItem = { item: itemIndex };
		if (outcome.ok) {
			const list = Array.isArray(outcome.json) ? outcome.json : [outcome.json];
			for (const json of list) output.push({ json, pairedItem });
			return;
		}
		const { message, description } = outcome.error;
		output.push({
			json: { error: message, ...(description ? { details: description } : {}) },
			pairedItem,
		});
	});
	return output;
}

/**
 * Prepares something for every item (parameters read and checked, through the item's context:
 * see itemParameters.ts). A bad item fails alone with "Continue On Fail"; without it, the node
 * stops before anything is sent to Bitrix24.
 */
export async function planEachItem<T>(
	ctx: IExecuteFunctions,
	count: number,
	plan: (itemIndex: number, itemCtx: IExecuteFunctions) => T | Promise<T>,
): Promise<Array<T | ItemError>> {
	const plans: Array<T | ItemError> = [];
	const parameters = new ItemParameters(ctx);
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			plans.push(await plan(itemIndex, parameters.itemContext));
		} catch (error) {
			const itemError = asItemError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw itemError;
			plans.push(itemError);
		} finally {
			parameters.forget(itemIndex);
		}
	}
	return plans;
}

export function isItemError(value: unknown): value is ItemError {
	return value instanceof NodeApiError || value instanceof NodeOperationError;
}

/**
 * Sends prepared calls (item-level batching) and collects one outcome per item (`undefined`
 * entries: nothing to send for that item). Without "Continue On Fail" nothing more is sent after
 * the first failure.
 */
export async function sendPlannedCalls(
	this: IExecuteFunctions,
	client: Bitrix24Client,
	planned: Array<Omit<ItemCall, 'itemIndex'> | ItemError | undefined>,
	shape: (result: Extract<ItemResult, { ok: true }>) => IDataObject | IDataObject[],
): Promise<Array<ItemOutcome | undefined>> {
	const outcomes: Array<ItemOutcome | undefined> = new Array(planned.length);
	const calls: ItemCall[] = [];
	planned.forEach((plan, itemIndex) => {
		if (isItemError(plan)) outcomes[itemIndex] = { ok: false, error: plan };
		else if (plan) calls.push({ itemIndex, ...plan });
	});
	const results = await client.items(calls, { stopOnFailure: !this.continueOnFail() });
	for (const result of results) {
		if (!result.ok) {
			outcomes[result.itemIndex] = { ok: false, error: result.error };
			continue;
		}
		try {
			outcomes[result.itemIndex] = { ok: true, json: shape(result) };
		} catch (error) {
			outcomes[result.itemIndex] = { ok: false, error: asItemError(this, error, result.itemIndex) };
		}
	}
	return outcomes;
}

/**
 * Reads that later calls depend on (a record's current values), one per item that needs it,
 * batched. Each item gets its result or its error; without "Continue On Fail" the first failed
 * read stops the node before anything is written.
 */
export async function readEachItem(
	ctx: IExecuteFunctions,
	client: Bitrix24Client,
	calls: ItemCall[],
): Promise<Map<number, IDataObject | ItemError>> {
	const read = new Map<number, IDataObject | ItemError>();
	if (calls.length === 0) return read;
	const stopOnFailure = !ctx.continueOnFail();
	for (const result of await client.items(calls, { stopOnFailure })) {
		if (!result.ok && stopOnFailure) throw result.error;
		read.set(result.itemIndex, result.ok ? (result.result as IDataObject) : result.error);
	}
	return read;
}

/** The call one item makes (or nothing to send), built from its parameters read through `ctx`. */
export type BuildCall = (
	itemIndex: number,
	ctx: IExecuteFunctions,
) => Omit<ItemCall, 'itemIndex'> | undefined | Promise<Omit<ItemCall, 'itemIndex'> | undefined>;

/**
 * How long the preparation of items may hold the event loop before it lets the requests already
 * out go on (their answers, the rate limit's timers).
 */
const PREPARE_SLICE_MS = 10;

/**
 * Checks every item before anything is written, without "Continue On Fail": each item is built
 * through its item context (itemParameters.ts), so the operation's own checks run on every item
 * while n8n evaluates only expressions other than plain `$json` references (their values are
 * kept for the build that sends). The first item that fails stops the node. A job whose calls
 * only read skips this: a read sent before a later item fails changes nothing.
 */
async function checkEachItem(
	ctx: IExecuteFunctions,
	client: Bitrix24Client,
	count: number,
	build: BuildCall,
	parameters: ItemParameters,
): Promise<void> {
	let kind: 'unknown' | 'writes' = 'unknown';
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let call: Omit<ItemCall, 'itemIndex'> | undefined;
		try {
			call = await build(itemIndex, parameters.itemContext);
		} catch (error) {
			throw asItemError(ctx, error, itemIndex);
		}
		if (call && kind === 'unknown') {
			if (client.isRead(call.method)) {
				for (let index = 0; index <= itemIndex; index++) parameters.forget(index);
				return;
			}
			kind = 'writes';
		}
	}
}

/**
 * Builds each item's call and sends them 50 per batch request while the next ones are built: the
 * first request goes out once the first 50 items are ready, and the items of the next request
 * are prepared while the rate limit holds the current one. Without "Continue On Fail" every item
 * of a write is checked first (checkEachItem), nothing more is sent after the first failure,
 * and an item that fails anyway stops the node. One outcome per item, in input order
 * (`undefined`: nothing to send for that item).
 */
export async function streamItemCalls(
	this: IExecuteFunctions,
	client: Bitrix24Client,
	count: number,
	build: BuildCall,
	shape: (result: Extract<ItemResult, { ok: true }>) => IDataObject | IDataObject[],
): Promise<Array<ItemOutcome | undefined>> {
	const outcomes: Array<ItemOutcome | undefined> = new Array(count);
	const stopOnFailure = !this.continueOnFail();
	const parameters = new ItemParameters(this);
	if (stopOnFailure) await checkEachItem(this, client, count, build, parameters);

	const calls = async function* (ctx: IExecuteFunctions): AsyncGenerator<ItemCall> {
		let sliceStart = Date.now();
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			let call: Omit<ItemCall, 'itemIndex'> | undefined;
			try {
				call = await build(itemIndex, parameters.itemContext);
			} catch (error) {
				const itemError = asItemError(ctx, error, itemIndex);
				if (stopOnFailure) throw itemError;
				outcomes[itemIndex] = { ok: false, error: itemError };
			} finally {
				parameters.forget(itemIndex);
			}
			if (call) yield { ...call, itemIndex };
			if (Date.now() - sliceStart >= PREPARE_SLICE_MS) {
				await sleep(0);
				sliceStart = Date.now();
			}
		}
	};

	for (const result of await client.items(calls(this), { stopOnFailure })) {
		if (!result.ok) {
			outcomes[result.itemIndex] = { ok: false, error: result.error };
			continue;
		}
		try {
			outcomes[result.itemIndex] = { ok: true, json: shape(result) };
		} catch (error) {
			outcomes[result.itemIndex] = { ok: false, error: asItemError(this, error, result.itemIndex) };
		}
	}
	return outcomes;
}

/**
 * The standard shape of an operation: one REST call per input item, built from its parameters
 * (read through the `ctx` given, see streamItemCalls), sent 50 per batch while the next items are
 * built, each result shaped into output JSON.
 */
export async function executeItemCalls(
	this: IExecuteFunctions,
	client: Bitrix24Client,
	items: INodeExecutionData[],
	buildCall: BuildCall,
	shape: (result: Extract<ItemResult, { ok: true }>) => IDataObject | IDataObject[],
): Promise<INodeExecutionData[]> {
	return toOutput(this, await streamItemCalls.call(this, client, items.length, buildCall, shape));
}

/** For operations that make their own calls per item (lists). */
export async function executeEachItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const outcomes: ItemOutcome[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			outcomes.push({ ok: true, json: await run(itemIndex) });
		} catch (error) {
			const itemError = asItemError(this, error, itemIndex);
			if (!this.continueOnFail()) throw itemError;
			outcomes.push({ ok: false, error: itemError });
		}
	}
	return toOutput(this, outcomes);
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemCall } from '../transport';
import { runItemCalls } from '../transport';

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
 * otherwise the first failure (in item order) stops the node.
 */
export function toOutput(ctx: IExecuteFunctions, outcomes: ItemOutcome[]): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	const continueOnFail = ctx.continueOnFail();
	outcomes.forEach((outcome, itemIndex) => {
		const pairedItem = { item: itemIndex };
		if (outcome.ok) {
			const list = Array.isArray(outcome.json) ? outcome.json : [outcome.json];
			for (const json of list) output.push({ json, pairedItem });
			return;
		}
		if (!continueOnFail) throw outcome.error;
		output.push({
			json: {
				error: outcome.error.message,
				...(outcome.error.description ? { details: outcome.error.description } : {}),
			},
			pairedItem,
		});
	});
	return output;
}

/**
 * The standard shape of a write operation: build one REST call per input item (a bad parameter
 * fails only that item), send them 50 per batch, and shape each result into output JSON.
 */
export async function executeItemCalls(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	buildCall: (
		itemIndex: number,
	) => Omit<ItemCall, 'itemIndex'> | Promise<Omit<ItemCall, 'itemIndex'>>,
	shape: (result: unknown, itemIndex: number) => IDataObject | IDataObject[],
): Promise<INodeExecutionData[]> {
	const outcomes: ItemOutcome[] = new Array(items.length);
	const calls: ItemCall[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			calls.push({ itemIndex, ...(await buildCall(itemIndex)) });
		} catch (error) {
			outcomes[itemIndex] = { ok: false, error: asItemError(this, error, itemIndex) };
		}
	}
	for (const result of await runItemCalls.call(this, calls)) {
		outcomes[result.itemIndex] = result.ok
			? { ok: true, json: shape(result.result, result.itemIndex) }
			: { ok: false, error: result.error };
	}
	return toOutput(this, outcomes);
}

/** For operations that make their own calls per item (lists, multi-step updates). */
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
			outcomes.push({ ok: false, error: asItemError(this, error, itemIndex) });
		}
	}
	return toOutput(this, outcomes);
}

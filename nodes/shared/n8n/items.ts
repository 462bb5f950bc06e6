import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/*
 * Per-item execution for nodes that have no batching client: each input item runs on its own,
 * its outputs (JSON and binary) are paired with it, and a failure either stops the node (nothing
 * after it runs) or, with "Continue On Fail", becomes an error item while the others go on.
 */

export type ItemError = NodeApiError | NodeOperationError;

export function toItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** The error item "Continue On Fail" puts in place of a failed item. */
export function errorItem(error: ItemError, itemIndex: number): INodeExecutionData {
	const { message, description } = error;
	const extra = (error.context?.output ?? {}) as Record<string, unknown>;
	return {
		json: { error: message, ...(description ? { details: description } : {}), ...extra },
		pairedItem: { item: itemIndex },
	};
}

export async function runEachItem(
	ctx: IExecuteFunctions,
	run: (
		itemIndex: number,
		item: INodeExecutionData,
	) => Promise<INodeExecutionData | INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const produced = await run(itemIndex, items[itemIndex]);
			for (const entry of Array.isArray(produced) ? produced : [produced]) {
				output.push({ ...entry, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const itemError = toItemError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw itemError;
			output.push(errorItem(itemError, itemIndex));
		}
	}
	return output;
}

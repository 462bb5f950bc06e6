import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem, executeItemCalls } from './execute';
import type { Bitrix24Client } from './client';

/** An operation that makes one REST call per input item. */
export interface SimpleOperation {
	resource: string;
	operation: string;
	properties: INodeProperties[];
	/** The call for one item; throw NodeOperationError (with the item index) for bad parameters. */
	call(ctx: IExecuteFunctions, itemIndex: number): { method: string; params: IDataObject };
	/** Output JSON from the result and the call's params; by default as `asItems` gives it. */
	output?(
		result: unknown,
		params: IDataObject,
		ctx: IExecuteFunctions,
		itemIndex: number,
	): IDataObject | IDataObject[];
	/** Read every page of a list method (one item per row) instead of one batched call. */
	list?: { rowsKey?: string };
}

export function asItems(result: unknown): IDataObject | IDataObject[] {
	if (Array.isArray(result)) {
		return result.map((entry) =>
			entry !== null && typeof entry === 'object'
				? (entry as IDataObject)
				: { value: entry as IDataObject[string] },
		);
	}
	if (result !== null && typeof result === 'object') return result as IDataObject;
	return { result: result as IDataObject[string] };
}

export function simpleOperation(spec: SimpleOperation) {
	const description = updateDisplayOptions(
		{ show: { resource: [spec.resource], operation: [spec.operation] } },
		spec.properties,
	);
	const output = spec.output ?? ((result: unknown) => asItems(result));

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		if (spec.list) {
			return await executeEachItem.call(this, items, async (itemIndex) => {
				const { method, params } = spec.call(this, itemIndex);
				const rows = await client.list({ method, params, rowsKey: spec.list?.rowsKey });
				return output(rows, params, this, itemIndex);
			});
		}
		const calls: Array<{ method: string; params: IDataObject }> = [];
		return await executeItemCalls.call(
			this,
			client,
			items,
			(itemIndex, ctx) => (calls[itemIndex] = spec.call(ctx, itemIndex)),
			({ result, itemIndex }) => output(result, calls[itemIndex].params, this, itemIndex),
		);
	}

	return { description, execute };
}

/** An operation that makes its own calls for each input item (lists, exports): one or more items out per item in. */
export function eachItemOperation(spec: {
	resource: string;
	operation: string;
	properties: INodeProperties[];
	run(
		ctx: IExecuteFunctions,
		client: Bitrix24Client,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
}) {
	const description = updateDisplayOptions(
		{ show: { resource: [spec.resource], operation: [spec.operation] } },
		spec.properties,
	);
	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		return await executeEachItem.call(this, items, async (itemIndex) =>
			spec.run(this, client, itemIndex),
		);
	}
	return { description, execute };
}

/** The Operation selector of a resource; the first option is the default. */
export function operationSelector(
	resource: string,
	options: Array<{ name: string; value: string; description: string; action: string }>,
): INodeProperties {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
	};
	selector.default = options[0].value;
	return selector;
}

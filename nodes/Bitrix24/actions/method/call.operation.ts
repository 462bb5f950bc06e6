import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem, executeItemCalls } from '../../../shared/bitrix24/execute';
import {
	checkedMethodName,
	jsonObjectParameter,
	setBracketPath,
} from '../../../shared/bitrix24/parameters';
import type { Envelope } from '../../../shared/bitrix24/transport';
import { rowsOf } from '../../../shared/bitrix24/transport';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'crm.deal.list',
		description:
			'Name of the REST method, as in the <a href="https://apidocs.bitrix24.com/">Bitrix24 REST documentation</a>',
	},
	{
		displayName: 'Send Parameters',
		name: 'parametersMode',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Using JSON', value: 'json' },
			{ name: 'Using Fields Below', value: 'keyValue' },
		],
		default: 'json',
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parametersJson',
		type: 'json',
		default: '{}',
		placeholder: '{"filter": {">OPPORTUNITY": 1000}, "select": ["ID", "TITLE"]}',
		displayOptions: { show: { parametersMode: ['json'] } },
	},
	{
		displayName: 'Parameters',
		name: 'parametersKeyValue',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: { show: { parametersMode: ['keyValue'] } },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'filter[>ID]',
						description: 'Nested names use brackets, as in Bitrix24: fields[TITLE], select[]',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Return All Pages',
		name: 'returnAllPages',
		type: 'boolean',
		default: false,
		description:
			'Whether to read every page of a list method (one output item per row) instead of only the first 50 rows',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Send Items in Batches',
				name: 'batchItems',
				type: 'boolean',
				default: true,
				description:
					'Whether to send the calls of up to 50 input items in one batch request (much faster). Inside a batch Bitrix24 receives every parameter as text; turn this off for methods that need typed JSON values or are not allowed in batches.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['method'], operation: ['call'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function methodName(ctx: IExecuteFunctions, itemIndex: number): string {
	return checkedMethodName(ctx, ctx.getNodeParameter('method', itemIndex, ''), itemIndex);
}

function parametersOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('parametersMode', itemIndex, 'json') as string;
	if (mode === 'json')
		return jsonObjectParameter(ctx, 'parametersJson', itemIndex, 'Parameters (JSON)');
	if (mode !== 'keyValue') return {};
	const pairs = ctx.getNodeParameter('parametersKeyValue.parameter', itemIndex, []) as Array<{
		name: string;
		value: unknown;
	}>;
	const params: IDataObject = {};
	for (const { name, value } of pairs)
		if (name) setBracketPath(ctx, params, name, value, itemIndex);
	return params;
}

/**
 * Where the rows of a list answer are: `result` itself, or its one array (`items`, `tasks`, …)
 * when Bitrix24 marked the answer as a list with `next` or `total`. `null`: not a list.
 */
function listRowsKey(envelope: Envelope): string | undefined | null {
	const { result } = envelope;
	if (Array.isArray(result)) return undefined;
	if (result === null || typeof result !== 'object') return null;
	if (envelope.next === undefined && envelope.total === undefined) return null;
	const arrays = Object.keys(result).filter((key) => Array.isArray((result as IDataObject)[key]));
	return arrays.length === 1 ? arrays[0] : null;
}

function asJson(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { value: value as IDataObject[string] };
}

function callOutput({
	result,
	next,
	total,
}: {
	result: unknown;
	next?: number;
	total?: number;
}): IDataObject {
	return {
		result: result as IDataObject[string],
		...(next !== undefined ? { next } : {}),
		...(total !== undefined ? { total } : {}),
	};
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	const returnAllPages = this.getNodeParameter('returnAllPages', 0, false) as boolean;
	const batchItems = this.getNodeParameter('options.batchItems', 0, true) as boolean;

	if (!returnAllPages) {
		return await executeItemCalls.call(
			this,
			client,
			items,
			(itemIndex, ctx) => ({
				method: methodName(ctx, itemIndex),
				params: parametersOf(ctx, itemIndex),
				alone: !batchItems,
			}),
			callOutput,
		);
	}
	return await executeEachItem.call(this, items, async (itemIndex) => {
		const method = methodName(this, itemIndex);
		const params = parametersOf(this, itemIndex);
		const first = await client.call(method, params, itemIndex);
		const rowsKey = listRowsKey(first);
		if (rowsKey === null) return callOutput(first);
		const request = { method, params, rowsKey };
		const rows = [
			...rowsOf(first.result, rowsKey),
			...(await client.remainingPages(first, request, 0)),
		];
		return rows.map(asJson);
	});
}

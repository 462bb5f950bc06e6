import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../../shared/bitrix24/execute';
import { jsonObjectParameter, recordIdParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { recordLocator, returnAllOrLimit } from '../common.descriptions';
import { simpleOperation } from '../simpleOperation';
import { itemUpsert } from './upsert';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

/** Smart-process items, quotes and smart invoices: the universal `crm.item.*` methods (camelCase). */
const itemType: INodeProperties = {
	displayName: 'Type Name or ID',
	name: 'entityTypeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getItemTypes' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

const itemId = recordLocator({
	name: 'itemId',
	label: 'Item',
	what: 'item',
	searchListMethod: 'searchItems',
});

const fields = (required: boolean): INodeProperties => ({
	displayName: 'Fields (JSON)',
	name: 'itemFields',
	type: 'json',
	default: '{}',
	required,
	description:
		'Field values by their camelCase names, e.g. {"title": "Order 17", "opportunity": 250, "stageId": "DT128_1:NEW", "ufCrm5_1700000000": "value"}',
});

export function typeOf(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('entityTypeId', itemIndex);
	const type = Number(raw);
	if (!Number.isInteger(type) || type <= 0) {
		throw new NodeOperationError(ctx.getNode(), `"${String(raw)}" is not a CRM type ID`, {
			itemIndex,
			description: 'Pick the smart process (or quote, smart invoice) from the list.',
		});
	}
	return type;
}

const target = (ctx: IExecuteFunctions, itemIndex: number) => ({
	entityTypeId: typeOf(ctx, itemIndex),
	id: recordIdParameter(ctx, 'itemId', itemIndex, 'Item ID'),
});

const unwrap = (result: unknown) => ((result as IDataObject).item ?? result) as IDataObject;

export const create = simpleOperation({
	resource: 'item',
	operation: 'create',
	properties: [itemType, fields(true)],
	call: (ctx, itemIndex) => ({
		method: 'crm.item.add',
		params: {
			entityTypeId: typeOf(ctx, itemIndex),
			fields: jsonObjectParameter(ctx, 'itemFields', itemIndex, 'Fields (JSON)'),
		},
	}),
	output: unwrap,
});

export const get = simpleOperation({
	resource: 'item',
	operation: 'get',
	properties: [itemType, itemId],
	call: (ctx, itemIndex) => ({ method: 'crm.item.get', params: target(ctx, itemIndex) }),
	output: unwrap,
});

export const update = simpleOperation({
	resource: 'item',
	operation: 'update',
	properties: [itemType, itemId, fields(true)],
	call: (ctx, itemIndex) => ({
		method: 'crm.item.update',
		params: {
			...target(ctx, itemIndex),
			fields: jsonObjectParameter(ctx, 'itemFields', itemIndex, 'Fields (JSON)'),
		},
	}),
	output: unwrap,
});

export const deleteItem = simpleOperation({
	resource: 'item',
	operation: 'delete',
	properties: [itemType, itemId],
	call: (ctx, itemIndex) => ({ method: 'crm.item.delete', params: target(ctx, itemIndex) }),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

/** Get Many: the fast export (ID order, `>id`, 2,500 rows per request) with filters and limit. */
const getManyProperties: INodeProperties[] = [
	itemType,
	...returnAllOrLimit,
	{
		displayName: 'Filter (JSON)',
		name: 'itemFilter',
		type: 'json',
		default: '{}',
		description:
			'Bitrix24 filter with camelCase fields and operators, e.g. {"&gt;opportunity": 100, "stageId": "DT128_1:NEW"}',
	},
];

export const getAll = {
	description: updateDisplayOptions(
		{ show: { resource: ['item'], operation: ['getAll'] } },
		getManyProperties,
	),
	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		return await executeEachItem.call(this, items, async (itemIndex) => {
			return await client.export({
				method: 'crm.item.list',
				params: {
					entityTypeId: typeOf(this, itemIndex),
					filter: jsonObjectParameter(this, 'itemFilter', itemIndex, 'Filter (JSON)'),
					select: ['*'],
				},
				rowsKey: 'items',
				idField: 'id',
				limit: rowLimitParameter(this, itemIndex),
			});
		});
	},
};

export const moveToStage = simpleOperation({
	resource: 'item',
	operation: 'moveToStage',
	properties: [
		itemType,
		itemId,
		{
			displayName: 'Stage ID',
			name: 'stageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'DT128_1:PREPARATION',
			description: "The stage code, as in the item's stageId field",
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.item.update',
		params: {
			...target(ctx, itemIndex),
			fields: { stageId: String(ctx.getNodeParameter('stageId', itemIndex)).trim() },
		},
	}),
	output: (result) => {
		const item = unwrap(result);
		return { id: item.id, stage: item.stageId, moved: true };
	},
});

export const moveToPipeline = simpleOperation({
	resource: 'item',
	operation: 'moveToPipeline',
	properties: [
		itemType,
		itemId,
		{
			displayName: 'Pipeline ID',
			name: 'categoryId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the pipeline (category) to move the item to',
		},
		{
			displayName: 'Stage ID',
			name: 'stageId',
			type: 'string',
			default: '',
			description: 'A stage of that pipeline; empty: its first stage',
		},
	],
	call: (ctx, itemIndex) => {
		const fields: IDataObject = {
			categoryId: recordIdParameter(ctx, 'categoryId', itemIndex, 'Pipeline ID'),
		};
		const stage = String(ctx.getNodeParameter('stageId', itemIndex, '') ?? '').trim();
		if (stage) fields.stageId = stage;
		return { method: 'crm.item.update', params: { ...target(ctx, itemIndex), fields } };
	},
	output: (result) => {
		const item = unwrap(result);
		return { id: item.id, pipeline: item.categoryId, stage: item.stageId, moved: true };
	},
});

export const upsert = itemUpsert(itemType, typeOf);

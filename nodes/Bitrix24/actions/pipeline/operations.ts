import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../simpleOperation';

/** Deal pipelines are `crm.category.*` with entityTypeId 2. */
const DEALS = { entityTypeId: 2 };

const pipelineId: INodeProperties = {
	displayName: 'Pipeline ID',
	name: 'pipelineId',
	type: 'string',
	default: '',
	required: true,
	description: 'ID of the deal pipeline (0 is the default one)',
};
const name: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
};
const sort: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'number',
	default: 500,
	description: 'Position among the pipelines',
};

const idOf = (value: unknown) => Number(String(value).trim());
const category = (result: unknown) => ((result as IDataObject).category ?? result) as IDataObject;

export const getAll = simpleOperation({
	resource: 'pipeline',
	operation: 'getAll',
	properties: [],
	call: () => ({ method: 'crm.category.list', params: { ...DEALS } }),
	list: { rowsKey: 'categories' },
});

export const get = simpleOperation({
	resource: 'pipeline',
	operation: 'get',
	properties: [pipelineId],
	call: (ctx, itemIndex) => ({
		method: 'crm.category.get',
		params: { ...DEALS, id: idOf(ctx.getNodeParameter('pipelineId', itemIndex)) },
	}),
	output: category,
});

export const create = simpleOperation({
	resource: 'pipeline',
	operation: 'create',
	properties: [name, sort],
	call: (ctx, itemIndex) => ({
		method: 'crm.category.add',
		params: {
			...DEALS,
			fields: {
				name: ctx.getNodeParameter('name', itemIndex) as string,
				sort: ctx.getNodeParameter('sort', itemIndex, 500) as number,
			},
		},
	}),
	output: category,
});

export const update = simpleOperation({
	resource: 'pipeline',
	operation: 'update',
	properties: [pipelineId, { ...name, required: false }, sort],
	call: (ctx, itemIndex) => {
		const fields: IDataObject = { sort: ctx.getNodeParameter('sort', itemIndex, 500) };
		const newName = ctx.getNodeParameter('name', itemIndex, '') as string;
		if (newName) fields.name = newName;
		return {
			method: 'crm.category.update',
			params: {
				...DEALS,
				id: recordIdParameter(ctx, 'pipelineId', itemIndex, 'Pipeline ID'),
				fields,
			},
		};
	},
	output: category,
});

export const deletePipeline = simpleOperation({
	resource: 'pipeline',
	operation: 'delete',
	properties: [pipelineId],
	call: (ctx, itemIndex) => ({
		method: 'crm.category.delete',
		params: { ...DEALS, id: recordIdParameter(ctx, 'pipelineId', itemIndex, 'Pipeline ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

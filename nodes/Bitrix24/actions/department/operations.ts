import type { IDataObject } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../simpleOperation';

const departmentId = {
	displayName: 'Department ID',
	name: 'departmentId',
	type: 'string' as const,
	default: '',
	required: true,
};

const fields = {
	displayName: 'Fields',
	name: 'departmentFields',
	type: 'collection' as const,
	placeholder: 'Add Field',
	default: {},
	options: [
		{ displayName: 'Head (User ID)', name: 'UF_HEAD', type: 'string' as const, default: '' },
		{ displayName: 'Parent Department ID', name: 'PARENT', type: 'string' as const, default: '' },
		{ displayName: 'Sort', name: 'SORT', type: 'number' as const, default: 500 },
	],
};

export const getAll = simpleOperation({
	resource: 'department',
	operation: 'getAll',
	properties: [],
	call: () => ({ method: 'department.get', params: { sort: 'ID', order: 'ASC' } }),
	list: {},
});

export const get = simpleOperation({
	resource: 'department',
	operation: 'get',
	properties: [departmentId],
	call: (ctx, itemIndex) => ({
		method: 'department.get',
		params: { ID: recordIdParameter(ctx, 'departmentId', itemIndex, 'Department ID') },
	}),
});

export const create = simpleOperation({
	resource: 'department',
	operation: 'create',
	properties: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		fields,
	],
	call: (ctx, itemIndex) => ({
		method: 'department.add',
		params: {
			...(ctx.getNodeParameter('departmentFields', itemIndex, {}) as IDataObject),
			NAME: ctx.getNodeParameter('name', itemIndex) as string,
		},
	}),
	output: (result) => ({ id: Number(result) }),
});

export const update = simpleOperation({
	resource: 'department',
	operation: 'update',
	properties: [
		departmentId,
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name; empty keeps the current one',
		},
		fields,
	],
	call: (ctx, itemIndex) => {
		const params: IDataObject = {
			...(ctx.getNodeParameter('departmentFields', itemIndex, {}) as IDataObject),
			ID: recordIdParameter(ctx, 'departmentId', itemIndex, 'Department ID'),
		};
		const name = ctx.getNodeParameter('name', itemIndex, '') as string;
		if (name) params.NAME = name;
		return { method: 'department.update', params };
	},
	output: (_result, params) => ({ id: params.ID, updated: true }),
});

import type { IDataObject } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { departmentId, fields } from './properties';

export const { description, execute } = simpleOperation({
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

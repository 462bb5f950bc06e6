import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { fields } from './properties';

export const { description, execute } = simpleOperation({
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

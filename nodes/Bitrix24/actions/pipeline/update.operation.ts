import type { IDataObject } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { category, DEALS } from './category';
import { name, pipelineId, sort } from './properties';

export const { description, execute } = simpleOperation({
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

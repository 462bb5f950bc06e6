import { simpleOperation } from '../../../shared/bitrix24/operations';
import { category, DEALS } from './category';
import { name, sort } from './properties';

export const { description, execute } = simpleOperation({
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

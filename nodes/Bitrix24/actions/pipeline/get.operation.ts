import { simpleOperation } from '../../../shared/bitrix24/operations';
import { category, DEALS } from './category';
import { pipelineId } from './properties';

const idOf = (value: unknown) => Number(String(value).trim());

export const { description, execute } = simpleOperation({
	resource: 'pipeline',
	operation: 'get',
	properties: [pipelineId],
	call: (ctx, itemIndex) => ({
		method: 'crm.category.get',
		params: { ...DEALS, id: idOf(ctx.getNodeParameter('pipelineId', itemIndex)) },
	}),
	output: category,
});

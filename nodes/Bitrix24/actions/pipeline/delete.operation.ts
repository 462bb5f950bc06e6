import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { DEALS } from './category';
import { pipelineId } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'pipeline',
	operation: 'delete',
	properties: [pipelineId],
	call: (ctx, itemIndex) => ({
		method: 'crm.category.delete',
		params: { ...DEALS, id: recordIdParameter(ctx, 'pipelineId', itemIndex, 'Pipeline ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

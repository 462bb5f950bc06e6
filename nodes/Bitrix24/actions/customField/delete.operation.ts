import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { entity, fieldId, methodOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'customField',
	operation: 'delete',
	properties: [entity, fieldId],
	call: (ctx, itemIndex) => ({
		method: methodOf(ctx, itemIndex, 'delete'),
		params: { id: recordIdParameter(ctx, 'fieldId', itemIndex, 'Field ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { entity, methodOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'customField',
	operation: 'getAll',
	properties: [entity],
	call: (ctx, itemIndex) => ({
		method: methodOf(ctx, itemIndex, 'list'),
		params: { order: { SORT: 'ASC' } },
	}),
	list: {},
});

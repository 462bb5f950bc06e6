import { simpleOperation } from '../../../shared/bitrix24/operations';
import { itemId, itemType, target } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'delete',
	properties: [itemType, itemId],
	call: (ctx, itemIndex) => ({ method: 'crm.item.delete', params: target(ctx, itemIndex) }),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

import { simpleOperation } from '../simpleOperation';
import { unwrap } from './output';
import { itemId, itemType, target } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'get',
	properties: [itemType, itemId],
	call: (ctx, itemIndex) => ({ method: 'crm.item.get', params: target(ctx, itemIndex) }),
	output: unwrap,
});

import { ENTITIES } from '../../../shared/bitrix24/entities/catalogue';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { unwrap } from './output';
import { itemId, itemType, target } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'get',
	properties: [itemType, itemId],
	call: (ctx, itemIndex) => ({
		method: ENTITIES.item.get.method,
		params: ENTITIES.item.get.params(target(ctx, itemIndex)),
	}),
	output: unwrap,
});

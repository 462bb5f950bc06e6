import { jsonObjectParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { unwrap } from './output';
import { fields, itemId, itemType, target } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'update',
	properties: [itemType, itemId, fields(true)],
	call: (ctx, itemIndex) => ({
		method: 'crm.item.update',
		params: {
			...target(ctx, itemIndex),
			fields: jsonObjectParameter(ctx, 'itemFields', itemIndex, 'Fields (JSON)'),
		},
	}),
	output: unwrap,
});

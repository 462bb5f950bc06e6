import { jsonObjectParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { unwrap } from './output';
import { fields, itemType, typeOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'create',
	properties: [itemType, fields(true)],
	call: (ctx, itemIndex) => ({
		method: 'crm.item.add',
		params: {
			entityTypeId: typeOf(ctx, itemIndex),
			fields: jsonObjectParameter(ctx, 'itemFields', itemIndex, 'Fields (JSON)'),
		},
	}),
	output: unwrap,
});

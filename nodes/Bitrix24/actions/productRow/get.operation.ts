import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { asRows, ownerTypeShort, PRODUCT_OWNERS, usesItemMethods } from './rows';

export const { description, execute } = simpleOperation({
	resource: 'productRow',
	operation: 'get',
	properties: ownerProperties(PRODUCT_OWNERS),
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		if (usesItemMethods(owner.type)) {
			const filter = { '=ownerType': ownerTypeShort(owner.type), '=ownerId': owner.id };
			return { method: 'crm.item.productrow.list', params: { filter } };
		}
		return { method: `crm.${owner.type}.productrows.get`, params: { id: owner.id } };
	},
	output: (result) => asRows(result),
});

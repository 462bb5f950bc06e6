import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../simpleOperation';

export const { description, execute } = simpleOperation({
	resource: 'productRow',
	operation: 'get',
	properties: ownerProperties(['deal', 'lead']),
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		return { method: `crm.${owner.type}.productrows.get`, params: { id: owner.id } };
	},
});

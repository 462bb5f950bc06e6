import { simpleOperation } from '../../../shared/bitrix24/operations';
import { linkKind, linkOf, ownerId } from './link';

export const { description, execute } = simpleOperation({
	resource: 'contactLink',
	operation: 'getAll',
	properties: [linkKind, ownerId],
	call: (ctx, itemIndex) => {
		const { kind, id } = linkOf(ctx, itemIndex);
		return { method: `${kind.method}.items.get`, params: { id } };
	},
});

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { linkedId, linkedIdOf, linkKind, linkOf, ownerId } from './link';

export const { description, execute } = simpleOperation({
	resource: 'contactLink',
	operation: 'remove',
	properties: [linkKind, ownerId, linkedId],
	call: (ctx, itemIndex) => {
		const { kind, id } = linkOf(ctx, itemIndex);
		const { linked } = linkedIdOf(ctx, itemIndex, kind.linked);
		return { method: `${kind.method}.delete`, params: { id, fields: { [kind.field]: linked } } };
	},
	output: (_result, params) => ({ id: params.id, ...(params.fields as object), removed: true }),
});

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { linkedId, linkedIdOf, linkKind, linkOf, ownerId } from './link';

export const { description, execute } = simpleOperation({
	resource: 'contactLink',
	operation: 'add',
	properties: [
		linkKind,
		ownerId,
		linkedId,
		{
			displayName: 'Primary',
			name: 'primary',
			type: 'boolean',
			default: false,
			description: 'Whether the linked record becomes the primary one',
		},
	],
	call: (ctx, itemIndex) => {
		const { kind, id } = linkOf(ctx, itemIndex);
		const { linked } = linkedIdOf(ctx, itemIndex, kind.linked);
		const primary = ctx.getNodeParameter('primary', itemIndex, false) as boolean;
		return {
			method: `${kind.method}.add`,
			params: { id, fields: { [kind.field]: linked, ...(primary ? { IS_PRIMARY: 'Y' } : {}) } },
		};
	},
	output: (_result, params) => ({ id: params.id, ...(params.fields as object), linked: true }),
});

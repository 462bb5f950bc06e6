import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'timelineComment',
	operation: 'create',
	properties: [
		...ownerProperties(),
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Text of the comment; BB codes such as [b]bold[/b] are supported',
		},
	],
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		const comment = ctx.getNodeParameter('comment', itemIndex) as string;
		// Bitrix24 accepts only lower-case `fields` here.
		return {
			method: 'crm.timeline.comment.add',
			params: { fields: { ENTITY_ID: owner.id, ENTITY_TYPE: owner.type, COMMENT: comment } },
		};
	},
	output: (result) => ({ id: Number(result) }),
});

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'timelineComment',
	operation: 'update',
	properties: [
		{ displayName: 'Comment ID', name: 'commentId', type: 'string', default: '', required: true },
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'New text of the comment',
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.timeline.comment.update',
		params: {
			id: recordIdParameter(ctx, 'commentId', itemIndex, 'Comment ID'),
			fields: { COMMENT: ctx.getNodeParameter('comment', itemIndex) as string },
		},
	}),
	output: (_result, params) => ({ id: params.id, updated: true }),
});

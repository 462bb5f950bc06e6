import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'timelineComment',
	operation: 'delete',
	properties: [
		{ displayName: 'Comment ID', name: 'commentId', type: 'string', default: '', required: true },
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.timeline.comment.delete',
		params: { id: recordIdParameter(ctx, 'commentId', itemIndex, 'Comment ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

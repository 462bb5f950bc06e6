import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';

export const { description, execute } = simpleOperation({
	resource: 'taskComment',
	operation: 'create',
	properties: [
		taskLocator,
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			hint: 'BB codes format it: [b]bold[/b], [USER=5]name[/USER] mentions a user',
		},
		{
			displayName: 'Author ID',
			name: 'authorId',
			type: 'number',
			default: 0,
			description: "The user shown as the author; 0 for the credential's user",
		},
	],
	call: (ctx, itemIndex) => {
		const taskId = taskIdOf(ctx, itemIndex);
		const comment = String(ctx.getNodeParameter('comment', itemIndex, ''));
		if (!comment.trim()) {
			throw new NodeOperationError(ctx.getNode(), 'Comment is empty', {
				itemIndex,
				description: 'Write the comment text in "Comment".',
			});
		}
		const fields: IDataObject = { POST_MESSAGE: comment };
		const authorId = Number(ctx.getNodeParameter('authorId', itemIndex, 0));
		if (authorId > 0) fields.AUTHOR_ID = authorId;
		return { method: 'task.commentitem.add', params: { TASKID: taskId, FIELDS: fields } };
	},
	output: (result, params) => ({ id: Number(result), taskId: params.TASKID as number }),
});

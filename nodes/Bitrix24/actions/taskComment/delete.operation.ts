import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';
import { itemIdOf, itemIdProperty } from '../task/subItem';

export const { description, execute } = simpleOperation({
	resource: 'taskComment',
	operation: 'delete',
	properties: [taskLocator, itemIdProperty('Comment ID')],
	call: (ctx, itemIndex) => ({
		method: 'task.commentitem.delete',
		params: { TASKID: taskIdOf(ctx, itemIndex), ITEMID: itemIdOf(ctx, itemIndex, 'Comment ID') },
	}),
	output: (_result, params) => ({ id: params.ITEMID as number, deleted: true }),
});

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from './fields';

export const { description, execute } = simpleOperation({
	resource: 'task',
	operation: 'delete',
	properties: [taskLocator],
	call: (ctx, itemIndex) => ({
		method: 'tasks.task.delete',
		params: { taskId: taskIdOf(ctx, itemIndex) },
	}),
	output: (_result, params) => ({ id: params.taskId as number, deleted: true }),
});

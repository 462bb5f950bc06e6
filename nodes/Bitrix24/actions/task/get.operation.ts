import { simpleOperation } from '../simpleOperation';
import { simplifyTaskProperty, taskIdOf, taskLocator, taskOutput } from './fields';

export const { description, execute } = simpleOperation({
	resource: 'task',
	operation: 'get',
	properties: [taskLocator, simplifyTaskProperty],
	call: (ctx, itemIndex) => ({
		method: 'tasks.task.get',
		params: { taskId: taskIdOf(ctx, itemIndex), select: ['*', 'UF_*'] },
	}),
	output: (result, _params, ctx, itemIndex) => taskOutput(result, ctx, itemIndex),
});

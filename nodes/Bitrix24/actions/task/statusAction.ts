import { simpleOperation } from '../../../shared/bitrix24/operations';
import { simplifyTaskProperty, taskIdOf, taskLocator, taskOutput } from './fields';

/** Complete, Start, Defer, Renew: one status action on the task. */
export function statusAction(operation: 'complete' | 'defer' | 'renew' | 'start') {
	return simpleOperation({
		resource: 'task',
		operation,
		properties: [taskLocator, simplifyTaskProperty],
		call: (ctx, itemIndex) => ({
			method: `tasks.task.${operation}`,
			params: { taskId: taskIdOf(ctx, itemIndex) },
		}),
		output: (result, _params, ctx, itemIndex) => taskOutput(result, ctx, itemIndex),
	});
}

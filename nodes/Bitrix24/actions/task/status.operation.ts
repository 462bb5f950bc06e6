import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { portalOption } from '../crm/fields';
import { simpleOperation } from '../simpleOperation';
import { simplifyTaskProperty, taskIdOf, taskLocator, taskOutput } from './fields';

/** Complete, Start, Defer, Renew: one status action on the task. */
function statusAction(operation: 'complete' | 'defer' | 'renew' | 'start') {
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

export const complete = statusAction('complete');
export const defer = statusAction('defer');
export const renew = statusAction('renew');
export const start = statusAction('start');

export const delegate = simpleOperation({
	resource: 'task',
	operation: 'delegate',
	properties: [
		taskLocator,
		{ ...portalOption('New Responsible User', 'userId', 'getUsers'), required: true },
		simplifyTaskProperty,
	],
	call: (ctx, itemIndex) => ({
		method: 'tasks.task.delegate',
		params: {
			taskId: taskIdOf(ctx, itemIndex),
			userId: recordIdParameter(ctx, 'userId', itemIndex, 'New Responsible User'),
		},
	}),
	output: (result, _params, ctx, itemIndex) => taskOutput(result, ctx, itemIndex),
});

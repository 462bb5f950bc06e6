import { recordIdParameter } from '../../helpers/parameters';
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
		{
			displayName: 'New Responsible User Name or ID',
			name: 'userId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getUsers' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
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

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { portalOption } from '../crm/fields';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { simplifyTaskProperty, taskIdOf, taskLocator, taskOutput } from './fields';

export const { description, execute } = simpleOperation({
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

import { ENTITIES } from '../../../shared/bitrix24/entities/catalogue';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { simplifyTaskProperty, taskIdOf, taskLocator, taskOutput } from './fields';

export const { description, execute } = simpleOperation({
	resource: 'task',
	operation: 'get',
	properties: [taskLocator, simplifyTaskProperty],
	call: (ctx, itemIndex) => ({
		method: ENTITIES.task.get.method,
		params: ENTITIES.task.get.params({ id: taskIdOf(ctx, itemIndex) }),
	}),
	output: (result, _params, ctx, itemIndex) => taskOutput(result, ctx, itemIndex),
});

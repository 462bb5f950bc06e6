import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';
import { simpleRow } from '../task/subItem';

export const { description, execute } = simpleOperation({
	resource: 'taskElapsedTime',
	operation: 'getAll',
	properties: [taskLocator],
	call: (ctx, itemIndex) => ({
		method: 'task.elapseditem.getlist',
		params: { TASKID: taskIdOf(ctx, itemIndex), ORDER: { ID: 'asc' } },
	}),
	output: (result) => ((result as IDataObject[]) ?? []).map(simpleRow),
});

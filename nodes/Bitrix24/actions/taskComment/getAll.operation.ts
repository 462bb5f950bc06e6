import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';
import { simpleRow } from '../task/subItem';

export const { description, execute } = simpleOperation({
	resource: 'taskComment',
	operation: 'getAll',
	properties: [taskLocator],
	call: (ctx, itemIndex) => ({
		method: 'task.commentitem.getlist',
		params: { TASKID: taskIdOf(ctx, itemIndex), ORDER: { ID: 'asc' } },
	}),
	output: (result, params) =>
		((result as IDataObject[]) ?? []).map((row) => ({
			...simpleRow(row),
			taskId: params.TASKID as number,
		})),
});

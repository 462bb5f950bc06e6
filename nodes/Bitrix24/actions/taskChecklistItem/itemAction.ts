import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';
import { itemIdOf, itemIdProperty } from '../task/subItem';

export function itemAction(operation: 'complete' | 'delete', method: string, done: IDataObject) {
	return simpleOperation({
		resource: 'taskChecklistItem',
		operation,
		properties: [taskLocator, itemIdProperty('Checklist Item ID')],
		call: (ctx, itemIndex) => ({
			method,
			params: {
				TASKID: taskIdOf(ctx, itemIndex),
				ITEMID: itemIdOf(ctx, itemIndex, 'Checklist Item ID'),
			},
		}),
		output: (_result, params) => ({ id: params.ITEMID as number, ...done }),
	});
}

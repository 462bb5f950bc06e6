import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';

export const { description, execute } = simpleOperation({
	resource: 'taskChecklistItem',
	operation: 'create',
	properties: [
		taskLocator,
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
		{
			displayName: 'Options',
			name: 'checklistOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Completed',
					name: 'IS_COMPLETE',
					type: 'boolean',
					default: false,
					description: 'Whether the item is already ticked',
				},
				{
					displayName: 'Important',
					name: 'IS_IMPORTANT',
					type: 'boolean',
					default: false,
					description: 'Whether the item is marked important',
				},
				{
					displayName: 'Parent Item ID',
					name: 'PARENT_ID',
					type: 'number',
					default: 0,
					description: 'The checklist (or item) this item goes under',
				},
				{ displayName: 'Position', name: 'SORT_INDEX', type: 'number', default: 0 },
			],
		},
	],
	call: (ctx, itemIndex) => {
		const taskId = taskIdOf(ctx, itemIndex);
		const title = String(ctx.getNodeParameter('title', itemIndex, '')).trim();
		if (!title) {
			throw new NodeOperationError(ctx.getNode(), 'Title is empty', {
				itemIndex,
				description: 'Write the checklist item text in "Title".',
			});
		}
		const fields: IDataObject = { TITLE: title };
		const options = ctx.getNodeParameter('checklistOptions', itemIndex, {}) as IDataObject;
		for (const [key, value] of Object.entries(options)) {
			if (typeof value === 'boolean') fields[key] = value ? 'Y' : 'N';
			else if (key !== 'PARENT_ID' || Number(value) > 0) fields[key] = value;
		}
		return { method: 'task.checklistitem.add', params: { TASKID: taskId, FIELDS: fields } };
	},
	output: (result, params) => ({ id: Number(result), taskId: params.TASKID as number }),
});

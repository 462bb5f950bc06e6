import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { taskIdOf, taskLocator } from '../task/fields';

export const { description, execute } = simpleOperation({
	resource: 'taskElapsedTime',
	operation: 'create',
	properties: [
		taskLocator,
		{
			displayName: 'Minutes',
			name: 'minutes',
			type: 'number',
			default: 30,
			required: true,
			typeOptions: { minValue: 1 },
			description: 'Time spent on the task',
		},
		{
			displayName: 'Options',
			name: 'elapsedOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Comment', name: 'COMMENT_TEXT', type: 'string', default: '' },
				{
					displayName: 'Date',
					name: 'CREATED_DATE',
					type: 'dateTime',
					default: '',
					description: 'When the work was done; now if empty',
				},
				{
					displayName: 'User ID',
					name: 'USER_ID',
					type: 'number',
					default: 0,
					description: "Who did the work; 0 for the credential's user",
				},
			],
		},
	],
	call: (ctx, itemIndex) => {
		const taskId = taskIdOf(ctx, itemIndex);
		const minutes = Number(ctx.getNodeParameter('minutes', itemIndex, 0));
		if (!(minutes > 0)) {
			throw new NodeOperationError(ctx.getNode(), 'Minutes must be more than 0', {
				itemIndex,
				description: `Got "${String(minutes)}". Enter the time spent in minutes.`,
			});
		}
		const fields: IDataObject = { SECONDS: Math.round(minutes * 60) };
		const options = ctx.getNodeParameter('elapsedOptions', itemIndex, {}) as IDataObject;
		for (const [key, value] of Object.entries(options))
			if (value !== '' && value !== 0) fields[key] = value;
		return { method: 'task.elapseditem.add', params: { TASKID: taskId, ARFIELDS: fields } };
	},
	output: (result, params) => ({ id: Number(result), taskId: params.TASKID as number }),
});

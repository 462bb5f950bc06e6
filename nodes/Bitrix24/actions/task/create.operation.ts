import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { portalOption } from '../crm/fields';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { simplifyTaskProperty, taskFieldOptions, taskFieldsFrom, taskOutput } from './fields';

export const { description, execute } = simpleOperation({
	resource: 'task',
	operation: 'create',
	properties: [
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
		{ ...portalOption('Responsible User', 'responsibleId', 'getUsers'), required: true },
		{
			displayName: 'Additional Fields',
			name: 'taskFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: taskFieldOptions,
		},
		simplifyTaskProperty,
	],
	call: (ctx, itemIndex) => {
		const title = String(ctx.getNodeParameter('title', itemIndex, '')).trim();
		if (!title) {
			throw new NodeOperationError(ctx.getNode(), 'Title is empty', {
				itemIndex,
				description: 'Every Bitrix24 task needs a title.',
			});
		}
		return {
			method: 'tasks.task.add',
			params: {
				fields: {
					...taskFieldsFrom(ctx, 'taskFields', itemIndex),
					TITLE: title,
					RESPONSIBLE_ID: recordIdParameter(ctx, 'responsibleId', itemIndex, 'Responsible User'),
				},
			},
		};
	},
	output: (result, _params, ctx, itemIndex) => taskOutput(result, ctx, itemIndex),
});

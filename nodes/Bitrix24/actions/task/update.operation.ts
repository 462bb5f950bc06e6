import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import {
	simplifyTaskProperty,
	taskFieldOptions,
	taskFieldsFrom,
	taskIdOf,
	taskLocator,
	taskOutput,
} from './fields';
import { portalOption, sorted } from '../crm/fields';

export const { description, execute } = simpleOperation({
	resource: 'task',
	operation: 'update',
	properties: [
		taskLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: sorted([
				...taskFieldOptions,
				portalOption('Responsible User', 'RESPONSIBLE_ID', 'getUsers'),
				{ displayName: 'Title', name: 'TITLE', type: 'string', default: '' },
			]),
		},
		simplifyTaskProperty,
	],
	call: (ctx, itemIndex) => {
		const taskId = taskIdOf(ctx, itemIndex);
		const fields = taskFieldsFrom(ctx, 'updateFields', itemIndex);
		if (Object.keys(fields).length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'Nothing to update', {
				itemIndex,
				description: 'Add at least one field under "Update Fields".',
			});
		}
		if (fields.TITLE !== undefined && !String(fields.TITLE).trim()) {
			throw new NodeOperationError(ctx.getNode(), 'Title is empty', {
				itemIndex,
				description: 'A task title cannot be empty; remove the field to keep the current title.',
			});
		}
		return { method: 'tasks.task.update', params: { taskId, fields } };
	},
	output: (result, _params, ctx, itemIndex) => taskOutput(result, ctx, itemIndex),
});

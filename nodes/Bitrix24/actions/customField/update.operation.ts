import type { IDataObject } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { entity, enumValues, fieldId, listOf, methodOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'customField',
	operation: 'update',
	properties: [
		entity,
		fieldId,
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			description: 'New label; empty keeps the current one',
		},
		enumValues,
	],
	call: (ctx, itemIndex) => {
		const fields: IDataObject = {};
		const label = ctx.getNodeParameter('label', itemIndex, '') as string;
		if (label)
			Object.assign(fields, {
				EDIT_FORM_LABEL: label,
				LIST_COLUMN_LABEL: label,
				LIST_FILTER_LABEL: label,
			});
		const list = listOf(ctx, itemIndex);
		if (list.length) fields.LIST = list;
		return {
			method: methodOf(ctx, itemIndex, 'update'),
			params: { id: recordIdParameter(ctx, 'fieldId', itemIndex, 'Field ID'), fields },
		};
	},
	output: (_result, params) => ({ id: params.id, updated: true }),
});

import type { IDataObject } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { stageFields, stageRowId } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'stage',
	operation: 'update',
	properties: [
		stageRowId,
		{
			displayName: 'Update Fields',
			name: 'stageFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: stageFields,
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.status.update',
		params: {
			id: recordIdParameter(ctx, 'stageRowId', itemIndex, 'Stage Row ID'),
			fields: ctx.getNodeParameter('stageFields', itemIndex, {}) as IDataObject,
		},
	}),
	output: (_result, params) => ({ id: params.id, updated: true }),
});

import type { IDataObject } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { unwrap } from './output';
import { itemId, itemType, target } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'moveToPipeline',
	properties: [
		itemType,
		itemId,
		{
			displayName: 'Pipeline ID',
			name: 'categoryId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the pipeline (category) to move the item to',
		},
		{
			displayName: 'Stage ID',
			name: 'stageId',
			type: 'string',
			default: '',
			description: 'A stage of that pipeline; empty: its first stage',
		},
	],
	call: (ctx, itemIndex) => {
		const fields: IDataObject = {
			categoryId: recordIdParameter(ctx, 'categoryId', itemIndex, 'Pipeline ID'),
		};
		const stage = String(ctx.getNodeParameter('stageId', itemIndex, '') ?? '').trim();
		if (stage) fields.stageId = stage;
		return { method: 'crm.item.update', params: { ...target(ctx, itemIndex), fields } };
	},
	output: (result) => {
		const item = unwrap(result);
		return { id: item.id, pipeline: item.categoryId, stage: item.stageId, moved: true };
	},
});

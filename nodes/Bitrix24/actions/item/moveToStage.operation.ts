import { simpleOperation } from '../../../shared/bitrix24/operations';
import { unwrap } from './output';
import { itemId, itemType, target } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'item',
	operation: 'moveToStage',
	properties: [
		itemType,
		itemId,
		{
			displayName: 'Stage ID',
			name: 'stageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'DT128_1:PREPARATION',
			description: "The stage code, as in the item's stageId field",
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.item.update',
		params: {
			...target(ctx, itemIndex),
			fields: { stageId: String(ctx.getNodeParameter('stageId', itemIndex)).trim() },
		},
	}),
	output: (result) => {
		const item = unwrap(result);
		return { id: item.id, stage: item.stageId, moved: true };
	},
});

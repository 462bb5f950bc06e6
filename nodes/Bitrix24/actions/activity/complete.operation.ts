import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'activity',
	operation: 'complete',
	properties: [
		{ displayName: 'Activity ID', name: 'activityId', type: 'string', default: '', required: true },
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.activity.update',
		params: {
			id: recordIdParameter(ctx, 'activityId', itemIndex, 'Activity ID'),
			fields: { COMPLETED: 'Y' },
		},
	}),
	output: (_result, params) => ({ id: params.id, completed: true }),
});

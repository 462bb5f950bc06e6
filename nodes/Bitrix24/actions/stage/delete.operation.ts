import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { stageRowId } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'stage',
	operation: 'delete',
	properties: [stageRowId],
	call: (ctx, itemIndex) => ({
		method: 'crm.status.delete',
		params: { id: recordIdParameter(ctx, 'stageRowId', itemIndex, 'Stage Row ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

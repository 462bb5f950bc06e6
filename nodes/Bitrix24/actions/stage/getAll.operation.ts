import { simpleOperation } from '../../../shared/bitrix24/operations';
import { entityId, stagesOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'stage',
	operation: 'getAll',
	properties: stagesOf,
	call: (ctx, itemIndex) => ({
		method: 'crm.status.list',
		params: { filter: { ENTITY_ID: entityId(ctx, itemIndex) }, order: { SORT: 'ASC' } },
	}),
	list: {},
});

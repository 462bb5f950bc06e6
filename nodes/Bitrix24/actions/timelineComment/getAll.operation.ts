import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'timelineComment',
	operation: 'getAll',
	properties: ownerProperties(),
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		return {
			method: 'crm.timeline.comment.list',
			params: { filter: { ENTITY_ID: owner.id, ENTITY_TYPE: owner.type }, order: { ID: 'ASC' } },
		};
	},
	list: {},
});

import type { IDataObject } from 'n8n-workflow';

import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'activity',
	operation: 'getAll',
	properties: [
		...ownerProperties(),
		{
			displayName: 'Only Open',
			name: 'onlyOpen',
			type: 'boolean',
			default: false,
			description: 'Whether to return only activities that are not completed',
		},
	],
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		const filter: IDataObject = { OWNER_TYPE_ID: owner.typeId, OWNER_ID: owner.id };
		if (ctx.getNodeParameter('onlyOpen', itemIndex, false)) filter.COMPLETED = 'N';
		return { method: 'crm.activity.list', params: { filter, order: { ID: 'ASC' } } };
	},
	list: {},
});

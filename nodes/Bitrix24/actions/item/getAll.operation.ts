import { eachItemOperation } from '../../../shared/bitrix24/operations';
import type { INodeProperties } from 'n8n-workflow';

import { jsonObjectParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import { itemType, typeOf } from './properties';

/** Get Many: the fast export (ID order, `>id`, 2,500 rows per request) with filters and limit. */
const getManyProperties: INodeProperties[] = [
	itemType,
	...returnAllOrLimit,
	{
		displayName: 'Filter (JSON)',
		name: 'itemFilter',
		type: 'json',
		default: '{}',
		description:
			'Bitrix24 filter with camelCase fields and operators, e.g. {"&gt;opportunity": 100, "stageId": "DT128_1:NEW"}',
	},
];

export const { description, execute } = eachItemOperation({
	resource: 'item',
	operation: 'getAll',
	properties: getManyProperties,
	async run(ctx, client, itemIndex) {
		return await client.export({
			method: 'crm.item.list',
			params: {
				entityTypeId: typeOf(ctx, itemIndex),
				filter: jsonObjectParameter(ctx, 'itemFilter', itemIndex, 'Filter (JSON)'),
				select: ['*'],
			},
			rowsKey: 'items',
			idField: 'id',
			limit: rowLimitParameter(ctx, itemIndex),
		});
	},
});

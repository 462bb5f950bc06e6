import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../../shared/bitrix24/execute';
import { jsonObjectParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../common.descriptions';
import { itemType, typeOf } from './properties';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

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

export const description = updateDisplayOptions(
	{ show: { resource: ['item'], operation: ['getAll'] } },
	getManyProperties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	return await executeEachItem.call(this, items, async (itemIndex) => {
		return await client.export({
			method: 'crm.item.list',
			params: {
				entityTypeId: typeOf(this, itemIndex),
				filter: jsonObjectParameter(this, 'itemFilter', itemIndex, 'Filter (JSON)'),
				select: ['*'],
			},
			rowsKey: 'items',
			idField: 'id',
			limit: rowLimitParameter(this, itemIndex),
		});
	});
}

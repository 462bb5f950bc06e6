import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../../shared/bitrix24/execute';
import { rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../common.descriptions';
import { shape, simplifyUsers } from './simplify';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const getManyProperties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'userFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Active Only',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active users',
			},
			{ displayName: 'Department ID', name: 'department', type: 'string', default: '' },
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Words to find in the name, position or email',
			},
		],
	},
	simplifyUsers,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getAll'] } },
	getManyProperties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	return await executeEachItem.call(this, items, async (itemIndex) => {
		const filters = this.getNodeParameter('userFilters', itemIndex, {}) as IDataObject;
		const filter: IDataObject = {};
		if (filters.active !== false) filter.ACTIVE = true;
		if (filters.department) filter.UF_DEPARTMENT = Number(filters.department);
		const search = String(filters.search ?? '').trim();
		const users = await client.list({
			method: search ? 'user.search' : 'user.get',
			params: search ? { FILTER: { FIND: search } } : { FILTER: filter, sort: 'ID', order: 'ASC' },
			limit: rowLimitParameter(this, itemIndex),
		});
		return shape(this, itemIndex, users);
	});
}

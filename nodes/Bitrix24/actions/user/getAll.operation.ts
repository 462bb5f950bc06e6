import { eachItemOperation } from '../../../shared/bitrix24/operations';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import { shape, simplifyUsers } from './simplify';

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

export const { description, execute } = eachItemOperation({
	resource: 'user',
	operation: 'getAll',
	properties: getManyProperties,
	async run(ctx, client, itemIndex) {
		const filters = ctx.getNodeParameter('userFilters', itemIndex, {}) as IDataObject;
		const filter: IDataObject = {};
		if (filters.active !== false) filter.ACTIVE = true;
		if (filters.department) filter.UF_DEPARTMENT = Number(filters.department);
		const search = String(filters.search ?? '').trim();
		const users = await client.list({
			method: search ? 'user.search' : 'user.get',
			params: search ? { FILTER: { FIND: search } } : { FILTER: filter, sort: 'ID', order: 'ASC' },
			limit: rowLimitParameter(ctx, itemIndex),
		});
		return shape(ctx, itemIndex, users);
	},
});

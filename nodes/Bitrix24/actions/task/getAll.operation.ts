import { eachItemOperation } from '../../../shared/bitrix24/operations';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filterParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import { portalOption, sorted } from '../crm/fields';
import { simpleTask, simplifyTaskProperty, STATUS_NAMES, TASK_SELECT } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'taskFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: sorted([
			{ displayName: 'Changed After', name: '>=CHANGED_DATE', type: 'dateTime', default: '' },
			portalOption('Created By', 'CREATED_BY', 'getUsers'),
			{
				displayName: 'Custom Filter (JSON)',
				name: 'custom',
				type: 'json',
				default: '{}',
				description:
					'Any tasks.task.list filter, with operators as key prefixes: {"&gt;=DEADLINE": "2026-01-01", "!REAL_STATUS": 5}',
			},
			{ displayName: 'Deadline After', name: '>=DEADLINE', type: 'dateTime', default: '' },
			{ displayName: 'Deadline Before', name: '<=DEADLINE', type: 'dateTime', default: '' },
			{ displayName: 'Group ID', name: 'GROUP_ID', type: 'number', default: 0 },
			portalOption('Responsible User', 'RESPONSIBLE_ID', 'getUsers'),
			{
				displayName: 'Status',
				name: 'REAL_STATUS',
				type: 'multiOptions',
				options: Object.entries(STATUS_NAMES)
					.filter(([value]) => Number(value) >= 2 && Number(value) <= 6)
					.map(([value, name]) => ({ name, value: Number(value) })),
				default: [],
			},
			{ displayName: 'Title Contains', name: '%TITLE', type: 'string', default: '' },
		]),
	},
	simplifyTaskProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Changed Date', value: 'CHANGED_DATE' },
					{ name: 'Created Date', value: 'CREATED_DATE' },
					{ name: 'Deadline', value: 'DEADLINE' },
					{ name: 'ID', value: 'ID' },
					{ name: 'Title', value: 'TITLE' },
				],
				default: 'ID',
				description: 'Order of the results. In ID order, tasks are read the fastest way.',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
		],
	},
];

export const { description, execute } = eachItemOperation({
	resource: 'task',
	operation: 'getAll',
	properties: properties,
	async run(ctx, client, itemIndex) {
		const limit = rowLimitParameter(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const sortBy = (options.sortBy as string | undefined) ?? 'ID';
		const direction = (options.sortDirection as string | undefined) ?? 'ASC';
		const request = {
			method: 'tasks.task.list',
			params: { filter: filterParameter(ctx, 'taskFilters', itemIndex), select: TASK_SELECT },
			rowsKey: 'tasks',
			idField: 'ID',
			rowIdField: 'id',
			limit,
		};
		const tasks =
			sortBy === 'ID' && direction === 'ASC'
				? await client.export(request)
				: await client.list({
						...request,
						params: { ...request.params, order: { [sortBy]: direction } },
					});
		return ctx.getNodeParameter('simplify', itemIndex, true) ? tasks.map(simpleTask) : tasks;
	},
});

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../helpers/execute';
import { jsonObjectParameter } from '../../helpers/parameters';
import { exportAll, listByOffset } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { portalOption, sorted } from '../crm/fields';
import { simpleTask, simplifyTaskProperty, STATUS_NAMES } from './fields';

const SELECT = [
	'ID',
	'TITLE',
	'DESCRIPTION',
	'STATUS',
	'PRIORITY',
	'RESPONSIBLE_ID',
	'CREATED_BY',
	'GROUP_ID',
	'PARENT_ID',
	'DEADLINE',
	'CREATED_DATE',
	'CHANGED_DATE',
	'CLOSED_DATE',
	'ACCOMPLICES',
	'AUDITORS',
	'TAGS',
	'UF_CRM_TASK',
];

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

function filterFrom(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const chosen = { ...(ctx.getNodeParameter('taskFilters', itemIndex, {}) as IDataObject) };
	const custom =
		chosen.custom !== undefined
			? jsonObjectParameter(ctx, 'taskFilters.custom', itemIndex, 'Custom Filter (JSON)')
			: {};
	delete chosen.custom;
	for (const [key, value] of Object.entries(chosen))
		if (value === '' || value === 0 || (Array.isArray(value) && value.length === 0))
			delete chosen[key];
	return { ...chosen, ...custom };
}

export const getAll = {
	description: updateDisplayOptions(
		{ show: { resource: ['task'], operation: ['getAll'] } },
		properties,
	),
	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await executeEachItem.call(this, items, async (itemIndex) => {
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const sortBy = (options.sortBy as string | undefined) ?? 'ID';
			const direction = (options.sortDirection as string | undefined) ?? 'ASC';
			const request = {
				method: 'tasks.task.list',
				params: { filter: filterFrom(this, itemIndex), select: SELECT },
				rowsKey: 'tasks',
				idField: 'ID',
				rowIdField: 'id',
				limit,
			};
			const tasks =
				sortBy === 'ID' && direction === 'ASC'
					? await exportAll.call(this, request)
					: await listByOffset.call(this, {
							...request,
							params: { ...request.params, order: { [sortBy]: direction } },
						});
			return this.getNodeParameter('simplify', itemIndex, true) ? tasks.map(simpleTask) : tasks;
		});
	},
};

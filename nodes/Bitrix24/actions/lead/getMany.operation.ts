import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { SIMPLE_LEAD_FIELDS, simplifyLead } from '../../helpers/crmRecord';
import { executeEachItem } from '../../helpers/execute';
import { MULTI_FIELDS } from '../../helpers/multiFields';
import { jsonObjectParameter } from '../../helpers/parameters';
import { exportAll, listByOffset } from '../../transport';
import { responsibleOption, simplifyProperty, sourceOption, statusOption } from './lead.fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created After', name: '>=DATE_CREATE', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: '<=DATE_CREATE', type: 'dateTime', default: '' },
			{
				displayName: 'Custom Filter (JSON)',
				name: 'custom',
				type: 'json',
				default: '{}',
				description:
					'Any Bitrix24 filter, with operators as key prefixes: {"&gt;OPPORTUNITY": 1000, "!STATUS_ID": "JUNK", "%NAME": "ann", "@SOURCE_ID": ["WEB", "CALL"]}',
			},
			{ displayName: 'Modified After', name: '>=DATE_MODIFY', type: 'dateTime', default: '' },
			{ displayName: 'Modified Before', name: '<=DATE_MODIFY', type: 'dateTime', default: '' },
			responsibleOption,
			sourceOption,
			statusOption,
			{
				displayName: 'Title Contains',
				name: '%TITLE',
				type: 'string',
				default: '',
			},
		],
	},
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Field Names or IDs',
				name: 'fields',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLeadFields' },
				default: [],
				description:
					'Fields to return (overrides Simplify). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Sort',
						name: 'rule',
						values: [
							{
								displayName: 'Field Name or ID',
								name: 'field',
								type: 'options',
								typeOptions: { loadOptionsMethod: 'getLeadSortFields' },
								default: 'DATE_CREATE',
								description:
									'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							},
							{
								displayName: 'Direction',
								name: 'direction',
								type: 'options',
								options: [
									{ name: 'Ascending', value: 'ASC' },
									{ name: 'Descending', value: 'DESC' },
								],
								default: 'DESC',
							},
						],
					},
				],
				description:
					'Order of the results. Without it, leads come in ID order, which is the fastest way to read many.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['lead'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const SIMPLE_SELECT = [...SIMPLE_LEAD_FIELDS, 'PHONE', 'EMAIL'];

function filterFrom(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const chosen = { ...(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	const custom =
		chosen.custom !== undefined
			? jsonObjectParameter(ctx, 'filters.custom', itemIndex, 'Custom Filter (JSON)')
			: {};
	delete chosen.custom;
	for (const [key, value] of Object.entries(chosen))
		if (value === '' || value === 0) delete chosen[key];
	return { ...chosen, ...custom };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeEachItem.call(this, items, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const options = this.getNodeParameter('options', itemIndex, {}) as {
			fields?: string[];
			sort?: { rule?: { field: string; direction: string } };
		};
		const fields = options.fields ?? [];
		const select =
			fields.length > 0 ? fields : simplify ? SIMPLE_SELECT : ['*', 'UF_*', ...MULTI_FIELDS];
		const params: IDataObject = { filter: filterFrom(this, itemIndex), select };

		const rule = options.sort?.rule;
		const request = { method: 'crm.lead.list', params, limit };
		const leads = rule
			? await listByOffset.call(this, {
					...request,
					params: { ...params, order: { [rule.field]: rule.direction } },
				})
			: await exportAll.call(this, request);
		return simplify && fields.length === 0 ? leads.map(simplifyLead) : leads;
	});
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MultiValue } from '../../helpers/multiFields';
import { jsonObjectParameter } from '../../helpers/parameters';

/** Lead dropdowns whose values come from the portal; shared by the fields and the filters. */
export const statusOption: INodeProperties = {
	displayName: 'Status Name or ID',
	name: 'STATUS_ID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLeadStatuses' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const sourceOption: INodeProperties = {
	displayName: 'Source Name or ID',
	name: 'SOURCE_ID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLeadSources' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const responsibleOption: INodeProperties = {
	displayName: 'Responsible User Name or ID',
	name: 'ASSIGNED_BY_ID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description:
		'The Bitrix24 user responsible for the lead. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Lead fields offered in "Additional Fields" / "Update Fields", keyed by Bitrix24 field name. */
export const leadFieldOptions: INodeProperties[] = [
	{
		displayName: 'Comments',
		name: 'COMMENTS',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{ displayName: 'Company Name', name: 'COMPANY_TITLE', type: 'string', default: '' },
	{
		displayName: 'Currency Name or ID',
		name: 'CURRENCY_ID',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCurrencies' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{ displayName: 'First Name', name: 'NAME', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'LAST_NAME', type: 'string', default: '' },
	{ displayName: 'Middle Name', name: 'SECOND_NAME', type: 'string', default: '' },
	{
		displayName: 'Opportunity',
		name: 'OPPORTUNITY',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Expected deal amount',
	},
	{
		displayName: 'Other Fields (JSON)',
		name: 'otherFields',
		type: 'json',
		default: '{}',
		description:
			'Any other lead fields by their Bitrix24 names, including custom fields, e.g. {"UF_CRM_1700000000": "value", "ADDRESS_CITY": "Berlin"}',
	},
	{ displayName: 'Position', name: 'POST', type: 'string', default: '' },
	responsibleOption,
	sourceOption,
	{ displayName: 'Source Details', name: 'SOURCE_DESCRIPTION', type: 'string', default: '' },
	statusOption,
	{ displayName: 'Title', name: 'TITLE', type: 'string', default: '' },
];

/** Reads a fields collection into Bitrix24 `fields`, merging "Other Fields (JSON)". */
export function leadFieldsFrom(
	ctx: IExecuteFunctions,
	collection: string,
	itemIndex: number,
): IDataObject {
	const chosen = { ...(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	const other =
		chosen.otherFields !== undefined
			? jsonObjectParameter(ctx, `${collection}.otherFields`, itemIndex, 'Other Fields (JSON)')
			: {};
	delete chosen.otherFields;
	return { ...other, ...chosen };
}

export function multiValuesFrom(
	ctx: IExecuteFunctions,
	name: 'phones' | 'emails',
	itemIndex: number,
): MultiValue[] {
	const collection = ctx.getNodeParameter(name, itemIndex, {}) as {
		values?: Array<{ value: string; valueType: string }>;
	};
	return (collection.values ?? [])
		.filter((entry) => String(entry.value ?? '').trim() !== '')
		.map((entry) => ({ VALUE: String(entry.value).trim(), VALUE_TYPE: entry.valueType || 'WORK' }));
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the key fields (ID, title, names, status, source, responsible, amount, first phone and email, dates) instead of the full record',
};

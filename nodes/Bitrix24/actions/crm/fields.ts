import type { INodeProperties } from 'n8n-workflow';

const FROM_LIST =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A dropdown whose values Bitrix24 provides (stages, sources, users…). */
export function portalOption(
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	what?: string,
): INodeProperties {
	return {
		displayName: `${displayName} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		default: '',
		description: what ? `${what}. ${FROM_LIST}.` : FROM_LIST,
	};
}

export const text = (
	displayName: string,
	name: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

export const responsibleOption = portalOption(
	'Responsible User',
	'ASSIGNED_BY_ID',
	'getUsers',
	'The Bitrix24 user responsible for the record',
);
export const sourceOption = portalOption('Source', 'SOURCE_ID', 'getSources');
export const currencyOption = portalOption('Currency', 'CURRENCY_ID', 'getCurrencies');
export const comments = text('Comments', 'COMMENTS', { typeOptions: { rows: 3 } });
export const amount: INodeProperties = {
	displayName: 'Amount',
	name: 'OPPORTUNITY',
	type: 'number',
	typeOptions: { numberPrecision: 2 },
	default: 0,
};

export const otherFields = (entity: string): INodeProperties => ({
	displayName: 'Other Fields (JSON)',
	name: 'otherFields',
	type: 'json',
	default: '{}',
	description: `Any other ${entity} fields by their Bitrix24 names, including custom fields, e.g. {"UF_CRM_1700000000": "value"}`,
});

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the key fields with real types (IDs and amounts as numbers, Y/N as true/false, dates as ISO strings, the first phone and email as text) instead of the full record as Bitrix24 sends it, every value as text',
};

/** Sorts collection options by display name, as n8n's UI guidelines ask. */
export function sorted(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Custom fields (UF_CRM_*) by their labels and types, or taken from the input item by name. */
export const customFieldsMapper: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	typeOptions: {
		loadOptionsDependsOn: ['resource'],
		resourceMapper: {
			resourceMapperMethod: 'getCustomFields',
			mode: 'add',
			fieldWords: { singular: 'custom field', plural: 'custom fields' },
			addAllFields: false,
			multiKeyMatch: false,
			supportAutoMap: true,
			// A portal without custom fields is normal: the empty-fields notice says so, not an error.
			hideNoDataError: true,
		},
	},
};

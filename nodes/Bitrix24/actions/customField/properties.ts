import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Custom (user) fields of leads, deals, contacts and companies: `crm.{entity}.userfield.*`. */
export const entity: INodeProperties = {
	displayName: 'Record Type',
	name: 'fieldEntity',
	type: 'options',
	options: [
		{ name: 'Company', value: 'company' },
		{ name: 'Contact', value: 'contact' },
		{ name: 'Deal', value: 'deal' },
		{ name: 'Lead', value: 'lead' },
	],
	default: 'deal',
};

export const fieldId: INodeProperties = {
	displayName: 'Field ID',
	name: 'fieldId',
	type: 'string',
	default: '',
	required: true,
	description: 'The numeric ID of the field (field ID in Get Many)',
};

export const enumValues: INodeProperties = {
	displayName: 'List Values',
	name: 'listValues',
	type: 'string',
	default: '',
	placeholder: 'Small, Medium, Large',
	description: 'For list fields: the values to add, separated by commas',
};

export const methodOf = (ctx: IExecuteFunctions, itemIndex: number, action: string) =>
	`crm.${ctx.getNodeParameter('fieldEntity', itemIndex) as string}.userfield.${action}`;

export function listOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	return String(ctx.getNodeParameter('listValues', itemIndex, ''))
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean)
		.map((value) => ({ VALUE: value }));
}

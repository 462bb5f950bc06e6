import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../simpleOperation';

/** Custom (user) fields of leads, deals, contacts and companies: `crm.{entity}.userfield.*`. */
const entity: INodeProperties = {
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

const fieldId: INodeProperties = {
	displayName: 'Field ID',
	name: 'fieldId',
	type: 'string',
	default: '',
	required: true,
	description: 'The numeric ID of the field (field ID in Get Many)',
};

const enumValues: INodeProperties = {
	displayName: 'List Values',
	name: 'listValues',
	type: 'string',
	default: '',
	placeholder: 'Small, Medium, Large',
	description: 'For list fields: the values to add, separated by commas',
};

const methodOf = (ctx: IExecuteFunctions, itemIndex: number, action: string) =>
	`crm.${ctx.getNodeParameter('fieldEntity', itemIndex) as string}.userfield.${action}`;

function listOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	return String(ctx.getNodeParameter('listValues', itemIndex, ''))
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean)
		.map((value) => ({ VALUE: value }));
}

export const getAll = simpleOperation({
	resource: 'customField',
	operation: 'getAll',
	properties: [entity],
	call: (ctx, itemIndex) => ({
		method: methodOf(ctx, itemIndex, 'list'),
		params: { order: { SORT: 'ASC' } },
	}),
	list: {},
});

export const create = simpleOperation({
	resource: 'customField',
	operation: 'create',
	properties: [
		entity,
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'DELIVERY_SLOT',
			description: 'Becomes the field name UF_CRM_&lt;code&gt; (letters, digits and underscores)',
		},
		{ displayName: 'Label', name: 'label', type: 'string', default: '', required: true },
		{
			displayName: 'Type',
			name: 'userType',
			type: 'options',
			options: [
				{ name: 'Date', value: 'date' },
				{ name: 'Date and Time', value: 'datetime' },
				{ name: 'List', value: 'enumeration' },
				{ name: 'Money', value: 'money' },
				{ name: 'Number', value: 'double' },
				{ name: 'Text', value: 'string' },
				{ name: 'URL', value: 'url' },
				{ name: 'Whole Number', value: 'integer' },
				{ name: 'Yes/No', value: 'boolean' },
			],
			default: 'string',
		},
		{ ...enumValues, displayOptions: { show: { userType: ['enumeration'] } } },
		{
			displayName: 'Multiple',
			name: 'multiple',
			type: 'boolean',
			default: false,
			description: 'Whether the field holds several values',
		},
		{
			displayName: 'Required',
			name: 'mandatory',
			type: 'boolean',
			default: false,
			description: 'Whether the field must be filled in',
		},
	],
	call: (ctx, itemIndex) => {
		const label = ctx.getNodeParameter('label', itemIndex) as string;
		const userType = ctx.getNodeParameter('userType', itemIndex) as string;
		const code = String(ctx.getNodeParameter('code', itemIndex))
			.trim()
			.toUpperCase()
			.replace(/^UF_CRM_/, '');
		const fields: IDataObject = {
			FIELD_NAME: code,
			USER_TYPE_ID: userType,
			EDIT_FORM_LABEL: label,
			LIST_COLUMN_LABEL: label,
			LIST_FILTER_LABEL: label,
			MULTIPLE: ctx.getNodeParameter('multiple', itemIndex, false) ? 'Y' : 'N',
			MANDATORY: ctx.getNodeParameter('mandatory', itemIndex, false) ? 'Y' : 'N',
		};
		if (userType === 'enumeration') fields.LIST = listOf(ctx, itemIndex);
		return { method: methodOf(ctx, itemIndex, 'add'), params: { fields } };
	},
	output: (result, params) => ({
		id: Number(result),
		fieldName: `UF_CRM_${String((params.fields as IDataObject).FIELD_NAME)}`,
	}),
});

export const update = simpleOperation({
	resource: 'customField',
	operation: 'update',
	properties: [
		entity,
		fieldId,
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			description: 'New label; empty keeps the current one',
		},
		enumValues,
	],
	call: (ctx, itemIndex) => {
		const fields: IDataObject = {};
		const label = ctx.getNodeParameter('label', itemIndex, '') as string;
		if (label)
			Object.assign(fields, {
				EDIT_FORM_LABEL: label,
				LIST_COLUMN_LABEL: label,
				LIST_FILTER_LABEL: label,
			});
		const list = listOf(ctx, itemIndex);
		if (list.length) fields.LIST = list;
		return {
			method: methodOf(ctx, itemIndex, 'update'),
			params: { id: recordIdParameter(ctx, 'fieldId', itemIndex, 'Field ID'), fields },
		};
	},
	output: (_result, params) => ({ id: params.id, updated: true }),
});

export const deleteField = simpleOperation({
	resource: 'customField',
	operation: 'delete',
	properties: [entity, fieldId],
	call: (ctx, itemIndex) => ({
		method: methodOf(ctx, itemIndex, 'delete'),
		params: { id: recordIdParameter(ctx, 'fieldId', itemIndex, 'Field ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

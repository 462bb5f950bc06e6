import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { entity, enumValues, listOf, methodOf } from './properties';

export const { description, execute } = simpleOperation({
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

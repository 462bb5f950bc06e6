import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../helpers/execute';
import { multiFieldProperty } from '../common.descriptions';
import { leadFieldOptions, leadFieldsFrom, multiValuesFrom } from './lead.fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Website inquiry',
		description: 'Title of the lead as shown in the CRM',
	},
	multiFieldProperty('PHONE'),
	multiFieldProperty('EMAIL'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: leadFieldOptions.filter((field) => field.name !== 'TITLE'),
	},
];

const displayOptions = { show: { resource: ['lead'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeItemCalls.call(
		this,
		items,
		(itemIndex) => {
			const fields: IDataObject = {
				...leadFieldsFrom(this, 'additionalFields', itemIndex),
				TITLE: this.getNodeParameter('title', itemIndex) as string,
			};
			const phones = multiValuesFrom(this, 'phones', itemIndex);
			const emails = multiValuesFrom(this, 'emails', itemIndex);
			if (phones.length) fields.PHONE = phones as unknown as IDataObject[];
			if (emails.length) fields.EMAIL = emails as unknown as IDataObject[];
			return { method: 'crm.lead.add', params: { fields } };
		},
		({ result }) => ({ id: Number(result) }),
	);
}

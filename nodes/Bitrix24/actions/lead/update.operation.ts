import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemError } from '../../helpers/execute';
import { executeItemCalls } from '../../helpers/execute';
import type { MultiFieldMode, MultiFieldName, MultiValue } from '../../helpers/multiFields';
import { multiFieldUpdate } from '../../helpers/multiFields';
import { recordIdParameter } from '../../helpers/parameters';
import { runItemCalls } from '../../transport';
import { crmRecordLocator, multiFieldProperty } from '../common.descriptions';
import { leadFieldOptions, leadFieldsFrom, multiValuesFrom } from './lead.fields';

const properties: INodeProperties[] = [
	crmRecordLocator('lead', 'Lead', 'searchLeads'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: leadFieldOptions,
	},
	multiFieldProperty('PHONE'),
	multiFieldProperty('EMAIL'),
	{
		displayName: 'Phones and Emails',
		name: 'multiFieldMode',
		type: 'options',
		options: [
			{
				name: 'Add to Existing',
				value: 'add',
				description: 'Keep the current values and add the ones given',
			},
			{
				name: 'Remove Given Values',
				value: 'remove',
				description: 'Delete the given values from the lead; other values stay',
			},
			{
				name: 'Replace Existing',
				value: 'replace',
				description: 'Delete the current values of each field you fill in and set the given ones',
			},
		],
		default: 'add',
		description: 'How the phones and emails above change the lead',
	},
];

const displayOptions = { show: { resource: ['lead'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface Planned {
	id: number;
	fields: IDataObject;
	multi: Array<[MultiFieldName, MultiValue[]]>;
	mode: MultiFieldMode;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const planned: Array<Planned | undefined> = [];
	const failures = new Map<number, unknown>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const multi: Array<[MultiFieldName, MultiValue[]]> = [
				['PHONE', multiValuesFrom(this, 'phones', itemIndex)],
				['EMAIL', multiValuesFrom(this, 'emails', itemIndex)],
			];
			planned[itemIndex] = {
				id: recordIdParameter(this, 'leadId', itemIndex, 'Lead'),
				fields: leadFieldsFrom(this, 'updateFields', itemIndex),
				multi: multi.filter(([, values]) => values.length > 0),
				mode: this.getNodeParameter('multiFieldMode', itemIndex, 'add') as MultiFieldMode,
			};
		} catch (error) {
			failures.set(itemIndex, error);
		}
	}

	const current = await currentMultiFields.call(this, planned);

	return await executeItemCalls.call(
		this,
		items,
		(itemIndex) => {
			const plan = planned[itemIndex];
			if (!plan) throw failures.get(itemIndex);
			const existing = current.get(itemIndex);
			if (existing instanceof Error) throw existing;
			const fields = { ...plan.fields };
			for (const [field, values] of plan.multi) {
				fields[field] = multiFieldUpdate(
					field,
					plan.mode,
					values,
					existing?.[field] as IDataObject[],
				);
			}
			return { method: 'crm.lead.update', params: { id: plan.id, fields } };
		},
		(_result, itemIndex) => ({ id: planned[itemIndex]?.id, updated: true }),
	);
}

/** "Replace" and "Remove" need the lead's current phone/email entry IDs: one batched read. */
async function currentMultiFields(
	this: IExecuteFunctions,
	planned: Array<Planned | undefined>,
): Promise<Map<number, IDataObject | ItemError>> {
	const calls = planned.flatMap((plan, itemIndex) =>
		plan && plan.mode !== 'add' && plan.multi.length > 0
			? [{ itemIndex, method: 'crm.lead.get', params: { id: plan.id } }]
			: [],
	);
	const current = new Map<number, IDataObject | ItemError>();
	if (calls.length === 0) return current;
	for (const result of await runItemCalls.call(this, calls)) {
		current.set(result.itemIndex, result.ok ? (result.result as IDataObject) : result.error);
	}
	return current;
}

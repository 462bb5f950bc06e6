import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemError } from '../../helpers/execute';
import { isItemError, planEachItem, sendPlannedCalls, toOutput } from '../../helpers/execute';
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
	const plans = await planEachItem(this, items.length, (itemIndex): Planned => {
		const multi: Array<[MultiFieldName, MultiValue[]]> = [
			['PHONE', multiValuesFrom(this, 'phones', itemIndex)],
			['EMAIL', multiValuesFrom(this, 'emails', itemIndex)],
		];
		return {
			id: recordIdParameter(this, 'leadId', itemIndex, 'Lead'),
			fields: leadFieldsFrom(this, 'updateFields', itemIndex),
			multi: multi.filter(([, values]) => values.length > 0),
			mode: this.getNodeParameter('multiFieldMode', itemIndex, 'add') as MultiFieldMode,
		};
	});

	const current = await currentMultiFields.call(this, plans);

	const calls = plans.map((plan, itemIndex) => {
		if (isItemError(plan)) return plan;
		const existing = current.get(itemIndex);
		if (isItemError(existing)) return existing;
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
	});
	const outcomes = await sendPlannedCalls.call(this, calls, ({ itemIndex }) => ({
		id: (plans[itemIndex] as Planned).id,
		updated: true,
	}));
	return toOutput(this, outcomes);
}

/**
 * "Replace" and "Remove" need the lead's current phone/email entry IDs: one batched read for the
 * items that need them. Without "Continue On Fail" a failed read stops the node before any update.
 */
async function currentMultiFields(
	this: IExecuteFunctions,
	plans: Array<Planned | ItemError>,
): Promise<Map<number, IDataObject | ItemError>> {
	const calls = plans.flatMap((plan, itemIndex) =>
		!isItemError(plan) && plan.mode !== 'add' && plan.multi.length > 0
			? [{ itemIndex, method: 'crm.lead.get', params: { id: plan.id } }]
			: [],
	);
	const current = new Map<number, IDataObject | ItemError>();
	if (calls.length === 0) return current;
	const stopOnFailure = !this.continueOnFail();
	for (const result of await runItemCalls.call(this, calls, { stopOnFailure })) {
		if (!result.ok && stopOnFailure) throw result.error;
		current.set(result.itemIndex, result.ok ? (result.result as IDataObject) : result.error);
	}
	return current;
}

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	isItemError,
	planEachItem,
	readEachItem,
	sendPlannedCalls,
	toOutput,
} from '../../../shared/bitrix24/execute';
import type {
	ContactField,
	MultiFieldMode,
	MultiValue,
} from '../../../shared/bitrix24/entities/multiFields';
import { multiFieldUpdate } from '../../../shared/bitrix24/entities/multiFields';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { crmRecordLocator, multiFieldProperty } from '../common.descriptions';
import type { CrmEntity } from './entities';
import { customFieldsMapper, sorted } from './fields';
import { customFieldsFrom, fieldsFrom, multiValuesFrom } from './record';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const multiFieldMode: INodeProperties = {
	displayName: 'Phones and Emails',
	name: 'multiFieldMode',
	type: 'options',
	options: [
		{
			name: 'Add to Existing',
			value: 'add',
			description:
				'Keep the current values and add the given ones the record does not have yet (phones compared by digits, emails ignoring case)',
		},
		{
			name: 'Remove Given Values',
			value: 'remove',
			description: 'Delete the given values from the record; other values stay',
		},
		{
			name: 'Replace Existing',
			value: 'replace',
			description: 'Delete the current values of each field you fill in and set the given ones',
		},
	],
	default: 'add',
	description: 'How the phones and emails above change the record',
};

interface Planned {
	id: number;
	fields: IDataObject;
	multi: Array<[ContactField, MultiValue[]]>;
	mode: MultiFieldMode;
}

export function crmUpdate(entity: CrmEntity) {
	const idParameter = `${entity.resource}Id`;
	const hasMulti = entity.multiFields.length > 0;
	const properties: INodeProperties[] = [
		crmRecordLocator(entity.resource, entity.label),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: sorted([
				{ ...entity.primary, name: entity.primaryField, required: false },
				...entity.fields,
			]),
		},
		...entity.multiFields.map(multiFieldProperty),
		...(hasMulti ? [multiFieldMode] : []),
		customFieldsMapper,
	];
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['update'] } },
		properties,
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		const plans = await planEachItem(this, items.length, (itemIndex, ctx): Planned => {
			const multi = entity.multiFields.map((field): [ContactField, MultiValue[]] => [
				field,
				multiValuesFrom(ctx, field, itemIndex),
			]);
			return {
				id: recordIdParameter(ctx, idParameter, itemIndex, entity.label),
				fields: {
					...customFieldsFrom(ctx, itemIndex),
					...fieldsFrom(ctx, 'updateFields', itemIndex),
				},
				multi: multi.filter(([, values]) => values.length > 0),
				mode: (hasMulti
					? ctx.getNodeParameter('multiFieldMode', itemIndex, 'add')
					: 'add') as MultiFieldMode,
			};
		});
		// Every mode needs the record's current phones/emails: one batched read per such item.
		const current = await readEachItem(
			this,
			client,
			plans.flatMap((plan, itemIndex) =>
				!isItemError(plan) && plan.multi.length > 0
					? [{ itemIndex, method: `${entity.method}.get`, params: { id: plan.id } }]
					: [],
			),
		);

		const calls = plans.map((plan, itemIndex) => {
			if (isItemError(plan)) return plan;
			const existing = current.get(itemIndex);
			if (isItemError(existing)) return existing;
			const fields = { ...plan.fields };
			for (const [field, values] of plan.multi) {
				const change = multiFieldUpdate(
					field,
					plan.mode,
					values,
					existing?.[field] as IDataObject[],
				);
				if (change.length > 0) fields[field] = change;
			}
			return { method: `${entity.method}.update`, params: { id: plan.id, fields } };
		});
		const outcomes = await sendPlannedCalls.call(this, client, calls, ({ itemIndex }) => ({
			id: (plans[itemIndex] as Planned).id,
			updated: true,
		}));
		return toOutput(this, outcomes);
	}

	return { description, execute };
}

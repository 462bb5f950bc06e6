import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	isItemError,
	planEachItem,
	sendPlannedCalls,
	toOutput,
} from '../../../shared/bitrix24/execute';
import { jsonObjectParameter } from '../../../shared/bitrix24/parameters';
import { itemType, typeOf } from './properties';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

interface Planned {
	entityTypeId: number;
	field: string;
	value: string;
	fields: IDataObject;
}

const key = (p: Planned) => `${p.entityTypeId}\u0000${p.field}\u0000${p.value}`;

const properties: INodeProperties[] = [
	itemType,
	{
		displayName: 'Match Field',
		name: 'matchField',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'xmlId',
		description:
			'The camelCase field that identifies the item, e.g. xmlId, title or ufCrm5_1700000000',
	},
	{
		displayName: 'Value to Match',
		name: 'matchValue',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Fields (JSON)',
		name: 'itemFields',
		type: 'json',
		default: '{}',
		description: 'Field values to set, by their camelCase names; the matched field is set too',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['item'], operation: ['upsert'] } },
	properties,
);

/**
 * Create or Update for smart-process items: look the item up by a field (`crm.item.list`), update
 * it when found, create it otherwise; items of one run with the same value make one item.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	const known = new Map<number, Set<string>>();
	const plans = await planEachItem(this, items.length, async (itemIndex): Promise<Planned> => {
		const entityTypeId = typeOf(this, itemIndex);
		const field = String(this.getNodeParameter('matchField', itemIndex)).trim();
		const value = String(this.getNodeParameter('matchValue', itemIndex, '')).trim();
		if (!known.has(entityTypeId)) {
			const envelope = await client.call('crm.item.fields', { entityTypeId }, itemIndex);
			known.set(
				entityTypeId,
				new Set(Object.keys(((envelope.result as IDataObject).fields as IDataObject) ?? {})),
			);
		}
		if (!known.get(entityTypeId)?.has(field)) {
			throw new NodeOperationError(
				this.getNode(),
				`Field "${field}" does not exist on these items`,
				{
					itemIndex,
					description:
						'Use the camelCase field name as crm.item.fields lists it (e.g. xmlId, title).',
				},
			);
		}
		if (!value)
			throw new NodeOperationError(this.getNode(), 'Value to Match is empty', { itemIndex });
		const fields = {
			...jsonObjectParameter(this, 'itemFields', itemIndex, 'Fields (JSON)'),
			[field]: value,
		};
		return { entityTypeId, field, value, fields };
	});

	// One look-up per distinct value.
	const lookups = new Map<string, number>();
	plans.forEach((p, itemIndex) => {
		if (!isItemError(p) && !lookups.has(key(p))) lookups.set(key(p), itemIndex);
	});
	const calls = [...lookups.values()].map((itemIndex) => {
		const p = plans[itemIndex] as Planned;
		return {
			itemIndex,
			method: 'crm.item.list',
			params: {
				entityTypeId: p.entityTypeId,
				filter: { [p.field]: p.value },
				select: ['id'],
				order: { id: 'ASC' },
			},
		};
	});
	const found = new Map<string, number | null>();
	for (const result of await client.items(calls, {
		stopOnFailure: !this.continueOnFail(),
	})) {
		if (!result.ok) throw result.error;
		const [first] = (((result.result as IDataObject).items as IDataObject[]) ??
			[]) as IDataObject[];
		found.set(key(plans[result.itemIndex] as Planned), first ? Number(first.id) : null);
	}

	// Pass 1: updates, and one create per value not found; pass 2: the rest update what was created.
	const creator = new Map<string, number>();
	const firstPass = plans.map((p, itemIndex) => {
		if (isItemError(p)) return p;
		const id = found.get(key(p));
		if (id)
			return {
				method: 'crm.item.update',
				params: { entityTypeId: p.entityTypeId, id, fields: p.fields },
			};
		if (creator.has(key(p))) return undefined;
		creator.set(key(p), itemIndex);
		return { method: 'crm.item.add', params: { entityTypeId: p.entityTypeId, fields: p.fields } };
	});
	const shape = ({ result, itemIndex }: { result: unknown; itemIndex: number }) => {
		const item = ((result as IDataObject).item ?? {}) as IDataObject;
		const created = creator.get(key(plans[itemIndex] as Planned)) === itemIndex;
		return { ...item, created, updated: !created };
	};
	const outcomes = await sendPlannedCalls.call(this, client, firstPass, shape);
	const secondPass = plans.map((p, itemIndex) => {
		if (isItemError(p) || firstPass[itemIndex] !== undefined) return undefined;
		const made = outcomes[creator.get(key(p)) as number];
		if (!made?.ok) {
			return new NodeOperationError(
				this.getNode(),
				'The item this one matches could not be created',
				{ itemIndex },
			);
		}
		const id = (made.json as IDataObject).id;
		return {
			method: 'crm.item.update',
			params: { entityTypeId: p.entityTypeId, id, fields: p.fields },
		};
	});
	const later = await sendPlannedCalls.call(this, client, secondPass, shape);
	return toOutput(
		this,
		plans.map((_, itemIndex) => later[itemIndex] ?? outcomes[itemIndex]),
	);
}

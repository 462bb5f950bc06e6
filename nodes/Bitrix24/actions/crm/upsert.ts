import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemError } from '../../../shared/bitrix24/execute';
import {
	isItemError,
	planEachItem,
	readEachItem,
	sendPlannedCalls,
	toOutput,
} from '../../../shared/bitrix24/execute';
import type { ContactField, MultiValue } from '../../../shared/bitrix24/entities/multiFields';
import { comparableValue, multiFieldUpdate } from '../../../shared/bitrix24/entities/multiFields';
import { defaultCountryCode } from '../../../shared/bitrix24/descriptions';
import { phoneOptionsParameter } from '../../../shared/bitrix24/parameters';
import type { PhoneOptions } from '../../../shared/conversation/phone';
import { phoneSearchValues, toE164 } from '../../../shared/conversation/phone';
import type { ItemCall } from '../../../shared/bitrix24/transport';
import { multiFieldProperty } from '../common.descriptions';
import type { CrmEntity } from './entities';
import { customFieldsMapper } from './fields';
import { customFieldsFrom, fieldsFrom, multiValuesFrom } from './record';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

type MatchBy = 'EMAIL' | 'PHONE' | 'field';

interface Planned {
	matchBy: MatchBy;
	/** The field matched on and the value looked for. */
	field: string;
	value: string;
	fields: IDataObject;
	multi: Array<[ContactField, MultiValue[]]>;
	/** How national phone numbers are read (matching by phone). */
	phone: PhoneOptions;
	/** What the duplicate search looks for: a phone in E.164 and as written. */
	searchValues: string[];
}

/** What the look-up found for one item: a record ID (with its current fields when fetched) or none. */
type Found = { id: number; record?: IDataObject } | null;

/**
 * How to find the record. Email where the entity has emails (deals: a field). Nodes saved before
 * version 1.1 relied on the former default, Field, and n8n saves only values that differ from the
 * default, so those nodes keep Field.
 */
function matchByProperties(entity: CrmEntity): INodeProperties[] {
	const byField = {
		name: 'Field',
		value: 'field',
		description: 'Any field, including custom fields',
	};
	const matchBy: INodeProperties = {
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [byField],
		default: 'field',
		description: `How to find an existing ${entity.label.toLowerCase()}`,
	};
	if (entity.multiFields.length === 0) return [matchBy];
	matchBy.options = [
		{ name: 'Email', value: 'EMAIL', description: 'Bitrix24 duplicate search by email' },
		byField,
		{
			name: 'Phone',
			value: 'PHONE',
			description:
				'Bitrix24 duplicate search by phone (compared in E.164 form, national numbers with the Default Country Code)',
		},
	];
	return [
		{ ...matchBy, displayOptions: { show: { '@version': [1] } } },
		{
			...matchBy,
			default: 'EMAIL',
			displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		},
	];
}

/**
 * Upsert: find the record by email, phone (Bitrix24's duplicate search) or any field, update it
 * when found, create it otherwise. Items of one run that look for the same value create one record
 * and update it, never duplicates.
 */
export function crmUpsert(entity: CrmEntity) {
	const one = entity.label.toLowerCase();
	const properties: INodeProperties[] = [
		...matchByProperties(entity),
		{
			displayName: 'Field Name or ID',
			name: 'matchField',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getFields' },
			default: '',
			required: true,
			displayOptions: { show: { matchBy: ['field'] } },
			description:
				'The field that identifies the record. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Value to Match',
			name: 'matchValue',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description: `The value that identifies the ${one}; it is also saved on a new ${one}`,
		},
		{ ...defaultCountryCode, displayOptions: { show: { matchBy: ['PHONE'] } } },
		{
			...entity.primary,
			required: false,
			description: `${entity.primary.displayName} of a new ${one}, or the new value`,
		},
		...entity.multiFields.map(multiFieldProperty),
		{
			displayName: 'Fields',
			name: 'upsertFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: entity.fields,
		},
		customFieldsMapper,
	];
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['upsert'] } },
		properties,
	);

	function plan(ctx: IExecuteFunctions, itemIndex: number): Planned {
		const matchBy = ctx.getNodeParameter('matchBy', itemIndex) as MatchBy;
		const phone = matchBy === 'PHONE' ? phoneOptionsParameter(ctx, itemIndex) : {};
		const typed = String(ctx.getNodeParameter('matchValue', itemIndex, '')).trim();
		// A phone is looked up, and saved on a new record, in E.164 when it can be put in it.
		const value = (matchBy === 'PHONE' && toE164(typed, phone)) || typed;
		if (!value) {
			throw new NodeOperationError(ctx.getNode(), 'Value to Match is empty', {
				itemIndex,
				description: `Give the email, phone or field value that identifies the ${one}.`,
			});
		}
		const field =
			matchBy === 'field' ? String(ctx.getNodeParameter('matchField', itemIndex)) : matchBy;
		const fields = {
			...customFieldsFrom(ctx, itemIndex),
			...fieldsFrom(ctx, 'upsertFields', itemIndex),
		};
		const primary = String(ctx.getNodeParameter(entity.primary.name, itemIndex, '') ?? '').trim();
		if (primary) fields[entity.primaryField] = primary;
		const multi = entity.multiFields.map((name): [ContactField, MultiValue[]] => [
			name,
			multiValuesFrom(ctx, name, itemIndex),
		]);
		if (matchBy === 'field') fields[field] = value;
		else {
			const entry = multi.find(([name]) => name === matchBy) as [ContactField, MultiValue[]];
			if (
				!entry[1].some(
					(candidate) =>
						comparableValue(matchBy, candidate.VALUE, phone) ===
						comparableValue(matchBy, value, phone),
				)
			) {
				entry[1].unshift({ VALUE: value, VALUE_TYPE: 'WORK' });
			}
		}
		return {
			matchBy,
			field,
			value,
			fields,
			multi: multi.filter(([, values]) => values.length > 0),
			phone,
			searchValues: matchBy === 'PHONE' ? phoneSearchValues(typed, phone) : [value],
		};
	}

	/** One look-up per distinct value: duplicate search for emails/phones, a list filter otherwise. */
	async function lookUp(
		ctx: IExecuteFunctions,
		client: Bitrix24Client,
		plans: Array<Planned | ItemError>,
	): Promise<Map<string, Found | ItemError>> {
		const keys = new Map<string, ItemCall>();
		plans.forEach((p, itemIndex) => {
			if (isItemError(p) || keys.has(keyOf(p))) return;
			keys.set(keyOf(p), {
				itemIndex,
				...(p.matchBy === 'field'
					? {
							method: `${entity.method}.list`,
							params: { filter: { [p.field]: p.value }, select: ['ID'], order: { ID: 'ASC' } },
						}
					: {
							method: 'crm.duplicate.findbycomm',
							params: {
								type: p.matchBy,
								values: p.searchValues,
								entity_type: entity.resource.toUpperCase(),
							},
						}),
			});
		});
		const calls = [...keys.values()];
		const results = await client.items(calls, { stopOnFailure: !ctx.continueOnFail() });
		const found = new Map<string, Found | ItemError>();
		for (const result of results) {
			const key = keyOf(plans[result.itemIndex] as Planned);
			if (!result.ok) {
				if (!ctx.continueOnFail()) throw result.error;
				found.set(key, result.error);
				continue;
			}
			const id = firstId(result.result, entity);
			found.set(key, id ? { id } : null);
		}
		return found;
	}

	/** Current phones/emails of found records, so only new values are added. */
	async function fetchFound(
		ctx: IExecuteFunctions,
		client: Bitrix24Client,
		found: Map<string, Found | ItemError>,
		plans: Array<Planned | ItemError>,
	) {
		const records = await readEachItem(
			ctx,
			client,
			plans.flatMap((p, itemIndex) => {
				if (isItemError(p) || p.multi.length === 0) return [];
				const hit = found.get(keyOf(p));
				return hit && !isItemError(hit) && !hit.record
					? [{ itemIndex, method: `${entity.method}.get`, params: { id: hit.id } }]
					: [];
			}),
		);
		for (const [itemIndex, record] of records) {
			const hit = found.get(keyOf(plans[itemIndex] as Planned)) as { record?: IDataObject };
			if (!isItemError(record)) hit.record = record;
		}
	}

	function updateCall(p: Planned, hit: { id: number; record?: IDataObject }) {
		const fields = { ...p.fields };
		for (const [name, values] of p.multi) {
			const current = hit.record?.[name] as IDataObject[];
			const added = multiFieldUpdate(name, 'add', values, current, p.phone);
			if (added.length) fields[name] = added;
		}
		return { method: `${entity.method}.update`, params: { id: hit.id, fields } };
	}

	function createCall(p: Planned) {
		const fields = { ...p.fields };
		for (const [name, values] of p.multi) fields[name] = values as unknown as IDataObject[];
		return { method: `${entity.method}.add`, params: { fields } };
	}

	/**
	 * Bitrix24 ignores filter keys it does not know, so a misspelt match field would match any
	 * record: check the field names against the portal first.
	 */
	async function knownFields(client: Bitrix24Client): Promise<Set<string>> {
		const envelope = await client.call(`${entity.method}.fields`, {});
		return new Set(Object.keys((envelope.result as IDataObject) ?? {}));
	}

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		let fieldNames: Set<string> | undefined;
		const plans = await planEachItem(this, items.length, async (itemIndex) => {
			const planned = plan(this, itemIndex);
			if (planned.matchBy !== 'field') return planned;
			fieldNames ??= await knownFields(client);
			if (!fieldNames.has(planned.field)) {
				throw new NodeOperationError(
					this.getNode(),
					`Field "${planned.field}" does not exist on ${entity.plural}`,
					{
						itemIndex,
						description:
							'Pick the field to match on from the list (custom fields appear by their labels).',
					},
				);
			}
			return planned;
		});
		const found = await lookUp(this, client, plans);
		await fetchFound(this, client, found, plans);

		// Pass 1: update found records; create one record per value not found.
		const creator = new Map<string, number>();
		const firstPass = plans.map((p, itemIndex) => {
			if (isItemError(p)) return p;
			const hit = found.get(keyOf(p));
			if (isItemError(hit)) return hit;
			if (hit) return updateCall(p, hit);
			if (creator.has(keyOf(p))) return undefined;
			creator.set(keyOf(p), itemIndex);
			return createCall(p);
		});
		const created = new Set(creator.values());
		const outcomes = await sendPlannedCalls.call(
			this,
			client,
			firstPass,
			({ result, itemIndex }) => {
				const id = created.has(itemIndex)
					? Number(result)
					: (found.get(keyOf(plans[itemIndex] as Planned)) as { id: number }).id;
				return { id, created: created.has(itemIndex), updated: !created.has(itemIndex) };
			},
		);

		// Pass 2: later items looking for the same value update the record pass 1 created.
		const createdIds = new Map<string, number>();
		for (const [key, itemIndex] of creator) {
			const outcome = outcomes[itemIndex];
			if (outcome?.ok) createdIds.set(key, (outcome.json as IDataObject).id as number);
		}
		const secondPass = plans.map((p, itemIndex) => {
			if (isItemError(p) || firstPass[itemIndex] !== undefined) return undefined;
			const creatorIndex = creator.get(keyOf(p)) as number;
			const id = createdIds.get(keyOf(p));
			if (id === undefined) {
				return new NodeOperationError(
					this.getNode(),
					`The ${one} this item matches could not be created`,
					{
						itemIndex,
						description: `Item ${creatorIndex} looks for the same value and failed; fix it and run again.`,
					},
				);
			}
			return updateCall(p, {
				id,
				record: createCall(plans[creatorIndex] as Planned).params.fields,
			});
		});
		const later = await sendPlannedCalls.call(this, client, secondPass, ({ itemIndex }) => ({
			id: createdIds.get(keyOf(plans[itemIndex] as Planned)) as number,
			created: false,
			updated: true,
		}));
		return toOutput(
			this,
			plans.map((_, itemIndex) => later[itemIndex] ?? outcomes[itemIndex]),
		);
	}

	return { description, execute };
}

function keyOf(p: Planned): string {
	return `${p.field}\u0000${comparableValue(p.matchBy === 'field' ? 'field' : p.matchBy, p.value, p.phone)}`;
}

/** The oldest matching ID from a list answer or a duplicate-search answer (`{CONTACT: [ids]}`). */
function firstId(result: unknown, entity: CrmEntity): number | undefined {
	if (Array.isArray(result)) {
		const [row] = result as IDataObject[];
		return row ? Number(row.ID) : undefined;
	}
	const ids = (result as IDataObject | null)?.[entity.resource.toUpperCase()];
	return Array.isArray(ids) && ids.length ? Math.min(...ids.map(Number)) : undefined;
}

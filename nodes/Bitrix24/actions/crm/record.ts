import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { typedFields } from '../../../shared/bitrix24/entities/fieldTypes';
import type { ContactField, MultiValue } from '../../../shared/bitrix24/entities/multiFields';
import { firstValue } from '../../../shared/bitrix24/entities/multiFields';
import { jsonObjectParameter } from '../../../shared/bitrix24/parameters';
import type { CrmEntity } from './entities';

const MULTI_PARAMETER: Record<ContactField, string> = { PHONE: 'phones', EMAIL: 'emails' };

/** Values a field collection holds when the user added a field but left it empty. */
const UNSET = (key: string, value: unknown) =>
	value === '' || ((key.endsWith('_ID') || key === 'ASSIGNED_BY_ID') && value === 0);

/**
 * Reads a fields collection into Bitrix24 `fields`: merges "Other Fields (JSON)", turns the
 * comma-separated contact IDs into a list and drops dropdowns left unset.
 */
export function fieldsFrom(
	ctx: IExecuteFunctions,
	collection: string,
	itemIndex: number,
): IDataObject {
	const chosen = { ...(ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	const other =
		chosen.otherFields !== undefined
			? jsonObjectParameter(ctx, `${collection}.otherFields`, itemIndex, 'Other Fields (JSON)')
			: {};
	delete chosen.otherFields;
	for (const [key, value] of Object.entries(chosen)) if (UNSET(key, value)) delete chosen[key];
	if (typeof chosen.CONTACT_IDS === 'string') {
		chosen.CONTACT_IDS = chosen.CONTACT_IDS.split(',')
			.map((id) => id.trim())
			.filter(Boolean)
			.map(Number);
	}
	return { ...other, ...chosen };
}

/**
 * Values of the custom-fields mapper: the fields set below, or with "map automatically" every
 * `UF_*` key of the input item. Unset values are left out.
 */
export function customFieldsFrom(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mode = ctx.getNodeParameter('customFields.mappingMode', itemIndex, 'defineBelow') as string;
	const source =
		mode === 'autoMapInputData'
			? Object.fromEntries(
					Object.entries(ctx.getInputData()[itemIndex]?.json ?? {}).filter(([key]) =>
						key.startsWith('UF_'),
					),
				)
			: ((ctx.getNodeParameter('customFields.value', itemIndex, {}) ?? {}) as IDataObject);
	return Object.fromEntries(
		Object.entries(source).filter(
			([, value]) => value !== null && value !== undefined && value !== '',
		),
	);
}

/** The phones/emails the user entered for one item, as Bitrix24 multi-field entries. */
export function multiValuesFrom(
	ctx: IExecuteFunctions,
	field: ContactField,
	itemIndex: number,
): MultiValue[] {
	const collection = ctx.getNodeParameter(MULTI_PARAMETER[field], itemIndex, {}) as {
		values?: Array<{ value: string; valueType: string }>;
	};
	return (collection.values ?? [])
		.filter((entry) => String(entry.value ?? '').trim() !== '')
		.map((entry) => ({ VALUE: String(entry.value).trim(), VALUE_TYPE: entry.valueType || 'WORK' }));
}

/**
 * The key fields of a record with real types (numbers, booleans, ISO dates, null when empty), and
 * the first phone and email as plain strings.
 */
export function simplify(entity: CrmEntity, record: IDataObject): IDataObject {
	const simple = typedFields(entity.simpleFields, record);
	for (const field of entity.multiFields) {
		const value = firstValue(record[field]);
		if (value !== undefined) simple[field] = value;
	}
	return simple;
}

/** What Get Many selects: chosen fields, the simple ones, or everything. */
export function selectFor(entity: CrmEntity, fields: string[], simplified: boolean): string[] {
	if (fields.length > 0) return fields;
	if (simplified) return [...Object.keys(entity.simpleFields), ...entity.multiFields];
	return ['*', 'UF_*', ...entity.multiFields];
}

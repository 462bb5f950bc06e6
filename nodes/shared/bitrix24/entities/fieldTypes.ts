import type { IDataObject } from 'n8n-workflow';

type Value = IDataObject[string];

/**
 * Field types as Bitrix24's `*.fields` methods name them. Legacy methods print every value as
 * text (`"ID": "12"`, `"OPPORTUNITY": "1000.00"`, `"OPENED": "Y"`); Simplify gives real types.
 */
export type FieldType =
	| 'integer'
	| 'double'
	| 'char'
	| 'boolean'
	| 'date'
	| 'datetime'
	| 'string'
	| 'user'
	| 'crm_status'
	| 'crm_currency'
	| 'crm_category'
	| 'crm_company'
	| 'crm_contact';

/** Fields by name and type, in the order Simplify outputs them. */
export type FieldTypes = Record<string, FieldType>;

const NUMBERS = new Set<FieldType>([
	'integer',
	'double',
	'user',
	'crm_category',
	'crm_company',
	'crm_contact',
]);

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** A number, or null for Bitrix24's empty values; text that is no number stays as it is. */
export function asNumber(value: unknown): Value {
	if (isEmpty(value)) return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : (value as Value);
}

/** Bitrix24's flags (`Y`/`N`, `1`/`0`, true/false) as booleans; null when empty. */
export function asBoolean(value: unknown): boolean | null {
	if (isEmpty(value)) return null;
	return value === true || value === 1 || ['Y', '1', 'TRUE'].includes(String(value).toUpperCase());
}

/** One value of a field of this type, typed (lists element by element). */
export function typedValue(type: FieldType, value: unknown): Value {
	if (Array.isArray(value)) return value.map((entry) => typedValue(type, entry)) as Value;
	if (NUMBERS.has(type)) return asNumber(value);
	if (type === 'char' || type === 'boolean') return asBoolean(value);
	// Dates keep Bitrix24's ISO form with its offset ("2026-05-01T10:00:00+03:00").
	if (type === 'date' || type === 'datetime') return isEmpty(value) ? null : (value as Value);
	return value as Value;
}

/** The record's fields named in `types`, in that order, with typed values. */
export function typedFields(types: FieldTypes, record: IDataObject): IDataObject {
	const typed: IDataObject = {};
	for (const [field, type] of Object.entries(types))
		if (record[field] !== undefined) typed[field] = typedValue(type, record[field]);
	return typed;
}

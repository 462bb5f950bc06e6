import type { IDataObject } from 'n8n-workflow';

import { comparablePhone, type PhoneOptions } from '../../conversation/phone';

/** The Bitrix24 multi-value fields the node offers friendly inputs for. */
export type ContactField = 'PHONE' | 'EMAIL';

export interface MultiValue {
	ID?: string;
	VALUE: string;
	VALUE_TYPE: string;
}

export type MultiFieldMode = 'add' | 'replace' | 'remove';

/**
 * A value as matching compares it: phones in E.164 (national numbers with the default country
 * given), else by their digits; emails case-insensitively.
 */
export function comparableValue(field: string, value: unknown, phone?: PhoneOptions): string {
	const text = String(value ?? '').trim();
	if (field === 'PHONE') return comparablePhone(text, phone);
	if (field === 'EMAIL') return text.toLowerCase();
	return text;
}

/** The given values the record does not hold yet, each once: what "add" sends. */
export function valuesToAdd(
	field: ContactField,
	wanted: MultiValue[],
	current: IDataObject[] = [],
	phone?: PhoneOptions,
): MultiValue[] {
	const known = new Set(current.map((entry) => comparableValue(field, entry.VALUE, phone)));
	return wanted.filter((entry) => {
		const value = comparableValue(field, entry.VALUE, phone);
		if (known.has(value)) return false;
		known.add(value);
		return true;
	});
}

/**
 * Builds the value Bitrix24 expects on update. Bitrix24 merges multi-fields: entries without an
 * ID are added, `{ ID, DELETE: 'Y' }` removes one. Every mode therefore needs the record's
 * current entries: "add" leaves out the values it already has.
 */
export function multiFieldUpdate(
	field: ContactField,
	mode: MultiFieldMode,
	wanted: MultiValue[],
	current: IDataObject[] = [],
	phone?: PhoneOptions,
): IDataObject[] {
	if (mode === 'add') return valuesToAdd(field, wanted, current, phone) as unknown as IDataObject[];
	if (mode === 'replace') {
		return [
			...current.map((entry) => ({ ID: entry.ID, DELETE: 'Y' })),
			...(wanted as unknown as IDataObject[]),
		];
	}
	const removing = new Set(wanted.map((entry) => comparableValue(field, entry.VALUE, phone)));
	return current
		.filter((entry) => removing.has(comparableValue(field, entry.VALUE, phone)))
		.map((entry) => ({ ID: entry.ID, DELETE: 'Y' }));
}

/** The first value of a multi-field, for simplified output. */
export function firstValue(entries: unknown): string | undefined {
	return Array.isArray(entries) && entries.length > 0
		? String((entries[0] as IDataObject).VALUE ?? '')
		: undefined;
}

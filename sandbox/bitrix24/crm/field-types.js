'use strict';

/**
 * Field types of legacy CRM entities: how a request value is stored (internalize), how a
 * stored value is printed (externalize: legacy methods print numbers as strings), and what
 * filters and sorting compare.
 *
 * Stored forms: int → decimal string | null; float → number | null; yn → 'Y'|'N';
 * bool → boolean | null; string → string | null; date → 'YYYY-MM-DD' | '';
 * datetime → ms | null. Multiple fields store arrays of the single form.
 */

const { intval, floatval, strval, isPhpArray, phpEntries, isNumeric, deepCopy } = require('../php');

/** Field type name → storage kind. */
const KIND_BY_TYPE = {
	integer: 'int',
	user: 'int',
	employee: 'int',
	crm_company: 'int',
	crm_contact: 'int',
	crm_lead: 'int',
	crm_deal: 'int',
	crm_category: 'int',
	double: 'float',
	char: 'yn',
	boolean: 'bool',
	date: 'date',
	datetime: 'datetime',
	crm_activity_communication: 'raw',
	object: 'raw',
	// string-like: string, crm_status, crm_currency, enumeration, url, money, crm, file
};

/**
 * @typedef {object} FieldDef
 * @property {string} name
 * @property {string} type
 * @property {string} [title]
 * @property {boolean} [readOnly]
 * @property {boolean} [immutable]
 * @property {boolean} [required]
 * @property {boolean} [multiple]
 * @property {boolean} [deprecated]
 * @property {boolean} [dynamic] user fields
 * @property {string} [statusType] for crm_status
 * @property {object} [settings]
 * @property {object} [labels] {listLabel, formLabel, filterLabel} for user fields
 * @property {Array<{ID: string, VALUE: string}>} [items] enumeration items
 * @property {boolean} [inSelectAll] false to leave the field out of `select: ['*']`
 * @property {boolean} [inGet] with inSelectAll false: still printed by crm.*.get
 */

/** @param {FieldDef} def */
function kindOf(def) {
	return KIND_BY_TYPE[def.type] || 'string';
}

/**
 * Converts one scalar request value to its stored form; `undefined` means "drop the field"
 * (e.g. an unparseable date, as CRestUtil::unConvertDateTime does).
 * @param {string} kind @param {unknown} v @param {import('../clock').Clock} clock
 */
function internalizeScalar(kind, v, clock) {
	switch (kind) {
		case 'int':
			if (v === null || v === '' || v === undefined) return null;
			return String(intval(v));
		case 'float':
			if (v === null || v === undefined) return null;
			return floatval(v);
		case 'yn':
			return v === true ||
				v === 1 ||
				(typeof v === 'string' && ['Y', '1'].includes(v.toUpperCase()))
				? 'Y'
				: 'N';
		case 'bool':
			if (v === null || v === '' || v === undefined) return null;
			return (
				v === true ||
				v === 1 ||
				(typeof v === 'string' && ['Y', '1', 'TRUE'].includes(v.toUpperCase()))
			);
		case 'date':
			if (v === '' || v === null) return '';
			return clock.parseDate(v) ?? undefined;
		case 'datetime':
			if (v === '' || v === null) return null;
			return clock.parse(v) ?? undefined;
		case 'raw':
			return v === undefined ? null : deepCopy(v);
		default:
			if (v === null || v === undefined) return null;
			return strval(v);
	}
}

/**
 * @param {FieldDef} def @param {unknown} value @param {import('../clock').Clock} clock
 * @returns {unknown} stored value, or undefined to drop the field
 */
function internalize(def, value, clock) {
	const kind = kindOf(def);
	if (def.multiple) {
		const list = isPhpArray(value) ? phpEntries(value).map(([, v]) => v) : [value];
		return list
			.map((v) => internalizeScalar(kind, v, clock))
			.filter((v) => v !== undefined && v !== null);
	}
	return internalizeScalar(kind, value, clock);
}

/** @param {string} kind @param {unknown} v @param {import('../clock').Clock} clock */
function externalizeScalar(kind, v, clock) {
	switch (kind) {
		case 'float':
			return v === null || v === undefined ? null : Number(v).toFixed(2);
		case 'date':
			return v ? clock.formatDate(/** @type {string} */ (v)) : '';
		case 'datetime':
			return v === null || v === undefined ? '' : clock.format(/** @type {number} */ (v));
		default:
			return v === undefined ? null : v;
	}
}

/** @param {FieldDef} def @param {unknown} stored @param {import('../clock').Clock} clock */
function externalize(def, stored, clock) {
	const kind = kindOf(def);
	if (def.multiple) {
		return Array.isArray(stored) ? stored.map((v) => externalizeScalar(kind, v, clock)) : [];
	}
	return externalizeScalar(kind, stored, clock);
}

/**
 * The value filters and sorting compare: numbers for numeric kinds, lower-cased strings
 * (MySQL's case-insensitive collation) for text, ms for datetimes, null when empty.
 * @param {FieldDef} def @param {unknown} stored
 */
function comparable(def, stored) {
	if (stored === null || stored === undefined) return null;
	switch (kindOf(def)) {
		case 'int':
		case 'float':
			return isNumeric(stored) ? Number(stored) : null;
		case 'datetime':
			return /** @type {number} */ (stored);
		case 'date':
			return stored === '' ? null : stored;
		case 'bool':
			return stored ? 1 : 0;
		default:
			return String(stored).toLowerCase();
	}
}

/**
 * Converts a filter operand to the comparable form of the field, or undefined when it cannot
 * be compared (e.g. an unparseable date).
 * @param {FieldDef} def @param {unknown} raw @param {import('../clock').Clock} clock
 */
function operand(def, raw, clock) {
	switch (kindOf(def)) {
		case 'int':
		case 'float':
			// Numeric comparison when both sides are numeric, otherwise text comparison.
			return isNumeric(raw) ? Number(raw) : strval(raw).toLowerCase();
		case 'datetime':
			return clock.parse(raw) ?? undefined;
		case 'date':
			return clock.parseDate(raw) ?? undefined;
		case 'bool':
			return internalizeScalar('bool', raw, clock) ? 1 : 0;
		default:
			return strval(raw).toLowerCase();
	}
}

module.exports = { kindOf, internalize, externalize, comparable, operand };

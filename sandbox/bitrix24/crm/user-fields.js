'use strict';

/**
 * User fields (UF_CRM_*) of CRM entities: a small registry, their field definitions for
 * `crm.*.fields`, and the rows of `crm.*.userfield.list` (PROTOCOL.md §7.6).
 */

const { Errors } = require('../errors');
const { intval, isPhpArray, phpEntries, strval } = require('../php');

/**
 * @typedef {object} UserFieldSpec
 * @property {string} ENTITY_ID 'CRM_LEAD', 'CRM_DEAL', …
 * @property {string} FIELD_NAME 'UF_CRM_…'
 * @property {string} [USER_TYPE_ID] string | integer | double | boolean | date | datetime | enumeration | url | money | employee | crm | file
 * @property {'Y'|'N'} [MULTIPLE]
 * @property {'Y'|'N'} [MANDATORY]
 * @property {number} [SORT]
 * @property {string} [LABEL] English label (edit form, list column and filter)
 * @property {object} [SETTINGS]
 * @property {Array<{VALUE: string, SORT?: number, DEF?: 'Y'|'N', XML_ID?: string}>} [LIST] enumeration items
 */

/** Seeded on start and after reset(). */
const DEFAULT_USER_FIELDS = [
	{
		ENTITY_ID: 'CRM_LEAD',
		FIELD_NAME: 'UF_CRM_SOURCE_DETAIL',
		USER_TYPE_ID: 'string',
		SORT: 100,
		LABEL: 'Source detail',
		SETTINGS: { SIZE: 20, ROWS: 1, REGEXP: '', MIN_LENGTH: 0, MAX_LENGTH: 0, DEFAULT_VALUE: '' },
	},
	{
		ENTITY_ID: 'CRM_LEAD',
		FIELD_NAME: 'UF_CRM_IS_VIP',
		USER_TYPE_ID: 'boolean',
		SORT: 200,
		LABEL: 'VIP client',
		SETTINGS: {
			DEFAULT_VALUE: 0,
			DISPLAY: 'CHECKBOX',
			LABEL: ['', ''],
			LABEL_CHECKBOX: 'VIP client',
		},
	},
];

const LABEL_KEYS = [
	'EDIT_FORM_LABEL',
	'LIST_COLUMN_LABEL',
	'LIST_FILTER_LABEL',
	'ERROR_MESSAGE',
	'HELP_MESSAGE',
];

/** Types crm.*.userfield.add accepts (protocol docs list; custom types are not emulated). */
const USER_TYPES = new Set([
	'string',
	'integer',
	'double',
	'boolean',
	'datetime',
	'date',
	'money',
	'url',
	'address',
	'enumeration',
	'file',
	'employee',
	'crm_status',
	'iblock_section',
	'iblock_element',
	'crm',
]);

/** A label given as a string (all languages) or a per-language map → {lang: text}. */
function labelMap(value, fallback) {
	if (value !== null && typeof value === 'object') {
		const map = {};
		for (const [k, v] of phpEntries(value)) map[k] = strval(v);
		if (fallback !== undefined && !('en' in map)) map.en = fallback;
		return map;
	}
	if (value === undefined || value === null) return { en: fallback ?? '' };
	return { en: strval(value) };
}

const yn = (v, dflt) => {
	if (v === undefined || v === null) return dflt;
	return v === true || v === 1 || ['Y', '1'].includes(strval(v).toUpperCase()) ? 'Y' : 'N';
};

class UserFieldRegistry {
	constructor() {
		this.reset();
	}

	reset() {
		/** @type {any[]} */
		this.fields = [];
		this.nextId = 1;
		this.nextEnumId = 1;
		for (const spec of DEFAULT_USER_FIELDS) this.add(spec);
	}

	/** @param {UserFieldSpec & Record<string, any>} spec */
	add(spec) {
		if (!/^UF_CRM_[A-Z0-9_]+$/.test(spec.FIELD_NAME))
			throw new Error(`Invalid user field name ${spec.FIELD_NAME}`);
		const id = this.nextId++;
		const label = spec.LABEL || spec.FIELD_NAME;
		const labels = {};
		for (const key of LABEL_KEYS) {
			const dflt = key === 'ERROR_MESSAGE' || key === 'HELP_MESSAGE' ? '' : label;
			labels[key] = labelMap(spec[key], spec[key] === undefined ? dflt : label);
		}
		const field = {
			ID: id,
			ENTITY_ID: spec.ENTITY_ID,
			FIELD_NAME: spec.FIELD_NAME,
			USER_TYPE_ID: spec.USER_TYPE_ID || 'string',
			XML_ID: spec.XML_ID ?? null,
			MULTIPLE: spec.MULTIPLE || 'N',
			MANDATORY: spec.MANDATORY || 'N',
			SHOW_FILTER: spec.SHOW_FILTER || 'N',
			SHOW_IN_LIST: spec.SHOW_IN_LIST || 'Y',
			EDIT_IN_LIST: spec.EDIT_IN_LIST || 'Y',
			IS_SEARCHABLE: spec.IS_SEARCHABLE || 'N',
			SORT: spec.SORT ?? 100,
			LABEL: label,
			LABELS: labels,
			SETTINGS: spec.SETTINGS || {},
			LIST: [],
		};
		this.applyList(field, spec.LIST || []);
		this.fields.push(field);
		return field;
	}

	/**
	 * Enumeration items: no ID → add (empty VALUE ignored), ID → update, ID with DEL: 'Y' → delete.
	 * @param {any} field @param {unknown} items
	 */
	applyList(field, items) {
		for (const [, raw] of phpEntries(items)) {
			if (!isPhpArray(raw)) continue;
			const item = Object.fromEntries(phpEntries(raw));
			const existing = item.ID ? field.LIST.find((i) => i.ID === strval(item.ID)) : undefined;
			if (existing) {
				if (strval(item.DEL).toUpperCase() === 'Y') {
					field.LIST.splice(field.LIST.indexOf(existing), 1);
					continue;
				}
				if (item.VALUE !== undefined) existing.VALUE = strval(item.VALUE);
				if (item.SORT !== undefined) existing.SORT = String(intval(item.SORT));
				if (item.DEF !== undefined) existing.DEF = yn(item.DEF, 'N');
				if (item.XML_ID !== undefined) existing.XML_ID = strval(item.XML_ID);
				continue;
			}
			const value = item.VALUE === undefined || item.VALUE === null ? '' : strval(item.VALUE);
			if (value === '') continue;
			const enumId = this.nextEnumId++;
			field.LIST.push({
				ID: String(enumId),
				SORT: String(item.SORT !== undefined ? intval(item.SORT) : (field.LIST.length + 1) * 10),
				VALUE: value,
				DEF: yn(item.DEF, 'N'),
				XML_ID: item.XML_ID ? strval(item.XML_ID) : `${field.FIELD_NAME}_${enumId}`,
			});
		}
		field.LIST.sort((a, b) => Number(a.SORT) - Number(b.SORT) || Number(a.ID) - Number(b.ID));
	}

	/**
	 * crm.*.userfield.add: FIELD_NAME gets the UF_CRM_ prefix when missing.
	 * @param {string} entityId @param {unknown} fields @returns {number}
	 */
	restAdd(entityId, fields) {
		const f = Object.fromEntries(phpEntries(fields));
		let name = strval(f.FIELD_NAME).trim().toUpperCase();
		if (name === '') throw Errors.legacy('The field FIELD_NAME is required.');
		const type = strval(f.USER_TYPE_ID).trim();
		if (type === '') throw Errors.legacy('The field USER_TYPE_ID is required.');
		if (!USER_TYPES.has(type)) throw Errors.legacy(`The user type '${type}' is not supported.`);
		if (!name.startsWith('UF_CRM_')) name = `UF_CRM_${name}`;
		if (!/^UF_CRM_[A-Z0-9_]+$/.test(name) || name.length > 20)
			throw Errors.legacy(
				'The field code may contain only A-Z, 0-9 and _ and be at most 20 characters long.',
			);
		if (this.fields.some((x) => x.ENTITY_ID === entityId && x.FIELD_NAME === name))
			throw Errors.legacy(`A user field ${name} already exists.`);
		const label = f.LABEL !== undefined ? strval(f.LABEL) : name;
		const spec = {
			ENTITY_ID: entityId,
			FIELD_NAME: name,
			USER_TYPE_ID: type,
			XML_ID: f.XML_ID !== undefined ? strval(f.XML_ID) : null,
			MULTIPLE: type === 'boolean' ? 'N' : yn(f.MULTIPLE, 'N'),
			MANDATORY: yn(f.MANDATORY, 'N'),
			SHOW_FILTER: yn(f.SHOW_FILTER, 'N'),
			SHOW_IN_LIST: yn(f.SHOW_IN_LIST, 'N'),
			EDIT_IN_LIST: yn(f.EDIT_IN_LIST, 'Y'),
			IS_SEARCHABLE: yn(f.IS_SEARCHABLE, 'N'),
			SORT: f.SORT !== undefined ? intval(f.SORT) : 100,
			LABEL: label,
			SETTINGS: isPhpArray(f.SETTINGS) ? Object.fromEntries(phpEntries(f.SETTINGS)) : {},
			LIST: type === 'enumeration' ? f.LIST : [],
		};
		for (const key of LABEL_KEYS) spec[key] = f[key] ?? label;
		return this.add(spec).ID;
	}

	/** @param {string} entityId @param {number} id */
	get(entityId, id) {
		return this.fields.find((x) => x.ENTITY_ID === entityId && x.ID === id);
	}

	/** crm.*.userfield.update: FIELD_NAME, USER_TYPE_ID and MULTIPLE cannot change. */
	restUpdate(/** @type {any} */ field, /** @type {unknown} */ fields) {
		const f = Object.fromEntries(phpEntries(fields));
		for (const key of [
			'MANDATORY',
			'SHOW_FILTER',
			'SHOW_IN_LIST',
			'EDIT_IN_LIST',
			'IS_SEARCHABLE',
		]) {
			if (f[key] !== undefined) field[key] = yn(f[key], field[key]);
		}
		if (f.XML_ID !== undefined) field.XML_ID = strval(f.XML_ID);
		if (f.SORT !== undefined) field.SORT = intval(f.SORT);
		if (isPhpArray(f.SETTINGS))
			field.SETTINGS = { ...field.SETTINGS, ...Object.fromEntries(phpEntries(f.SETTINGS)) };
		if (f.LABEL !== undefined) {
			field.LABEL = strval(f.LABEL);
			for (const key of LABEL_KEYS.slice(0, 3)) field.LABELS[key] = labelMap(field.LABEL);
		}
		for (const key of LABEL_KEYS) {
			if (f[key] !== undefined) field.LABELS[key] = labelMap(f[key]);
		}
		if (field.USER_TYPE_ID === 'enumeration' && f.LIST !== undefined) this.applyList(field, f.LIST);
		return true;
	}

	/** @param {any} field */
	remove(field) {
		this.fields.splice(this.fields.indexOf(field), 1);
	}

	/** @param {string} entityId */
	list(entityId) {
		return this.fields.filter((f) => f.ENTITY_ID === entityId);
	}

	/**
	 * Field definitions (see field-types.js) of an entity's user fields.
	 * @param {string} entityId
	 * @returns {import('./field-types').FieldDef[]}
	 */
	fieldDefs(entityId) {
		return this.list(entityId).map((f) => ({
			name: f.FIELD_NAME,
			// crm.*.fields reports the user type id as the field type (string, boolean, enumeration, …)
			type: f.USER_TYPE_ID,
			title: f.FIELD_NAME,
			required: f.MANDATORY === 'Y',
			multiple: f.MULTIPLE === 'Y',
			dynamic: true,
			labels: {
				listLabel: f.LABELS.LIST_COLUMN_LABEL.en ?? f.LABEL,
				formLabel: f.LABELS.EDIT_FORM_LABEL.en ?? f.LABEL,
				filterLabel: f.LABELS.LIST_FILTER_LABEL.en ?? f.LABEL,
			},
			settings: f.SETTINGS,
			items:
				f.USER_TYPE_ID === 'enumeration'
					? f.LIST.map((i) => ({ ID: i.ID, VALUE: i.VALUE }))
					: undefined,
		}));
	}

	/**
	 * A row of crm.*.userfield.list / .get. Labels are per-language maps unless a language is given.
	 * @param {any} f @param {string|null} lang
	 */
	toListRow(f, lang) {
		const row = {
			ID: String(f.ID),
			ENTITY_ID: f.ENTITY_ID,
			FIELD_NAME: f.FIELD_NAME,
			USER_TYPE_ID: f.USER_TYPE_ID,
			XML_ID: f.XML_ID,
			SORT: String(f.SORT),
			MULTIPLE: f.MULTIPLE,
			MANDATORY: f.MANDATORY,
			SHOW_FILTER: f.SHOW_FILTER,
			SHOW_IN_LIST: f.SHOW_IN_LIST,
			EDIT_IN_LIST: f.EDIT_IN_LIST,
			IS_SEARCHABLE: f.IS_SEARCHABLE,
			SETTINGS: f.SETTINGS,
		};
		for (const key of LABEL_KEYS) {
			const map = f.LABELS[key];
			row[key] = lang ? (map[lang] ?? map.en ?? '') : { ...map };
		}
		if (f.USER_TYPE_ID === 'enumeration') row.LIST = f.LIST.map((i) => ({ ...i }));
		return row;
	}
}

module.exports = { UserFieldRegistry, DEFAULT_USER_FIELDS };

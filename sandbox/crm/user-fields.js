'use strict';

/**
 * User fields (UF_CRM_*) of CRM entities: a small registry, their field definitions for
 * `crm.*.fields`, and the rows of `crm.*.userfield.list` (protocol reference §7.6).
 */

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

class UserFieldRegistry {
	constructor() {
		this.reset();
	}

	reset() {
		/** @type {Array<Required<Omit<UserFieldSpec, 'LABEL'|'LIST'>> & {ID: number, LABEL: string, LIST: any[]}>} */
		this.fields = [];
		this.nextId = 1;
		for (const spec of DEFAULT_USER_FIELDS) this.add(spec);
	}

	/** @param {UserFieldSpec} spec */
	add(spec) {
		if (!/^UF_CRM_[A-Z0-9_]+$/.test(spec.FIELD_NAME))
			throw new Error(`Invalid user field name ${spec.FIELD_NAME}`);
		const id = this.nextId++;
		const field = {
			ID: id,
			ENTITY_ID: spec.ENTITY_ID,
			FIELD_NAME: spec.FIELD_NAME,
			USER_TYPE_ID: spec.USER_TYPE_ID || 'string',
			MULTIPLE: spec.MULTIPLE || 'N',
			MANDATORY: spec.MANDATORY || 'N',
			SORT: spec.SORT ?? 100,
			LABEL: spec.LABEL || spec.FIELD_NAME,
			SETTINGS: spec.SETTINGS || {},
			LIST: (spec.LIST || []).map((item, i) => ({
				ID: String(id * 100 + i + 1),
				SORT: String(item.SORT ?? (i + 1) * 10),
				VALUE: item.VALUE,
				DEF: item.DEF || 'N',
				XML_ID: item.XML_ID || `${spec.FIELD_NAME}_${i + 1}`,
			})),
		};
		this.fields.push(field);
		return field;
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
			labels: { listLabel: f.LABEL, formLabel: f.LABEL, filterLabel: f.LABEL },
			settings: f.SETTINGS,
			items:
				f.USER_TYPE_ID === 'enumeration'
					? f.LIST.map((i) => ({ ID: i.ID, VALUE: i.VALUE }))
					: undefined,
		}));
	}

	/**
	 * A row of crm.*.userfield.list. Labels are per-language maps unless a language is given.
	 * @param {ReturnType<UserFieldRegistry['add']>} f @param {string|null} lang
	 */
	toListRow(f, lang) {
		const label = lang ? f.LABEL : { en: f.LABEL };
		const empty = lang ? '' : { en: '' };
		const row = {
			ID: String(f.ID),
			ENTITY_ID: f.ENTITY_ID,
			FIELD_NAME: f.FIELD_NAME,
			USER_TYPE_ID: f.USER_TYPE_ID,
			XML_ID: null,
			SORT: String(f.SORT),
			MULTIPLE: f.MULTIPLE,
			MANDATORY: f.MANDATORY,
			SHOW_FILTER: 'N',
			SHOW_IN_LIST: 'Y',
			EDIT_IN_LIST: 'Y',
			IS_SEARCHABLE: 'N',
			SETTINGS: f.SETTINGS,
			EDIT_FORM_LABEL: label,
			LIST_COLUMN_LABEL: label,
			LIST_FILTER_LABEL: label,
			ERROR_MESSAGE: empty,
			HELP_MESSAGE: empty,
		};
		if (f.USER_TYPE_ID === 'enumeration') row.LIST = f.LIST;
		return row;
	}
}

module.exports = { UserFieldRegistry, DEFAULT_USER_FIELDS };

'use strict';

/**
 * The Engine (crm.item.*) view of a CRM entity (PROTOCOL.md §4, §7.2): camelCase names,
 * typed values, `fm` multifields, Engine filters (prefix operators plus nested `logic: "OR"`
 * groups) and ORM paging. It wraps a LegacyCrmEntity, so leads, deals, contacts, companies and
 * smart processes share one storage and one set of write rules with their legacy methods.
 */

const { RestError } = require('../errors');
const { isPhpArray, phpEntries, strval, intval } = require('../php');
const fieldTypes = require('./field-types');
const { compileFilter, compileOrder, splitKey } = require('./legacy-query');
const multifields = require('./multifields');

/** Engine names that are not the plain camelCase of the legacy name. */
const RENAMES = {
	common: {
		DATE_CREATE: 'createdTime',
		DATE_MODIFY: 'updatedTime',
		CREATED_BY_ID: 'createdBy',
		MODIFY_BY_ID: 'updatedBy',
		MOVED_BY_ID: 'movedBy',
	},
	1: {
		STATUS_ID: 'stageId',
		STATUS_SEMANTIC_ID: 'stageSemanticId',
		STATUS_DESCRIPTION: 'stageDescription',
	},
	4: { COMPANY_TYPE: 'typeId' },
};

/**
 * UPPER_SNAKE → camelCase the way the Engine prints field names. User fields:
 * `UF_CRM_SOURCE_DETAIL` → `ufCrmSourceDetail`, `UF_CRM_1639669411830` → `ufCrm_1639669411830`,
 * `UF_CRM_2_1639669411830` → `ufCrm2_1639669411830` (smart-process fields).
 * @param {string} name
 */
function camelName(name) {
	const camel = (s) =>
		s
			.toLowerCase()
			.split('_')
			.filter((p) => p !== '')
			.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1)))
			.join('');
	const uf = /^UF_CRM_(.*)$/.exec(name);
	if (!uf) return camel(name);
	const rest = uf[1];
	const spa = /^(\d+)_(.*)$/.exec(rest);
	if (spa) return `ufCrm${spa[1]}_${/^\d/.test(spa[2]) ? spa[2] : camel(spa[2])}`;
	if (/^\d/.test(rest)) return `ufCrm_${rest}`;
	const c = camel(rest);
	return `ufCrm${c[0].toUpperCase()}${c.slice(1)}`;
}

const engineError = (code, text, status = 400) => new RestError(code, text, status);

/** Typed Engine value of a stored value. */
function typedScalar(def, v, clock) {
	const kind = fieldTypes.kindOf(def);
	if (v === null || v === undefined) return null;
	switch (kind) {
		case 'int':
			return v === '' ? null : Number(v);
		case 'float':
			return Number(v);
		case 'bool':
			return v ? 'Y' : 'N';
		case 'date':
			return v ? clock.formatDate(v) : null;
		case 'datetime':
			return clock.format(v);
		default:
			if (def.type === 'enumeration' && /^\d+$/.test(String(v))) return Number(v);
			return v;
	}
}

class EngineEntity {
	/**
	 * @param {import('./legacy-entity').LegacyCrmEntity} entity
	 */
	constructor(entity) {
		this.entity = entity;
		this.renames = { ...RENAMES.common, ...(RENAMES[entity.config.entityTypeId] || {}) };
	}

	/** @param {string} upper @param {boolean} originalUf */
	engineName(upper, originalUf) {
		if (originalUf && upper.startsWith('UF_')) return upper;
		return this.renames[upper] || camelName(upper);
	}

	/**
	 * Field definitions with their Engine names (multifield types excluded: they are `fm`).
	 * @param {import('../index').SandboxState} state @param {boolean} originalUf
	 * @returns {Array<{def: import('./field-types').FieldDef, name: string}>}
	 */
	defs(state, originalUf) {
		return [...this.entity.config.fields, ...this.entity.userFieldDefs(state)].map((def) => ({
			def,
			name: this.engineName(def.name, originalUf),
		}));
	}

	/** Engine name → UPPER name (both UF spellings accepted). @param {import('../index').SandboxState} state */
	upperByName(state) {
		const map = new Map();
		for (const { def, name } of this.defs(state, false)) map.set(name, def.name);
		for (const def of this.entity.userFieldDefs(state)) map.set(def.name, def.name);
		return map;
	}

	/**
	 * An item as the Engine prints it.
	 * @param {import('../index').SandboxState} state @param {any} row
	 * @param {{names: Set<string>|null, originalUf: boolean}} sel names = null for everything (+ fm)
	 */
	externalize(state, row, sel) {
		const out = {};
		for (const { def, name } of this.defs(state, sel.originalUf)) {
			if (sel.names && name !== 'id' && !sel.names.has(name) && !sel.names.has(def.name)) continue;
			const stored = row[def.name];
			out[name] = def.multiple
				? (Array.isArray(stored) ? stored : []).map((v) => typedScalar(def, v, state.clock))
				: typedScalar(def, stored, state.clock);
		}
		if (!sel.names && this.entity.config.multifields) {
			out.fm = multifields.MULTIFIELD_TYPES.flatMap((type) =>
				(row.FM[type] || []).map((v) => ({
					id: Number(v.ID),
					valueType: v.VALUE_TYPE,
					value: v.VALUE,
					typeId: type,
				})),
			);
		}
		return out;
	}

	/**
	 * Engine `fields` → legacy request fields (UPPER keys; `fm` → multifield items). On update an
	 * `fm` map keyed by value id updates that value, an unknown id adds a new one.
	 * @param {import('../index').SandboxState} state @param {unknown} fields @param {any|null} row
	 */
	internalize(state, fields, row) {
		if (fields !== undefined && fields !== null && !isPhpArray(fields))
			throw engineError('100', 'Expected iterable value for parameter fields');
		const upper = this.upperByName(state);
		const out = {};
		for (const [key, value] of phpEntries(fields)) {
			if (key === 'fm') {
				if (!this.entity.config.multifields) continue;
				for (const [fmKey, raw] of phpEntries(value)) {
					if (!isPhpArray(raw)) continue;
					const item = Object.fromEntries(phpEntries(raw));
					const type = strval(item.typeId).toUpperCase();
					if (!multifields.MULTIFIELD_TYPES.includes(type)) continue;
					const id = row ? intval(item.id ?? fmKey) : 0;
					const known = id > 0 && row && (row.FM[type] || []).some((v) => v.ID === String(id));
					const entry = { VALUE: item.value ?? '', VALUE_TYPE: item.valueType };
					if (known) entry.ID = id;
					(out[type] ||= []).push(entry);
				}
				continue;
			}
			const name = upper.get(key);
			if (name) out[name] = value;
		}
		return out;
	}

	/**
	 * Engine filter → row test. Unknown fields are INVALID_ARG_VALUE; top-level AND conditions
	 * are returned for the ID seek of fast paging.
	 * @param {import('../index').SandboxState} state @param {unknown} filter
	 */
	compileFilter(state, filter) {
		const access = this.entity.fieldAccess(state);
		const upper = this.upperByName(state);
		const compile = (group, top) => {
			const entries = phpEntries(group);
			const logic = strval(
				entries.find(([k]) => k.toLowerCase() === 'logic')?.[1] || 'AND',
			).toUpperCase();
			const tests = [];
			const conditions = [];
			for (const [key, value] of entries) {
				if (key.toLowerCase() === 'logic') continue;
				if (isPhpArray(value) && /^\d+$/.test(key)) {
					tests.push(compile(value, false).test);
					continue;
				}
				const { field } = splitKey(key);
				const name = upper.get(field);
				if (!name)
					throw engineError(
						'INVALID_ARG_VALUE',
						`Invalid filter: field '${field}' is not allowed in filter`,
					);
				const leaf = compileFilter(
					{ [key.slice(0, key.length - field.length) + name]: value },
					(f) => access.get(f) || null,
					state.clock,
				);
				tests.push(leaf.test);
				if (top && logic === 'AND') conditions.push(...leaf.conditions);
			}
			const test =
				logic === 'OR'
					? (row) => tests.length === 0 || tests.some((t) => t(row))
					: (row) => tests.every((t) => t(row));
			return { test, conditions };
		};
		return compile(filter, true);
	}

	/** @param {import('../index').SandboxState} state @param {unknown} order */
	compileOrder(state, order) {
		const upper = this.upperByName(state);
		const mapped = {};
		for (const [key, dir] of phpEntries(order)) {
			const name = upper.get(key);
			if (!name)
				throw engineError(
					'INVALID_ARG_VALUE',
					`Invalid order: field '${key}' is not allowed in order`,
				);
			mapped[name] = dir;
		}
		return compileOrder(mapped, this.entity.sortKeyResolver(state));
	}

	/**
	 * The `select` of crm.item.list: null = everything with `fm` (`*` or empty).
	 * @param {unknown} select
	 */
	selection(select) {
		const names = isPhpArray(select) ? phpEntries(select).map(([, v]) => strval(v)) : [];
		if (names.length === 0 || names.includes('*')) return null;
		return new Set(names);
	}
}

/**
 * Runs a write of a legacy entity and turns legacy validation errors (code "") into the
 * Engine's CRM_FIELD_ERROR_VALUE_NOT_VALID.
 * @template T @param {() => T} fn @returns {T}
 */
function asEngineErrors(fn) {
	try {
		return fn();
	} catch (err) {
		if (err instanceof RestError && err.code === '')
			throw engineError('CRM_FIELD_ERROR_VALUE_NOT_VALID', err.description);
		throw err;
	}
}

module.exports = { EngineEntity, camelName, asEngineErrors, engineError };

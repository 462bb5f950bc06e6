'use strict';

/**
 * A legacy CRM entity (`crm.{name}.add|get|list|update|delete|fields|userfield.list`) over a
 * store table, following CCrmRestProxyBase (PROTOCOL.md §7.1): UPPER keys, values printed
 * as strings, param-name casing variants, `error: ""` errors with HTTP 400, unknown and
 * read-only fields dropped, multifields merged on update, user fields, `select` masks.
 *
 * An entity is configured once (see methods/crm-lead.js) and is stateless: every call gets the
 * sandbox state through the call context, so the same object serves all sandbox instances.
 */

const { Errors } = require('../errors');
const { intval, isPhpArray, phpEntries, strval, boolval, isNumeric } = require('../php');
const { ListResult, legacyPage, PAGE_SIZE } = require('../paging');
const fieldTypes = require('./field-types');
const { compileFilter, compileOrder, queryFixedRows } = require('./legacy-query');
const multifields = require('./multifields');

/** Read-only system fields a caller may set with `params: {IMPORT: 'Y'}`. */
const IMPORT_WRITABLE = new Set(['DATE_CREATE', 'DATE_MODIFY', 'CREATED_BY_ID', 'MODIFY_BY_ID']);

/** @param {unknown} v PHP isset() for a param value */
function isset(v) {
	return v !== undefined && v !== null;
}

/**
 * CCrmRestHelper::resolveArrayParam: `name`, `NAME`, `name` lower-cased, `Name`, `arName`.
 * @param {Record<string, any>} params @param {string} name @param {unknown} [fallback]
 */
function resolveArrayParam(params, name, fallback = []) {
	const lower = name.toLowerCase();
	const capitalized = lower[0].toUpperCase() + lower.slice(1);
	for (const key of [name, name.toUpperCase(), lower, capitalized, `ar${capitalized}`]) {
		if (Object.hasOwn(params, key) && isset(params[key])) return params[key];
	}
	return fallback;
}

/**
 * resolveArrayParam plus the proxy's check: a present non-array value is a legacy 400
 * "Parameter 'x' must be array." (a missing one is []).
 * @param {Record<string, any>} params @param {string} name
 */
function requireArrayParam(params, name) {
	const value = resolveArrayParam(params, name);
	if (!isPhpArray(value)) throw Errors.legacy(`Parameter '${name}' must be array.`);
	return value;
}

/** CCrmRestHelper::resolveEntityID: (int) of `ID`, else of `id`, else 0. @param {Record<string, any>} params */
function resolveEntityId(params) {
	if (isset(params.ID)) return intval(params.ID);
	if (isset(params.id)) return intval(params.id);
	return 0;
}

/**
 * @typedef {import('./field-types').FieldDef} FieldDef
 *
 * @typedef {object} WriteContext
 * @property {import('../index').SandboxState} state
 * @property {number} userId acting user
 * @property {number} nowMs
 *
 * @typedef {object} LegacyEntityConfig
 * @property {string} name method prefix: `crm.{name}.*`
 * @property {string} table store table
 * @property {string} ufEntityId user-field entity id, e.g. 'CRM_LEAD'
 * @property {FieldDef[]} fields standard fields, in output order (ID first)
 * @property {boolean} multifields whether PHONE/EMAIL/WEB/IM/LINK apply
 * @property {(row: any, w: WriteContext) => void} onCreate defaults of a new row, before request values
 * @property {(row: any, prev: any|null, w: WriteContext, values: Record<string, unknown>) => void} [beforeSave]
 *   validation and input-driven changes (bindings) before the row is stored; may throw a RestError,
 *   then nothing is stored. `values` are the internalized request fields.
 * @property {(row: any, prev: any|null, w: WriteContext) => void} afterWrite derived fields after add (prev null) or update
 * @property {(row: any, w: WriteContext) => void} [onDelete] clean-up after a row was deleted (links)
 * @property {Record<string, (row: any, state: import('../index').SandboxState) => unknown>} [sortAliases]
 *   order keys sorted by another value
 * @property {{updateNotFound: string}} messages entity-specific error texts
 * @property {number} entityTypeId CRM entity type id (1 lead, 2 deal, 3 contact, 4 company)
 * @property {boolean} [userFieldMethods] false: no crm.{name}.userfield.* methods
 */

class LegacyCrmEntity {
	/** @param {LegacyEntityConfig} config */
	constructor(config) {
		this.config = config;
		this.stdByName = new Map(config.fields.map((def) => [def.name, def]));
	}

	/** @param {import('../index').SandboxState} state */
	table(state) {
		return state.store.table(this.config.table);
	}

	/** @param {import('../index').SandboxState} state @returns {FieldDef[]} */
	userFieldDefs(state) {
		return state.userFields.fieldDefs(this.config.ufEntityId);
	}

	/**
	 * How filters read each field of a row.
	 * @param {import('../index').SandboxState} state
	 * @returns {Map<string, import('./legacy-query').FieldAccess>}
	 */
	fieldAccess(state) {
		const access = new Map();
		for (const def of [...this.config.fields, ...this.userFieldDefs(state)]) {
			access.set(def.name, { def, multi: !!def.multiple, get: (row) => row[def.name] });
		}
		if (this.config.multifields) {
			for (const type of multifields.MULTIFIELD_TYPES) {
				access.set(type, {
					def: { name: type, type: 'string' },
					multi: true,
					get: (row) => (row.FM[type] || []).map((v) => v.VALUE),
				});
			}
		}
		return access;
	}

	/**
	 * Request `fields` → stored values and multifield operations (internalizeFields).
	 * @param {import('../index').SandboxState} state
	 * @param {unknown} fields
	 * @param {{update: boolean, importMode: boolean}} mode
	 */
	internalize(state, fields, mode) {
		const ufByName = new Map(this.userFieldDefs(state).map((def) => [def.name, def]));
		const values = {};
		/** @type {Record<string, import('./multifields').MultiOp[]>} */
		const fm = {};
		for (const [key, value] of phpEntries(fields)) {
			if (this.config.multifields && multifields.MULTIFIELD_TYPES.includes(key)) {
				fm[key] = multifields.parseMultifield(key, value);
				continue;
			}
			const def = this.stdByName.get(key) || ufByName.get(key);
			if (!def) continue;
			if (def.readOnly && !(mode.importMode && IMPORT_WRITABLE.has(key))) continue;
			// The pipeline is fixed for legacy updates; crm.item.update may move an item to another one.
			if (mode.update && def.immutable && !(mode.engine && key === 'CATEGORY_ID')) continue;
			const stored = fieldTypes.internalize(def, value, state.clock);
			if (stored !== undefined) values[key] = stored;
		}
		return { values, fm };
	}

	/**
	 * @param {import('../index').SandboxState} state @param {any} row
	 * @param {Record<string, import('./multifields').MultiOp[]>} fm @param {boolean} isAdd
	 */
	applyMultifields(state, row, fm, isAdd) {
		for (const [type, ops] of Object.entries(fm)) {
			const next = multifields.applyMultifield(row.FM[type] || [], ops, {
				isAdd,
				nextId: () => state.store.next('multifield'),
			});
			if (next.length > 0) row.FM[type] = next;
			else delete row.FM[type];
		}
	}

	/**
	 * Creates a row from request-style fields (used by `add` and by seeding).
	 * @param {import('../index').SandboxState} state
	 * @param {unknown} fields
	 * @param {{userId: number, importMode?: boolean}} options
	 */
	insert(state, fields, options) {
		const table = this.table(state);
		const w = { state, userId: options.userId, nowMs: state.clock.now() };
		const row = { ID: 0, FM: {} };
		for (const def of [...this.config.fields, ...this.userFieldDefs(state)]) {
			if (def.name !== 'ID') row[def.name] = def.multiple ? [] : null;
		}
		this.config.onCreate(row, w);
		const { values, fm } = this.internalize(state, fields, {
			update: false,
			importMode: !!options.importMode,
		});
		Object.assign(row, values);
		this.applyMultifields(state, row, fm, true);
		if (this.config.beforeSave) this.config.beforeSave(row, null, w, values);
		row.ID = table.allocateId();
		this.config.afterWrite(row, null, w);
		table.insert(row);
		return row;
	}

	/**
	 * What a response shows of a row: standard fields, user fields, multifield types.
	 * @param {import('../index').SandboxState} state
	 * @param {unknown} select the `select` param (empty = `*`)
	 */
	selection(state, select) {
		let names = isPhpArray(select) ? phpEntries(select).map(([, v]) => strval(v)) : [];
		if (names.length === 0) names = ['*'];
		const wanted = new Set(names);
		const ufDefs = this.userFieldDefs(state);
		return {
			std: this.config.fields.filter(
				(def) =>
					def.name === 'ID' ||
					wanted.has(def.name) ||
					(wanted.has('*') && def.inSelectAll !== false),
			),
			uf: ufDefs.filter((def) => wanted.has(def.name) || wanted.has('UF_*')),
			fm: this.config.multifields
				? multifields.MULTIFIELD_TYPES.filter((type) => wanted.has(type))
				: [],
			ufEmpty: null,
		};
	}

	/** Everything crm.*.get shows: `*`, all user fields (unset ones as ""), non-empty multifields. */
	fullSelection(state) {
		const all = this.selection(state, ['*', 'UF_*']);
		const std = this.config.fields.filter((def) => all.std.includes(def) || def.inGet);
		return {
			...all,
			std,
			fm: this.config.multifields ? multifields.MULTIFIELD_TYPES : [],
			ufEmpty: '',
		};
	}

	/**
	 * @param {import('../index').SandboxState} state @param {any} row
	 * @param {ReturnType<LegacyCrmEntity['selection']>} sel
	 */
	externalize(state, row, sel) {
		const out = { ID: String(row.ID) };
		for (const def of sel.std) {
			if (def.name !== 'ID')
				out[def.name] = fieldTypes.externalize(def, row[def.name], state.clock);
		}
		for (const def of sel.uf) {
			const value = fieldTypes.externalize(def, row[def.name], state.clock);
			out[def.name] = value === null ? sel.ufEmpty : value;
		}
		for (const type of sel.fm) {
			if (row.FM[type] && row.FM[type].length > 0)
				out[type] = multifields.externalizeMultifield(type, row.FM[type]);
		}
		return out;
	}

	/**
	 * Sort key of a field for compileOrder (aliases first, multi-valued fields cannot be sorted).
	 * @param {import('../index').SandboxState} state
	 */
	sortKeyResolver(state) {
		const access = this.fieldAccess(state);
		const aliases = this.config.sortAliases || {};
		return (f) => {
			if (aliases[f]) return (row) => aliases[f](row, state);
			const a = access.get(f);
			return a && !a.multi ? (row) => fieldTypes.comparable(a.def, a.get(row)) : null;
		};
	}

	/**
	 * Filters, orders and pages rows (legacy filter and order).
	 * @param {import('../dispatch').CallContext} ctx
	 */
	query(ctx, filter, order) {
		const { state } = ctx;
		const access = this.fieldAccess(state);
		const { test, conditions } = compileFilter(filter, (f) => access.get(f) || null, state.clock);
		const sorting = compileOrder(order, this.sortKeyResolver(state));
		return this.run(ctx, { test, conditions, sorting }, legacyPage);
	}

	/**
	 * Runs a compiled query. `start < 0` with an ID-only (or no) order seeks by ID and stops
	 * after one page: no COUNT, like the real server's fast export path.
	 * @param {import('../dispatch').CallContext} ctx
	 * @param {{test: (row: any) => boolean, conditions: Array<{op: string, field: string, raw: unknown}>,
	 *   sorting: ReturnType<typeof compileOrder>}} q
	 * @param {(start: number, total: number) => {offset: number, limit: number, next?: number, total: number, counted: boolean}} page
	 */
	run(ctx, q, page) {
		const { state } = ctx;
		const table = this.table(state);
		const { test, conditions, sorting } = q;
		const idDir =
			sorting.keys.length === 0
				? 1
				: sorting.keys.length === 1 && sorting.keys[0].field === 'ID'
					? sorting.keys[0].dir
					: 0;
		if (ctx.start < 0 && idDir !== 0) {
			return { rows: seekById(table, test, idBounds(conditions), idDir), nav: page(-1, 0) };
		}

		const matched = table.ascending().filter(test);
		if (sorting.keys.length > 0) matched.sort(sorting.compare);
		const nav = page(ctx.start, matched.length);
		if (nav.counted && state.options.countCostMsPerThousandRows > 0) {
			ctx.addLatency((state.options.countCostMsPerThousandRows * matched.length) / 1000);
		}
		return { rows: matched.slice(nav.offset, nav.offset + nav.limit), nav };
	}

	// ----- REST methods -----

	/** crm.*.add @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
	add(params, ctx) {
		const fields = requireArrayParam(params, 'fields');
		const methodParams = requireArrayParam(params, 'params');
		const importMode = boolval(methodParams.IMPORT);
		return this.insert(ctx.state, fields, { userId: ctx.auth.userId, importMode }).ID;
	}

	/** crm.*.get */
	get(params, ctx) {
		const id = resolveEntityId(params);
		if (!(id > 0)) throw Errors.legacy('ID is not defined or invalid.');
		const row = this.table(ctx.state).get(id);
		if (!row) throw Errors.legacy('Not found');
		return this.externalize(ctx.state, row, this.fullSelection(ctx.state));
	}

	/** crm.*.list */
	list(params, ctx) {
		const order = requireArrayParam(params, 'order');
		const filter = requireArrayParam(params, 'filter');
		const sel = this.selection(ctx.state, resolveArrayParam(params, 'select'));
		const { rows, nav } = this.query(ctx, filter, order);
		const items = rows.map((row) => this.externalize(ctx.state, row, sel));
		return new ListResult(items, { next: nav.next, total: nav.total });
	}

	/** crm.*.update */
	update(params, ctx) {
		const id = resolveEntityId(params);
		const fields = requireArrayParam(params, 'fields');
		requireArrayParam(params, 'params'); // REGISTER_HISTORY_EVENT etc. have no effect here
		if (!(id > 0)) throw Errors.legacy('ID is not defined or invalid.');
		const { state } = ctx;
		const row = this.table(state).get(id);
		if (!row) throw Errors.legacy(this.config.messages.updateNotFound);

		this.write(state, row, fields, ctx.auth.userId);
		return true;
	}

	/**
	 * Applies request-style fields to a stored row (update semantics). The change is computed on
	 * a copy, so a validation error leaves the row untouched.
	 * @param {import('../index').SandboxState} state @param {any} row @param {unknown} fields
	 * @param {number} userId @param {{engine?: boolean}} [options] engine: a crm.item.update call
	 */
	write(state, row, fields, userId, { engine = false } = {}) {
		const prev = { ...row, FM: { ...row.FM } };
		const next = { ...row, FM: { ...row.FM } };
		const w = { state, userId, nowMs: state.clock.now() };
		const { values, fm } = this.internalize(state, fields, {
			update: true,
			importMode: false,
			engine,
		});
		Object.assign(next, values);
		// Moved to another pipeline without a stage: start at that pipeline's first stage.
		const moved =
			values.CATEGORY_ID !== undefined && String(values.CATEGORY_ID) !== String(prev.CATEGORY_ID);
		if (moved && values.STAGE_ID === undefined) next.STAGE_ID = null;
		this.applyMultifields(state, next, fm, false);
		if (this.config.beforeSave) this.config.beforeSave(next, prev, w, values);
		this.config.afterWrite(next, prev, w);
		Object.assign(row, next);
		return row;
	}

	/** crm.*.delete */
	delete(params, ctx) {
		const id = resolveEntityId(params);
		if (!(id > 0)) throw Errors.legacy('ID is not defined or invalid.');
		const row = this.table(ctx.state).get(id);
		if (!row || !this.table(ctx.state).delete(id)) throw Errors.legacy('Not found');
		if (this.config.onDelete) {
			const { state } = ctx;
			this.config.onDelete(row, { state, userId: ctx.auth.userId, nowMs: state.clock.now() });
		}
		return true;
	}

	/** crm.*.fields (CCrmRestHelper::prepareFieldInfos) */
	fields(params, ctx) {
		const out = {};
		for (const def of this.config.fields) out[def.name] = describeField(def);
		if (this.config.multifields) {
			for (const type of multifields.MULTIFIELD_TYPES) {
				out[type] = describeField({
					name: type,
					type: 'crm_multifield',
					multiple: true,
					title: multifields.MULTIFIELD_TITLES[type],
				});
			}
		}
		for (const def of this.userFieldDefs(ctx.state)) out[def.name] = describeField(def);
		return out;
	}

	/** crm.*.userfield.list: `filter` on the row keys, `order` (default SORT, ID), `LANG`. */
	userfieldList(params, ctx) {
		const order = requireArrayParam(params, 'order');
		const filter = requireArrayParam(params, 'filter');
		const lang = isset(params.LANG)
			? strval(params.LANG)
			: isset(params.lang)
				? strval(params.lang)
				: null;
		const registry = ctx.state.userFields;
		const rows = registry.list(this.config.ufEntityId).map((f) => registry.toListRow(f, lang));
		return queryFixedRows(
			rows,
			new Set(['ID', 'SORT']),
			filter,
			order,
			{ SORT: 'ASC', ID: 'ASC' },
			ctx.state.clock,
		);
	}

	/** crm.*.userfield.add → int ID */
	userfieldAdd(params, ctx) {
		const fields = requireArrayParam(params, 'fields');
		return ctx.state.userFields.restAdd(this.config.ufEntityId, fields);
	}

	/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
	userField(params, ctx) {
		const id = resolveEntityId(params);
		if (!(id > 0)) throw Errors.legacy('ID is not defined or invalid.');
		const field = ctx.state.userFields.get(this.config.ufEntityId, id);
		if (!field) throw Errors.legacy('Not found');
		return field;
	}

	/** crm.*.userfield.get → the list row (labels per language unless LANG) */
	userfieldGet(params, ctx) {
		const lang = isset(params.LANG)
			? strval(params.LANG)
			: isset(params.lang)
				? strval(params.lang)
				: null;
		return ctx.state.userFields.toListRow(this.userField(params, ctx), lang);
	}

	/** crm.*.userfield.update → true */
	userfieldUpdate(params, ctx) {
		const fields = requireArrayParam(params, 'fields');
		return ctx.state.userFields.restUpdate(this.userField(params, ctx), fields);
	}

	/** crm.*.userfield.delete → true */
	userfieldDelete(params, ctx) {
		ctx.state.userFields.remove(this.userField(params, ctx));
		return true;
	}

	/**
	 * Registers the entity's REST methods.
	 * @param {import('../methods/registry').MethodRegistry} registry
	 */
	register(registry) {
		const prefix = `crm.${this.config.name}.`;
		const options = { scope: 'crm' };
		for (const action of ['add', 'get', 'list', 'update', 'delete', 'fields']) {
			registry.register(prefix + action, (params, ctx) => this[action](params, ctx), options);
		}
		if (this.config.userFieldMethods === false) return;
		for (const action of ['list', 'add', 'get', 'update', 'delete']) {
			const method = `userfield${action[0].toUpperCase()}${action.slice(1)}`;
			registry.register(
				`${prefix}userfield.${action}`,
				(params, ctx) => this[method](params, ctx),
				options,
			);
		}
	}

	// ----- sandbox helpers (not REST) -----

	/**
	 * Bulk insert for tests and benchmarks.
	 * @param {import('../index').SandboxState} state
	 * @param {number} count
	 * @param {(i: number) => object} makeFields called with 0..count-1
	 * @param {number} userId
	 * @returns {number[]} new IDs
	 */
	seed(state, count, makeFields, userId) {
		const ids = new Array(count);
		// Seeds may set the system dates (DATE_CREATE, DATE_MODIFY), as an import does.
		for (let i = 0; i < count; i++)
			ids[i] = this.insert(state, makeFields(i), { userId, importMode: true }).ID;
		return ids;
	}

	/** All rows as crm.*.get shows them. @param {import('../index').SandboxState} state */
	all(state) {
		const sel = this.fullSelection(state);
		return this.table(state)
			.ascending()
			.map((row) => this.externalize(state, row, sel));
	}
}

/** @param {FieldDef} def */
function describeField(def) {
	const out = {
		type: def.type,
		isRequired: !!def.required,
		isReadOnly: !!def.readOnly,
		isImmutable: !!def.immutable,
		isMultiple: !!def.multiple,
		isDynamic: !!def.dynamic,
	};
	if (def.deprecated) out.isDeprecated = true;
	if (def.type === 'enumeration') out.items = def.items || [];
	if (def.type === 'crm_status') out.statusType = def.statusType || '';
	out.title = def.title || def.name;
	if (def.labels) Object.assign(out, def.labels);
	if (def.settings) out.settings = def.settings;
	return out;
}

/**
 * Lower/upper ID bounds implied by the filter (`>ID`, `>=ID`, `<ID`, `<=ID`, `=ID`).
 * @param {Array<{op: string, field: string, raw: unknown}>} conditions
 */
function idBounds(conditions) {
	let lower = -Infinity;
	let upper = Infinity;
	for (const { op, field, raw } of conditions) {
		if (field !== 'ID' || !isNumeric(raw)) continue;
		const v = Number(raw);
		if (op === '>') lower = Math.max(lower, Math.floor(v) + 1);
		else if (op === '>=') lower = Math.max(lower, Math.ceil(v));
		else if (op === '<') upper = Math.min(upper, Math.ceil(v) - 1);
		else if (op === '<=') upper = Math.min(upper, Math.floor(v));
		else if (op === '=') {
			lower = Math.max(lower, v);
			upper = Math.min(upper, v);
		}
	}
	return { lower, upper };
}

/**
 * One page of matching rows walking the ID order from the filter's ID bound.
 * @param {import('../store').Table<any>} table
 * @param {(row: any) => boolean} test
 * @param {{lower: number, upper: number}} bounds
 * @param {1|-1} dir
 */
function seekById(table, test, bounds, dir) {
	const list = table.ascending();
	const page = [];
	if (dir === 1) {
		for (
			let i = Number.isFinite(bounds.lower) ? table.lowerBound(bounds.lower) : 0;
			i < list.length;
			i++
		) {
			if (list[i].ID > bounds.upper) break;
			if (test(list[i])) page.push(list[i]);
			if (page.length === PAGE_SIZE) break;
		}
	} else {
		const from = Number.isFinite(bounds.upper)
			? table.lowerBound(bounds.upper + 1) - 1
			: list.length - 1;
		for (let i = from; i >= 0; i--) {
			if (list[i].ID < bounds.lower) break;
			if (test(list[i])) page.push(list[i]);
			if (page.length === PAGE_SIZE) break;
		}
	}
	return page;
}

module.exports = { LegacyCrmEntity, resolveArrayParam, requireArrayParam, resolveEntityId };

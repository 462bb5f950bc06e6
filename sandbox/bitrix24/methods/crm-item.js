'use strict';

/**
 * Universal CRM methods (Engine): `crm.item.add|get|update|delete|list|fields` for leads (1),
 * deals (2), contacts (3), companies (4) and smart processes, plus `crm.type.list|get|add|delete`
 * for smart-process types. Items of types 1–4 are the same records the legacy methods see.
 */

const { ListResult, ormPage } = require('../paging');
const { intval, isPhpArray, phpEntries, strval } = require('../php');
const { EngineEntity, asEngineErrors, engineError } = require('../crm/engine');
const { leads } = require('./crm-lead');
const { deals } = require('./crm-deal');
const { contacts } = require('./crm-contact');
const { companies } = require('./crm-company');

const STATIC = new Map([
	[1, new EngineEntity(leads)],
	[2, new EngineEntity(deals)],
	[3, new EngineEntity(contacts)],
	[4, new EngineEntity(companies)],
]);
/** @type {WeakMap<object, EngineEntity>} */
const DYNAMIC = new WeakMap();

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function engineOf(params, ctx) {
	const entityTypeId = intval(params.entityTypeId ?? 0);
	const fixed = STATIC.get(entityTypeId);
	if (fixed) return fixed;
	const dynamic = ctx.state.dynamicTypes.get(entityTypeId);
	if (!dynamic) throw engineError('NOT_FOUND', 'Smart process not found');
	let engine = DYNAMIC.get(dynamic.entity);
	if (!engine) DYNAMIC.set(dynamic.entity, (engine = new EngineEntity(dynamic.entity)));
	return engine;
}

const originalUf = (params) => strval(params.useOriginalUfNames).toUpperCase() === 'Y';

function findRow(engine, params, ctx) {
	const id = intval(params.id ?? 0);
	const row = id > 0 ? engine.entity.table(ctx.state).get(id) : undefined;
	if (!row) throw engineError('NOT_FOUND', 'Element not found');
	return row;
}

const full = (params) => ({ names: null, originalUf: originalUf(params) });

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const crm = { scope: 'crm' };
	registry.register(
		'crm.item.add',
		(params, ctx) => {
			const engine = engineOf(params, ctx);
			const fields = engine.internalize(ctx.state, params.fields, null);
			const row = asEngineErrors(() =>
				engine.entity.insert(ctx.state, fields, { userId: ctx.auth.userId }),
			);
			return { item: engine.externalize(ctx.state, row, full(params)) };
		},
		crm,
	);
	registry.register(
		'crm.item.get',
		(params, ctx) => {
			const engine = engineOf(params, ctx);
			return { item: engine.externalize(ctx.state, findRow(engine, params, ctx), full(params)) };
		},
		crm,
	);
	registry.register(
		'crm.item.update',
		(params, ctx) => {
			const engine = engineOf(params, ctx);
			const row = findRow(engine, params, ctx);
			const fields = engine.internalize(ctx.state, params.fields, row);
			asEngineErrors(() =>
				engine.entity.write(ctx.state, row, fields, ctx.auth.userId, { engine: true }),
			);
			return { item: engine.externalize(ctx.state, row, full(params)) };
		},
		crm,
	);
	registry.register(
		'crm.item.delete',
		(params, ctx) => {
			const engine = engineOf(params, ctx);
			const row = findRow(engine, params, ctx);
			engine.entity.delete({ id: row.ID }, ctx);
			return [];
		},
		crm,
	);
	registry.register(
		'crm.item.list',
		(params, ctx) => {
			const engine = engineOf(params, ctx);
			for (const name of ['filter', 'order']) {
				if (params[name] !== undefined && params[name] !== '' && !isPhpArray(params[name]))
					throw engineError('INVALID_ARG_VALUE', `Parameter '${name}' must be array`);
			}
			const { test, conditions } = engine.compileFilter(ctx.state, params.filter ?? []);
			const sorting = engine.compileOrder(ctx.state, params.order ?? []);
			const { rows, nav } = engine.entity.run(ctx, { test, conditions, sorting }, ormPage);
			const sel = { names: engine.selection(params.select), originalUf: originalUf(params) };
			const items = rows.map((row) => engine.externalize(ctx.state, row, sel));
			return new ListResult({ items }, { next: nav.next, total: nav.total });
		},
		crm,
	);
	registry.register(
		'crm.item.fields',
		(params, ctx) => {
			const engine = engineOf(params, ctx);
			const fields = {};
			for (const { def, name } of engine.defs(ctx.state, originalUf(params))) {
				const info = {
					type: def.type,
					isRequired: !!def.required,
					isReadOnly: !!def.readOnly,
					isImmutable: !!def.immutable,
					isMultiple: !!def.multiple,
					isDynamic: !!def.dynamic,
					title: def.title || def.name,
					upperName: def.name,
				};
				if (def.statusType) info.statusType = def.statusType;
				if (def.items) info.items = def.items;
				fields[name] = info;
			}
			if (engine.entity.config.multifields)
				fields.fm = {
					type: 'crm_multifield',
					isRequired: false,
					isReadOnly: false,
					isImmutable: false,
					isMultiple: true,
					isDynamic: false,
					title: 'Multifields',
					upperName: 'FM',
				};
			return { fields };
		},
		crm,
	);

	// ----- smart-process types -----
	const typeOf = (params, ctx) => {
		const id = intval(params.id ?? 0);
		const found = ctx.state.dynamicTypes.list().find((t) => t.id === id);
		if (!found) throw engineError('NOT_FOUND', 'Smart process not found');
		return found;
	};
	registry.register(
		'crm.type.list',
		(params, ctx) => {
			const types = ctx.state.dynamicTypes.list();
			return new ListResult({ types }, { total: types.length });
		},
		crm,
	);
	registry.register('crm.type.get', (params, ctx) => ({ type: typeOf(params, ctx) }), crm);
	registry.register(
		'crm.type.add',
		(params, ctx) => {
			const fields = isPhpArray(params.fields) ? Object.fromEntries(phpEntries(params.fields)) : {};
			const type = ctx.state.dynamicTypes.add(fields, {
				userId: ctx.auth.userId,
				nowIso: ctx.state.clock.format(ctx.state.clock.now()),
			});
			return { type };
		},
		crm,
	);
	registry.register(
		'crm.type.delete',
		(params, ctx) => {
			const type = typeOf(params, ctx);
			const { entity } = ctx.state.dynamicTypes.get(type.entityTypeId);
			if (entity.table(ctx.state).size > 0)
				throw engineError('ERROR_CORE', 'Smart process has items and cannot be deleted');
			for (const category of ctx.state.categories.list(type.entityTypeId)) {
				category.isDefault = 'N';
				ctx.state.categories.delete(category);
			}
			ctx.state.dynamicTypes.delete(type.entityTypeId);
			return [];
		},
		crm,
	);
}

module.exports = { register };

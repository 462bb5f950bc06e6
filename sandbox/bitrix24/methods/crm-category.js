'use strict';

/**
 * Pipelines: `crm.category.list|get|add|update|delete|fields` (Engine: camelCase, typed values,
 * `{categories: […]}` / `{category: {…}}`, errors with a code). Supported entity types: deals (2),
 * contacts (3), companies (4) and smart processes created with crm.type.add.
 */

const { RestError } = require('../errors');
const { ListResult } = require('../paging');
const { intval, isPhpArray, phpEntries } = require('../php');

/** @param {import('../crm/categories').Category} c */
function toOutput(c) {
	const out = {
		id: c.id,
		name: c.name,
		sort: c.sort,
		entityTypeId: c.entityTypeId,
		isDefault: c.isDefault,
	};
	if (c.entityTypeId === 2)
		Object.assign(out, { originId: c.originId, originatorId: c.originatorId });
	return out;
}

const ENTITY_NAMES = { 1: 'LEAD', 7: 'QUOTE', 31: 'SMART_INVOICE' };

/** Validated entityTypeId of an Engine call. @param {Record<string, any>} params @param {any} state */
function entityTypeOf(params, state) {
	const id = intval(params.entityTypeId ?? 0);
	if (id === 2 || id === 3 || id === 4) return id;
	if (id >= 128 && state.dynamicTypes && state.dynamicTypes.has(id)) return id;
	if (ENTITY_NAMES[id])
		throw new RestError(
			'ENTITY_TYPE_NOT_SUPPORTED',
			`Entity type ${ENTITY_NAMES[id]} is not supported`,
		);
	throw new RestError('NOT_FOUND', 'SPA not found');
}

/** @param {Record<string, any>} params */
function fieldsOf(params) {
	const fields = params.fields;
	return isPhpArray(fields) ? Object.fromEntries(phpEntries(fields)) : {};
}

function findCategory(params, ctx) {
	const entityTypeId = entityTypeOf(params, ctx.state);
	const category = ctx.state.categories.find(entityTypeId, intval(params.id ?? -1));
	if (!category) throw new RestError('NOT_FOUND', 'Category not found');
	return category;
}

const FIELDS = {
	id: ['integer', 'ID', { isReadOnly: true }],
	name: ['string', 'Name', { isRequired: true }],
	sort: ['integer', 'Sort'],
	entityTypeId: ['integer', 'Entity type ID', { isReadOnly: true, isImmutable: true }],
	isDefault: ['boolean', 'Default'],
	originId: ['string', 'Origin ID'],
	originatorId: ['string', 'Originator ID'],
};

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const crm = { scope: 'crm' };
	registry.register(
		'crm.category.list',
		(params, ctx) => {
			const entityTypeId = entityTypeOf(params, ctx.state);
			const list = ctx.state.categories.list(entityTypeId).map(toOutput);
			return new ListResult({ categories: list }, { total: list.length });
		},
		crm,
	);
	registry.register(
		'crm.category.get',
		(params, ctx) => ({ category: toOutput(findCategory(params, ctx)) }),
		crm,
	);
	registry.register(
		'crm.category.add',
		(params, ctx) => {
			const entityTypeId = entityTypeOf(params, ctx.state);
			return { category: toOutput(ctx.state.categories.add(entityTypeId, fieldsOf(params))) };
		},
		crm,
	);
	registry.register(
		'crm.category.update',
		(params, ctx) => {
			const category = findCategory(params, ctx);
			return { category: toOutput(ctx.state.categories.update(category, fieldsOf(params))) };
		},
		crm,
	);
	registry.register(
		'crm.category.delete',
		(params, ctx) => {
			const category = findCategory(params, ctx);
			if (category.entityTypeId === 2) {
				const used = ctx.state.store
					.table('deals')
					.ascending()
					.some((d) => Number(d.CATEGORY_ID) === category.id);
				if (used) throw new RestError('ERROR_CORE', 'There are deals in this pipeline');
			}
			ctx.state.categories.delete(category);
			return [];
		},
		crm,
	);
	registry.register(
		'crm.category.fields',
		(params, ctx) => {
			const entityTypeId = entityTypeOf(params, ctx.state);
			const fields = {};
			for (const [name, [type, title, extra]] of Object.entries(FIELDS)) {
				if (entityTypeId !== 2 && (name === 'originId' || name === 'originatorId')) continue;
				fields[name] = {
					type,
					isRequired: false,
					isReadOnly: false,
					isImmutable: false,
					isMultiple: false,
					isDynamic: false,
					title,
					...(extra || {}),
				};
			}
			return { fields };
		},
		crm,
	);
}

module.exports = { register, entityTypeOf };

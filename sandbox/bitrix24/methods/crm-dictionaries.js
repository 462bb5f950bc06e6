'use strict';

/**
 * CRM dictionaries: `crm.status.list|get|add|update|delete|fields|entity.types` over the
 * sandbox's status registry (lead and deal stages, sources, types…) and a minimal
 * `crm.currency.list`. Lists return the whole list with `total` and no paging
 * (CCrmRestProxyBase::prepareListFromArray).
 */

const { ListResult } = require('../paging');
const { queryFixedRows } = require('../crm/legacy-query');
const { requireArrayParam, resolveArrayParam, resolveEntityId } = require('../crm/legacy-entity');
const { Errors } = require('../errors');

const CURRENCIES = [
	{
		CURRENCY: 'USD',
		FULL_NAME: 'US Dollar',
		AMOUNT: '1.0000',
		BASE: 'Y',
		SORT: '100',
		FORMAT_STRING: '$#',
	},
	{
		CURRENCY: 'EUR',
		FULL_NAME: 'Euro',
		AMOUNT: '1.0800',
		BASE: 'N',
		SORT: '200',
		FORMAT_STRING: '&euro;#',
	},
	{
		CURRENCY: 'RUB',
		FULL_NAME: 'Russian Ruble',
		AMOUNT: '0.0110',
		BASE: 'N',
		SORT: '300',
		FORMAT_STRING: '# &#8381;',
	},
];

/**
 * A legacy list over fixed rows, returned whole with `total`.
 * @param {object[]} rows @param {Set<string>} numeric fields compared as numbers
 * @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx
 */
function listRows(rows, numeric, params, ctx) {
	const order = requireArrayParam(params, 'order');
	const filter = requireArrayParam(params, 'filter');
	const result = queryFixedRows(rows, numeric, filter, order, { SORT: 'ASC' }, ctx.state.clock);
	return new ListResult(result, { total: result.length });
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const crm = { scope: 'crm' };
	registry.register(
		'crm.status.list',
		(params, ctx) => listRows(ctx.state.statuses.rows(), new Set(['ID', 'SORT']), params, ctx),
		crm,
	);
	const entry = (params, ctx) => {
		const id = resolveEntityId(params);
		if (!(id > 0)) throw Errors.legacy('ID is not defined or invalid.');
		const found = ctx.state.statuses.get(id);
		if (!found) throw Errors.legacy('Not found');
		return found;
	};
	registry.register(
		'crm.status.get',
		(params, ctx) => ctx.state.statuses.toRow(entry(params, ctx)),
		crm,
	);
	registry.register(
		'crm.status.add',
		(params, ctx) => ctx.state.statuses.add(requireArrayParam(params, 'fields')),
		crm,
	);
	registry.register(
		'crm.status.update',
		(params, ctx) =>
			ctx.state.statuses.update(entry(params, ctx).ID, requireArrayParam(params, 'fields')),
		crm,
	);
	registry.register(
		'crm.status.delete',
		(params, ctx) =>
			ctx.state.statuses.delete(entry(params, ctx).ID, resolveArrayParam(params, 'params')),
		crm,
	);
	registry.register(
		'crm.status.entity.types',
		(params, ctx) => ctx.state.statuses.entityTypes(),
		crm,
	);
	registry.register(
		'crm.status.fields',
		() => {
			const f = (type, title, extra = {}) => ({
				type,
				isRequired: false,
				isReadOnly: false,
				isImmutable: false,
				isMultiple: false,
				isDynamic: false,
				title,
				...extra,
			});
			return {
				ID: f('integer', 'ID', { isReadOnly: true }),
				ENTITY_ID: f('string', 'ENTITY_ID', { isRequired: true, isImmutable: true }),
				STATUS_ID: f('string', 'STATUS_ID', { isRequired: true, isImmutable: true }),
				SORT: f('integer', 'SORT'),
				NAME: f('string', 'NAME', { isRequired: true }),
				NAME_INIT: f('string', 'NAME_INIT', { isReadOnly: true }),
				SYSTEM: f('char', 'SYSTEM', { isReadOnly: true }),
				CATEGORY_ID: f('integer', 'CATEGORY_ID', { isReadOnly: true }),
				COLOR: f('string', 'COLOR'),
				SEMANTICS: f('string', 'SEMANTICS'),
				EXTRA: f('object', 'EXTRA', { isReadOnly: true }),
			};
		},
		crm,
	);
	registry.register(
		'crm.currency.list',
		(params, ctx) => {
			const rows = CURRENCIES.map((c) => ({
				CURRENCY: c.CURRENCY,
				AMOUNT_CNT: '1',
				AMOUNT: c.AMOUNT,
				SORT: c.SORT,
				BASE: c.BASE,
				FULL_NAME: c.FULL_NAME,
				LID: 'en',
				FORMAT_STRING: c.FORMAT_STRING,
				DEC_POINT: '.',
				THOUSANDS_SEP: ',',
				DECIMALS: '2',
				DATE_UPDATE: ctx.state.clock.format(ctx.state.startedAtMs),
			}));
			return listRows(rows, new Set(['SORT', 'AMOUNT_CNT', 'DECIMALS']), params, ctx);
		},
		{ scope: 'crm' },
	);
}

module.exports = { register };

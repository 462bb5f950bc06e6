'use strict';

/**
 * CRM dictionaries: `crm.status.list` (lead stages, sources, salutations) and a minimal
 * `crm.currency.list`. Both return the whole list with `total` and no paging
 * (CCrmRestProxyBase::prepareListFromArray).
 */

const { ListResult } = require('../paging');
const { queryFixedRows } = require('../crm/legacy-query');
const { requireArrayParam } = require('../crm/legacy-entity');
const { statusRows } = require('../crm/statuses');

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
	registry.register(
		'crm.status.list',
		(params, ctx) => listRows(statusRows(), new Set(['ID', 'SORT']), params, ctx),
		{ scope: 'crm' },
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

'use strict';

/**
 * `crm.item.productrow.list|set` (Engine, camelCase): product rows of any CRM owner by its short
 * owner type — D deal, L lead, Q quote, SI smart invoice, T{hex} smart process. Rows share the
 * store of the legacy `crm.{deal|lead}.productrows.*` methods.
 */

const { RestError } = require('../errors');
const { isPhpArray, phpEntries, strval, intval } = require('../php');
const productRows = require('../crm/product-rows');

/** camelCase ↔ stored UPPER_SNAKE row fields. */
const FIELDS = {
	productId: 'PRODUCT_ID',
	productName: 'PRODUCT_NAME',
	price: 'PRICE',
	quantity: 'QUANTITY',
	discountTypeId: 'DISCOUNT_TYPE_ID',
	discountRate: 'DISCOUNT_RATE',
	discountSum: 'DISCOUNT_SUM',
	taxRate: 'TAX_RATE',
	taxIncluded: 'TAX_INCLUDED',
	measureCode: 'MEASURE_CODE',
	sort: 'SORT',
};

const OWNER_TYPES = /^(D|L|Q|SI|T[0-9a-f]+)$/;

function ownerOf(params) {
	const source = isPhpArray(params.filter) ? Object.fromEntries(phpEntries(params.filter)) : params;
	const ownerType = strval(source['=ownerType'] ?? source.ownerType ?? '');
	const ownerId = intval(source['=ownerId'] ?? source.ownerId ?? 0);
	if (!OWNER_TYPES.test(ownerType))
		throw new RestError('INVALID_ARG_VALUE', 'Invalid ownerType', 400);
	if (!(ownerId > 0)) throw new RestError('INVALID_ARG_VALUE', 'Invalid ownerId', 400);
	return { ownerType, ownerId };
}

function toEngine(row, ownerType, ownerId) {
	const out = { id: row.ID, ownerId, ownerType };
	for (const [camel, upper] of Object.entries(FIELDS))
		if (row[upper] !== undefined) out[camel] = row[upper];
	return out;
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	registry.register(
		'crm.item.productrow.list',
		(params, ctx) => {
			const { ownerType, ownerId } = ownerOf(params);
			return {
				productRows: productRows
					.rowsOf(ctx.state, ownerType, ownerId)
					.map((r) => toEngine(r, ownerType, ownerId)),
			};
		},
		{ scope: 'crm' },
	);
	registry.register(
		'crm.item.productrow.set',
		(params, ctx) => {
			const { ownerType, ownerId } = ownerOf(params);
			const input = isPhpArray(params.productRows) ? phpEntries(params.productRows) : [];
			const rows = input
				.filter(([, r]) => isPhpArray(r))
				.map(([, r]) => {
					const camel = Object.fromEntries(phpEntries(r));
					const upper = {};
					for (const [key, value] of Object.entries(camel))
						if (FIELDS[key]) upper[FIELDS[key]] = value;
					return productRows.normalizeRow(upper, ctx.state.store.next('productrow'));
				});
			productRows.replaceRows(ctx.state, ownerType, ownerId, rows);
			return { productRows: rows.map((r) => toEngine(r, ownerType, ownerId)) };
		},
		{ scope: 'crm' },
	);
}

module.exports = { register };

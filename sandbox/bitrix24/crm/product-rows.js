'use strict';

/**
 * Product rows of leads and deals: `crm.{lead|deal}.productrows.get|set` (legacy typing).
 * `set` replaces all rows of the owner. PRICE is the final unit price (after discount, with
 * tax); the other prices are derived from it:
 *   PRICE_EXCLUSIVE = PRICE / (1 + TAX_RATE/100)           (after discount, without tax)
 *   PRICE_NETTO     = PRICE_EXCLUSIVE + discount per unit    (before discount, without tax)
 *   PRICE_BRUTTO    = PRICE_NETTO * (1 + TAX_RATE/100)       (before discount, with tax)
 * The owner's OPPORTUNITY becomes Σ PRICE × QUANTITY (and a deal's TAX_VALUE the tax part),
 * unless the owner has IS_MANUAL_OPPORTUNITY = 'Y'.
 */

const { RestError, Errors } = require('../errors');
const { floatval, intval, isPhpArray, phpEntries, strval } = require('../php');

const round = (v, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** @param {string} text */
const coreError = (text) => new RestError('ERROR_CORE', `${text}<br>`, 400);

/**
 * Request row → stored row (numbers as numbers); throws the documented discount errors.
 * @param {Record<string, any>} input @param {number} id
 */
function normalizeRow(input, id) {
	const has = (k) => input[k] !== undefined && input[k] !== null && input[k] !== '';
	const price = has('PRICE') ? floatval(input.PRICE) : 0;
	const quantity = has('QUANTITY') ? floatval(input.QUANTITY) : 1;
	const taxRate = has('TAX_RATE') ? floatval(input.TAX_RATE) : null;
	const discountType = has('DISCOUNT_TYPE_ID') ? intval(input.DISCOUNT_TYPE_ID) : 2;
	if (has('DISCOUNT_TYPE_ID')) {
		if (discountType === 2 && !has('DISCOUNT_RATE'))
			throw coreError(
				'Discount Rate (DISCOUNT_RATE) is required if Percentage Discount Type (DISCOUNT_TYPE_ID) is defined.',
			);
		if (discountType === 2 && floatval(input.DISCOUNT_RATE) === 100 && !has('DISCOUNT_SUM'))
			throw coreError(
				'Discount Sum (DISCOUNT_SUM) is required if Percentage Discount Type (DISCOUNT_TYPE_ID) is defined and Discount Rate (DISCOUNT_RATE) is 100%',
			);
		if (discountType === 1 && !has('DISCOUNT_SUM'))
			throw coreError(
				'Discount Sum (DISCOUNT_SUM) is required if Monetary Discount Type (DISCOUNT_TYPE_ID) is defined.',
			);
	}
	const exclusive = taxRate ? price / (1 + taxRate / 100) : price;
	let discountRate = has('DISCOUNT_RATE') ? floatval(input.DISCOUNT_RATE) : 0;
	let discountSum = has('DISCOUNT_SUM') ? floatval(input.DISCOUNT_SUM) : 0;
	let netto;
	if (discountType === 1) {
		netto = exclusive + discountSum;
		discountRate = netto > 0 ? (discountSum / netto) * 100 : 0;
	} else if (discountRate >= 100) {
		netto = discountSum;
	} else {
		netto = exclusive / (1 - discountRate / 100);
		discountSum = netto - exclusive;
	}
	const productId = has('PRODUCT_ID') ? intval(input.PRODUCT_ID) : 0;
	return {
		ID: id,
		PRODUCT_ID: productId,
		PRODUCT_NAME: has('PRODUCT_NAME') ? strval(input.PRODUCT_NAME) : `[${productId || id}]`,
		PRICE: price,
		PRICE_EXCLUSIVE: round(exclusive),
		PRICE_NETTO: round(netto),
		PRICE_BRUTTO: round(taxRate ? netto * (1 + taxRate / 100) : netto),
		QUANTITY: quantity,
		DISCOUNT_TYPE_ID: discountType,
		DISCOUNT_RATE: round(discountRate),
		DISCOUNT_SUM: round(discountSum),
		TAX_RATE: taxRate,
		TAX_INCLUDED: strval(input.TAX_INCLUDED).toUpperCase() === 'Y' ? 'Y' : 'N',
		MEASURE_CODE: has('MEASURE_CODE') ? intval(input.MEASURE_CODE) : 0,
		MEASURE_NAME: has('MEASURE_NAME') ? strval(input.MEASURE_NAME) : '',
		SORT: has('SORT') ? intval(input.SORT) : 0,
		tax: (price - exclusive) * quantity,
	};
}

/** Legacy output (numbers as strings, like the crm.deal.productrows.get example). */
function externalize(row, ownerType, ownerId) {
	const num = (v) => (v === null ? null : String(v));
	return {
		ID: String(row.ID),
		OWNER_ID: String(ownerId),
		OWNER_TYPE: ownerType,
		PRODUCT_ID: num(row.PRODUCT_ID),
		PRODUCT_NAME: row.PRODUCT_NAME,
		ORIGINAL_PRODUCT_NAME: row.PRODUCT_NAME,
		PRODUCT_DESCRIPTION: null,
		PRICE: num(row.PRICE),
		PRICE_EXCLUSIVE: num(row.PRICE_EXCLUSIVE),
		PRICE_NETTO: num(row.PRICE_NETTO),
		PRICE_BRUTTO: num(row.PRICE_BRUTTO),
		PRICE_ACCOUNT: Number(row.PRICE).toFixed(2),
		QUANTITY: num(row.QUANTITY),
		DISCOUNT_TYPE_ID: num(row.DISCOUNT_TYPE_ID),
		DISCOUNT_RATE: num(row.DISCOUNT_RATE),
		DISCOUNT_SUM: num(row.DISCOUNT_SUM),
		TAX_RATE: num(row.TAX_RATE),
		TAX_INCLUDED: row.TAX_INCLUDED,
		CUSTOMIZED: 'Y',
		MEASURE_CODE: num(row.MEASURE_CODE),
		MEASURE_NAME: row.MEASURE_NAME,
		SORT: num(row.SORT),
		TYPE: 1,
	};
}

/** @param {import('../index').SandboxState} state */
const key = (ownerType, ownerId) => `${ownerType}:${ownerId}`;

/** @param {import('../index').SandboxState} state */
function store(state) {
	if (!state.productRows) state.productRows = new Map();
	return state.productRows;
}

/** Stored rows of an owner. */
function rowsOf(state, ownerType, ownerId) {
	return store(state).get(key(ownerType, ownerId)) || [];
}

/** @param {import('../index').SandboxState} state */
function removeOwner(state, ownerType, ownerId) {
	store(state).delete(key(ownerType, ownerId));
}

/**
 * Registers `crm.{name}.productrows.get|set` for a legacy entity.
 * @param {import('../methods/registry').MethodRegistry} registry
 * @param {import('./legacy-entity').LegacyCrmEntity} entity
 * @param {'D'|'L'} ownerType
 */
function registerFor(registry, entity, ownerType) {
	const prefix = `crm.${entity.config.name}.productrows.`;
	const owner = (params, ctx) => {
		const id = intval(params.id ?? params.ID ?? 0);
		if (!(id > 0)) throw Errors.legacy('The parameter id is invalid or not defined.');
		const row = entity.table(ctx.state).get(id);
		if (!row) throw Errors.legacy('Not found');
		return row;
	};
	registry.register(
		`${prefix}get`,
		(params, ctx) => {
			const row = owner(params, ctx);
			return rowsOf(ctx.state, ownerType, row.ID).map((r) => externalize(r, ownerType, row.ID));
		},
		{ scope: 'crm' },
	);
	registry.register(
		`${prefix}set`,
		(params, ctx) => {
			const row = owner(params, ctx);
			const input = params.rows ?? params.ROWS ?? [];
			if (!isPhpArray(input) && input !== '')
				throw Errors.legacy('The parameter rows must be array.');
			const { state } = ctx;
			const rows = phpEntries(input)
				.filter(([, r]) => isPhpArray(r))
				.map(([, r]) =>
					normalizeRow(Object.fromEntries(phpEntries(r)), state.store.next('productrow')),
				);
			replaceRows(state, ownerType, row.ID, rows);
			if (row.IS_MANUAL_OPPORTUNITY !== 'Y') {
				row.OPPORTUNITY = round(rows.reduce((sum, r) => sum + r.PRICE * r.QUANTITY, 0));
				if ('TAX_VALUE' in row) row.TAX_VALUE = round(rows.reduce((sum, r) => sum + r.tax, 0));
			}
			row.DATE_MODIFY = state.clock.now();
			row.MODIFY_BY_ID = String(ctx.auth.userId);
			return true;
		},
		{ scope: 'crm' },
	);
}

/** Replaces all rows of an owner (none: removes them). */
function replaceRows(state, ownerType, ownerId, rows) {
	if (rows.length > 0) store(state).set(key(ownerType, ownerId), rows);
	else removeOwner(state, ownerType, ownerId);
}

module.exports = { registerFor, rowsOf, removeOwner, replaceRows, normalizeRow };

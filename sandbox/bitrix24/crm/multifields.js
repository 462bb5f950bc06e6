'use strict';

/**
 * CRM multifields (PHONE, EMAIL, WEB, IM, LINK), PROTOCOL.md §7.1.
 *
 * Stored per row as `row.FM = {PHONE: [{ID: '12', VALUE_TYPE: 'WORK', VALUE: '+1…'}], …}`.
 * Input items are merged, following CCrmRestProxyBase::tryInternalizeMultiFields:
 * - an item without ID (or ID <= 0) and with a non-empty VALUE is added;
 * - an item with an ID updates that value; `{ID, DELETE: 'Y'}` or an empty VALUE deletes it;
 * - items with neither ID nor VALUE are ignored; a non-array field value is ignored.
 * Deviation: an ID that does not belong to the entity is ignored (on add, items with an ID are
 * added as new values).
 */

const { intval, isPhpArray, phpEntries, strval } = require('../php');

const MULTIFIELD_TYPES = ['PHONE', 'EMAIL', 'WEB', 'IM', 'LINK'];

/** Value type used when VALUE_TYPE is missing (CCrmFieldMulti::GetDefaultValueType; UNCONFIRMED). */
const DEFAULT_VALUE_TYPE = { PHONE: 'WORK', EMAIL: 'WORK', WEB: 'WORK', IM: 'OTHER', LINK: 'USER' };

const TITLES = { PHONE: 'Phone', EMAIL: 'E-mail', WEB: 'Website', IM: 'Messenger', LINK: 'LINK' };

/**
 * @typedef {{ID: string, VALUE_TYPE: string, VALUE: string}} MultiValue
 * @typedef {{id: number, valueType: string, value: string}} MultiOp id 0 = new value
 */

/**
 * Parses a request value of one multifield into operations.
 * @param {string} type @param {unknown} input
 * @returns {MultiOp[]}
 */
function parseMultifield(type, input) {
	if (!isPhpArray(input)) return [];
	const ops = [];
	for (const [, item] of phpEntries(input)) {
		if (!isPhpArray(item)) continue;
		const fields = /** @type {Record<string, unknown>} */ (Object.fromEntries(phpEntries(item)));
		const id = intval(fields.ID ?? 0);
		let value =
			fields.VALUE !== undefined && fields.VALUE !== null ? strval(fields.VALUE).trim() : '';
		if (id <= 0 && value === '') continue;
		if (id > 0 && fields.DELETE !== undefined && strval(fields.DELETE).toUpperCase() === 'Y')
			value = '';
		let valueType =
			fields.VALUE_TYPE !== undefined && fields.VALUE_TYPE !== null
				? strval(fields.VALUE_TYPE).trim()
				: '';
		if (valueType === '') valueType = DEFAULT_VALUE_TYPE[type] || 'OTHER';
		ops.push({ id, valueType, value });
	}
	return ops;
}

/**
 * Applies operations to a row's stored values of one type.
 * @param {MultiValue[]} current
 * @param {MultiOp[]} ops
 * @param {{isAdd: boolean, nextId: () => number}} options
 * @returns {MultiValue[]}
 */
function applyMultifield(current, ops, options) {
	const list = current.map((v) => ({ ...v }));
	for (const op of ops) {
		const existing =
			!options.isAdd && op.id > 0 ? list.find((v) => v.ID === String(op.id)) : undefined;
		if (existing) {
			if (op.value === '') list.splice(list.indexOf(existing), 1);
			else Object.assign(existing, { VALUE_TYPE: op.valueType, VALUE: op.value });
		} else if ((op.id <= 0 || options.isAdd) && op.value !== '') {
			list.push({ ID: String(options.nextId()), VALUE_TYPE: op.valueType, VALUE: op.value });
		}
	}
	return list;
}

/**
 * Output form of one type: [{ID, VALUE_TYPE, VALUE, TYPE_ID}].
 * @param {string} type @param {MultiValue[]} values
 */
function externalizeMultifield(type, values) {
	return values.map((v) => ({ ID: v.ID, VALUE_TYPE: v.VALUE_TYPE, VALUE: v.VALUE, TYPE_ID: type }));
}

module.exports = {
	MULTIFIELD_TYPES,
	MULTIFIELD_TITLES: TITLES,
	parseMultifield,
	applyMultifield,
	externalizeMultifield,
};

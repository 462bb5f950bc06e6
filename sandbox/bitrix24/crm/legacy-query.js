'use strict';

/**
 * `filter` and `order` of legacy list methods (crm.lead.list, crm.status.list, …),
 * PROTOCOL.md §7.1.
 *
 * Filter keys carry a prefix operator: `=` (default), `!`/`!=`, `>`, `>=`, `<`, `<=`, `@` (IN),
 * `!@` (NOT IN), `%` (substring LIKE), `=%`/`%=` (LIKE with explicit % and _), `!%` (NOT
 * substring), `!=%`/`!%=` (NOT LIKE). Keys naming unknown fields are dropped silently, like
 * internalizeFilterFields does. An array operand with `=`/`!` means IN / NOT IN; an empty operand
 * with `=`/`!` means "is empty" / "is not empty". Legacy filters have no OR.
 */

const { isPhpArray, phpEntries, strval } = require('../php');
const { comparable, operand } = require('./field-types');

/** Longest first, so `!=%` wins over `!=` and `!`. */
const OPERATORS = [
	'!=%',
	'!%=',
	'>=',
	'<=',
	'!@',
	'!=',
	'=%',
	'%=',
	'!%',
	'@',
	'>',
	'<',
	'%',
	'!',
	'=',
];

/**
 * @typedef {object} FieldAccess
 * @property {import('./field-types').FieldDef} def
 * @property {(row: any) => unknown} get stored value of the field in a row
 * @property {boolean} [multi] the value is a list of strings (multifields): any element matches
 */

/** @param {string} key */
function splitKey(key) {
	for (const op of OPERATORS) {
		if (key.startsWith(op)) return { op, field: key.slice(op.length) };
	}
	return { op: '=', field: key };
}

/** Compares two comparables: numbers numerically, anything else as text. */
function compare(a, b) {
	if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
	const sa = String(a);
	const sb = String(b);
	return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/** SQL LIKE (case-insensitive) with % and _ wildcards. @param {string} pattern */
function likeRegex(pattern) {
	let src = '';
	for (const c of pattern) {
		if (c === '%') src += '[\\s\\S]*';
		else if (c === '_') src += '[\\s\\S]';
		else src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${src}$`, 'i');
}

/** @param {unknown} v */
function isEmptyOperand(v) {
	return v === null || v === undefined || v === '' || v === false;
}

/**
 * Builds the test for one condition on one (non-empty) comparable value.
 * @returns {(value: unknown) => boolean}
 */
function valueTest(op, def, raw, clock) {
	const list = (items) =>
		items.map((item) => operand(def, item, clock)).filter((x) => x !== undefined);
	switch (op) {
		case '=':
		case '!=':
		case '!': {
			const candidates = isPhpArray(raw) ? list(phpEntries(raw).map(([, v]) => v)) : list([raw]);
			return (v) => candidates.some((c) => compare(v, c) === 0);
		}
		case '@':
		case '!@': {
			const items = isPhpArray(raw) ? phpEntries(raw).map(([, v]) => v) : strval(raw).split(',');
			const candidates = list(items);
			return (v) => candidates.some((c) => compare(v, c) === 0);
		}
		case '>':
		case '>=':
		case '<':
		case '<=': {
			const c = operand(def, raw, clock);
			if (c === undefined) return () => false;
			const ok = { '>': (r) => r > 0, '>=': (r) => r >= 0, '<': (r) => r < 0, '<=': (r) => r <= 0 }[
				op
			];
			return (v) => ok(compare(v, c));
		}
		case '%':
		case '!%': {
			const needle = strval(raw).toLowerCase();
			return (v) => String(v).toLowerCase().includes(needle);
		}
		default: {
			// '=%', '%=', '!=%', '!%='
			const re = likeRegex(strval(raw));
			return (v) => re.test(String(v));
		}
	}
}

const NEGATED = new Set(['!=', '!', '!@', '!%', '!=%', '!%=']);

/**
 * Compiles a legacy filter to a row predicate.
 * @param {unknown} filter
 * @param {(field: string) => FieldAccess|null} resolve
 * @param {import('../clock').Clock} clock
 * @returns {{test: (row: any) => boolean, conditions: Array<{op: string, field: string, raw: unknown}>}}
 */
function compileFilter(filter, resolve, clock) {
	const tests = [];
	const conditions = [];
	for (const [key, raw] of phpEntries(filter)) {
		const { op, field } = splitKey(key);
		const access = resolve(field);
		if (!access) continue;
		conditions.push({ op, field, raw });
		const negated = NEGATED.has(op);
		const { def } = access;
		const values = access.multi
			? (row) => /** @type {string[]} */ (access.get(row) || []).map((v) => String(v).toLowerCase())
			: (row) => {
					const c = comparable(def, access.get(row));
					return c === null || c === '' ? [] : [c];
				};

		if ((op === '=' || op === '!=' || op === '!') && !isPhpArray(raw) && isEmptyOperand(raw)) {
			tests.push((row) => (values(row).length === 0) !== negated);
			continue;
		}
		const test = valueTest(op, def, raw, clock);
		if (negated) tests.push((row) => !values(row).some(test));
		else tests.push((row) => values(row).some(test));
	}
	return { test: (row) => tests.every((t) => t(row)), conditions };
}

/**
 * Compiles a legacy `order` ({FIELD: 'ASC'|'DESC'}, keys case-insensitive, anything but DESC is
 * ascending, unknown fields ignored) to a comparator; NULLs sort first ascending (MySQL), ties
 * fall back to ID ascending.
 * @param {unknown} order
 * @param {(field: string) => ((row: any) => unknown)|null} sortKey comparable sort value of a field
 * @returns {{compare: ((a: any, b: any) => number), keys: Array<{field: string, dir: 1|-1}>}}
 */
function compileOrder(order, sortKey) {
	const keys = [];
	for (const [key, dir] of phpEntries(order)) {
		const field = key.toUpperCase();
		const get = sortKey(field);
		if (!get) continue;
		keys.push({
			field,
			get,
			dir: /** @type {1|-1} */ (strval(dir).toUpperCase() === 'DESC' ? -1 : 1),
		});
	}
	const cmp = (a, b) => {
		for (const { get, dir } of keys) {
			const va = get(a);
			const vb = get(b);
			if (va === vb) continue;
			if (va === null || va === undefined) return -dir;
			if (vb === null || vb === undefined) return dir;
			const r = compare(va, vb);
			if (r !== 0) return r * dir;
		}
		return a.ID - b.ID;
	};
	return { compare: cmp, keys: keys.map(({ field, dir }) => ({ field, dir })) };
}

/**
 * Filters and orders a small fixed list of row objects (dictionaries, user-field rows): every key
 * of the first row is a text field except `numericFields`; an empty order uses `defaultOrder`.
 * @param {object[]} rows
 * @param {Set<string>} numericFields
 * @param {unknown} filter
 * @param {unknown} order
 * @param {object} defaultOrder
 * @param {import('../clock').Clock} clock
 */
function queryFixedRows(rows, numericFields, filter, order, defaultOrder, clock) {
	const resolve = (f) =>
		rows.length > 0 && Object.hasOwn(rows[0], f)
			? { def: { name: f, type: numericFields.has(f) ? 'integer' : 'string' }, get: (r) => r[f] }
			: null;
	const { test } = compileFilter(filter, resolve, clock);
	const sorting = compileOrder(phpEntries(order).length > 0 ? order : defaultOrder, (f) => {
		const a = resolve(f);
		return a ? (row) => comparable(a.def, a.get(row)) : null;
	});
	const result = rows.filter(test);
	if (sorting.keys.length > 0) result.sort(sorting.compare);
	return result;
}

module.exports = { compileFilter, compileOrder, splitKey, queryFixedRows };

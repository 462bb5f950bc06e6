'use strict';

/**
 * PHP value semantics the real server applies to request data, reproduced in JS.
 *
 * Representation of PHP arrays in the sandbox: a PHP "list" (keys 0..n-1 in order) is a JS
 * array, any other PHP array is a plain object. `isPhpArray` / `phpEntries` treat both alike.
 * JS objects cannot keep PHP's insertion order for integer-like keys (they sort them first);
 * that is a documented deviation (see README).
 */

const PHP_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;
const LEADING_NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;

/** @param {unknown} v */
function isPhpArray(v) {
	return v !== null && typeof v === 'object' && !(v instanceof PhpObject);
}

/**
 * Key/value pairs of a PHP array (JS array or object); [] for anything else.
 * @param {unknown} v
 * @returns {Array<[string, any]>}
 */
function phpEntries(v) {
	if (Array.isArray(v)) return v.map((item, i) => [String(i), item]);
	if (isPhpArray(v)) return Object.entries(/** @type {object} */ (v));
	return [];
}

/** PHP `is_numeric`. @param {unknown} v */
function isNumeric(v) {
	if (typeof v === 'number') return Number.isFinite(v);
	return typeof v === 'string' && PHP_NUMERIC.test(v);
}

/** PHP `(float)` / `floatval`. @param {unknown} v @returns {number} */
function floatval(v) {
	if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
	if (typeof v === 'boolean') return v ? 1 : 0;
	if (typeof v === 'string') {
		const m = LEADING_NUMERIC.exec(v);
		return m ? Number(m[0]) : 0;
	}
	if (isPhpArray(v)) return phpEntries(v).length > 0 ? 1 : 0;
	return 0;
}

/** PHP `(int)` / `intval`. @param {unknown} v @returns {number} */
function intval(v) {
	const n = Math.trunc(floatval(v));
	return Number.isFinite(n) ? n : 0;
}

/** PHP `(bool)`: the string "false" is true, "0" and "" are false. @param {unknown} v */
function boolval(v) {
	if (v === null || v === undefined || v === false) return false;
	if (typeof v === 'number') return v !== 0;
	if (typeof v === 'string') return v !== '' && v !== '0';
	if (isPhpArray(v)) return phpEntries(v).length > 0;
	return true;
}

/** PHP `(string)` for scalars (arrays become "Array"). @param {unknown} v */
function strval(v) {
	if (v === null || v === undefined || v === false) return '';
	if (v === true) return '1';
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
	if (isPhpArray(v)) return 'Array';
	return String(v);
}

/** True for a string PHP would turn into an integer array key ("0", "-5", not "01"). */
function isCanonicalIntKey(k) {
	return typeof k === 'string' && /^(0|-?[1-9]\d{0,17})$/.test(k);
}

/**
 * Marks a value that must be JSON-encoded as an object even when empty (PHP objects,
 * as opposed to PHP arrays).
 */
class PhpObject {
	/** @param {Record<string, unknown>} props */
	constructor(props = {}) {
		Object.assign(this, props);
	}
}

/**
 * Deep-normalises a value the way PHP's json_encode would see it: empty arrays/objects become
 * `[]`, objects whose keys are exactly "0".."n-1" become arrays. PhpObject instances stay objects.
 * @param {unknown} value
 * @returns {unknown}
 */
function toPhpJson(value) {
	if (value === null || typeof value !== 'object') return value;
	if (value instanceof PhpObject) {
		const out = {};
		for (const [k, v] of Object.entries(value)) out[k] = toPhpJson(v);
		return out;
	}
	if (Array.isArray(value)) return value.map(toPhpJson);
	const keys = Object.keys(value);
	if (keys.length === 0) return [];
	if (keys.every((k, i) => k === String(i))) return keys.map((k) => toPhpJson(value[k]));
	const out = {};
	for (const k of keys) setOwn(out, k, toPhpJson(value[k]));
	return out;
}

/**
 * Assigns an own property, also for the key "__proto__" (request data is untrusted).
 * @param {object} obj @param {string} key @param {unknown} value
 */
function setOwn(obj, key, value) {
	if (key === '__proto__') {
		Object.defineProperty(obj, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	} else {
		obj[key] = value;
	}
}

/**
 * PHP array_change_key_case(CASE_UPPER) for a params map; later keys win.
 * @param {unknown} params
 */
function upperKeys(params) {
	const out = {};
	for (const [k, v] of phpEntries(params)) setOwn(out, k.toUpperCase(), v);
	return out;
}

/** Deep copy of plain JSON-like data. @template T @param {T} v @returns {T} */
function deepCopy(v) {
	if (v === null || typeof v !== 'object') return v;
	if (Array.isArray(v)) return /** @type {any} */ (v.map(deepCopy));
	const out = {};
	for (const [k, val] of Object.entries(v)) setOwn(out, k, deepCopy(val));
	return /** @type {any} */ (out);
}

module.exports = {
	isPhpArray,
	phpEntries,
	isNumeric,
	floatval,
	intval,
	boolval,
	strval,
	isCanonicalIntKey,
	PhpObject,
	toPhpJson,
	setOwn,
	upperKeys,
	deepCopy,
};

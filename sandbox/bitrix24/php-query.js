'use strict';

/**
 * PHP `parse_str` (bracket notation into nested arrays) and `http_build_query`.
 *
 * parse_str follows php_register_variable_ex: leading spaces of a name are dropped, ' ' and '.'
 * in the base name become '_', `a[]` appends, `a[b` (no closing bracket) becomes the key `a_b`,
 * text after a closing bracket that does not open another one is ignored, canonical integer keys
 * ("5", not "05") are integer keys, and a scalar is replaced when a later key nests under it.
 */

const { isCanonicalIntKey, isPhpArray, phpEntries, setOwn } = require('./php');

/** An ordered PHP array while it is being built. */
class PhpArrayBuilder {
	constructor() {
		/** @type {Map<string|number, any>} */
		this.map = new Map();
		this.nextIndex = 0;
	}

	/** @param {string|number} key */
	normalize(key) {
		return typeof key === 'string' && isCanonicalIntKey(key) ? Number(key) : key;
	}

	/** @param {string|number} key @param {any} value */
	set(key, value) {
		const k = this.normalize(key);
		this.map.set(k, value);
		if (typeof k === 'number' && k >= this.nextIndex) this.nextIndex = k + 1;
	}

	/** @param {any} value */
	push(value) {
		this.set(this.nextIndex, value);
	}

	/** Returns the nested builder at key (creating or replacing a scalar). @param {string|number|null} key */
	child(key) {
		if (key === null) {
			const created = new PhpArrayBuilder();
			this.push(created);
			return created;
		}
		const k = this.normalize(key);
		const existing = this.map.get(k);
		if (existing instanceof PhpArrayBuilder) return existing;
		const created = new PhpArrayBuilder();
		this.set(k, created);
		return created;
	}

	/** Converts to the sandbox representation: list → JS array, otherwise object. */
	toValue(forceObject = false) {
		const keys = [...this.map.keys()];
		const isList = keys.every((k, i) => k === i);
		if (isList && !forceObject) {
			return keys.map((k) => unwrap(this.map.get(k)));
		}
		const out = {};
		for (const [k, v] of this.map) setOwn(out, String(k), unwrap(v));
		return out;
	}
}

function unwrap(v) {
	return v instanceof PhpArrayBuilder ? v.toValue() : v;
}

/**
 * Converts a JS string to bytes: raw request text arrives as latin1 (one char per byte),
 * anything with wider chars is treated as already-decoded UTF-8 text.
 * @param {string} s
 */
function toBytes(s) {
	return /^[\u0000-\u00ff]*$/.test(s) ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf8');
}

function hexVal(c) {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0x41 && c <= 0x46) return c - 0x37;
	if (c >= 0x61 && c <= 0x66) return c - 0x57;
	return -1;
}

/**
 * PHP urldecode: '+' is a space, %XX is a byte, malformed escapes stay literal; result is UTF-8.
 * @param {string} s
 */
function urldecode(s) {
	if (!/[+%]/.test(s) && /^[ -~]*$/.test(s)) return s; // plain printable ASCII: nothing to decode
	const bytes = toBytes(s);
	const out = Buffer.alloc(bytes.length);
	let j = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === 0x2b) {
			out[j++] = 0x20;
		} else if (
			b === 0x25 &&
			i + 2 < bytes.length &&
			hexVal(bytes[i + 1]) >= 0 &&
			hexVal(bytes[i + 2]) >= 0
		) {
			out[j++] = hexVal(bytes[i + 1]) * 16 + hexVal(bytes[i + 2]);
			i += 2;
		} else {
			out[j++] = b;
		}
	}
	return out.subarray(0, j).toString('utf8');
}

/**
 * Registers one decoded name=value pair into the root array (php_register_variable_ex).
 * @param {PhpArrayBuilder} root @param {string} name @param {string} value
 */
function registerVariable(root, name, value) {
	name = name.replace(/^ +/, '');
	let p = 0;
	let base = '';
	for (; p < name.length && name[p] !== '['; p++) {
		const c = name[p];
		base += c === ' ' || c === '.' ? '_' : c;
	}
	if (base === '') return;
	if (p === name.length) {
		root.set(base, value);
		return;
	}

	let container = root;
	/** @type {string|number|null} */
	let index = base;
	let ip = p; // at '['
	let depth = 0;
	for (;;) {
		ip++;
		/** @type {string|null} */
		let nextIndex;
		if (name[ip] === ']') {
			nextIndex = null;
		} else {
			const close = name.indexOf(']', ip);
			if (close === -1) {
				// Not an index: at the first level the '[' becomes '_' and the rest joins the name.
				if (depth === 0) index = `${base}_${name.slice(ip).replace(/[ .[]/g, '_')}`;
				break;
			}
			nextIndex = name.slice(ip, close);
			ip = close;
		}
		container = container.child(index);
		index = nextIndex;
		depth++;
		ip++;
		if (name[ip] !== '[') break;
	}
	if (index === null) container.push(value);
	else container.set(index, value);
}

/**
 * PHP parse_str. Always returns a params object (the top level is never a list).
 * @param {string} input raw query string (without '?'), latin1 or UTF-8 text
 * @returns {Record<string, any>}
 */
function parseStr(input) {
	const root = new PhpArrayBuilder();
	if (input) {
		for (const part of String(input).split('&')) {
			if (part === '') continue;
			const eq = part.indexOf('=');
			const rawName = eq === -1 ? part : part.slice(0, eq);
			const rawValue = eq === -1 ? '' : part.slice(eq + 1);
			registerVariable(root, urldecode(rawName), urldecode(rawValue));
		}
	}
	return /** @type {Record<string, any>} */ (root.toValue(true));
}

/** PHP urlencode: only [A-Za-z0-9_.-] stay, space is '+'. @param {string} s */
function urlencode(s) {
	return encodeURIComponent(s)
		.replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
}

/** @param {unknown} v */
function scalarString(v) {
	if (v === true) return '1';
	if (v === false) return '0';
	return String(v);
}

/**
 * PHP http_build_query: nested arrays in bracket notation, null skipped, booleans as 1/0.
 * @param {unknown} data @param {string} [prefix]
 * @returns {string}
 */
function httpBuildQuery(data, prefix) {
	const parts = [];
	for (const [key, value] of phpEntries(data)) {
		if (value === null || value === undefined) continue;
		const name = prefix === undefined ? key : `${prefix}[${key}]`;
		if (isPhpArray(value)) {
			const nested = httpBuildQuery(value, name);
			if (nested) parts.push(nested);
		} else {
			parts.push(`${urlencode(name)}=${urlencode(scalarString(value))}`);
		}
	}
	return parts.join('&');
}

module.exports = { parseStr, httpBuildQuery, urldecode, urlencode };

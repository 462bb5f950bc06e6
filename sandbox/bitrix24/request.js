'use strict';

/**
 * Reading REST requests: the route (webhook or OAuth form of the URL) and the params
 * (PROTOCOL.md §2.1, CRestUtil::getRequestData): query + body, the body parsed as JSON
 * when Content-Type is application/json (invalid JSON becomes {}), otherwise with parse_str;
 * body keys replace query keys (array_replace).
 */

const { parseStr } = require('./php-query');
const { isPhpArray, phpEntries, setOwn } = require('./php');

/**
 * @typedef {{kind: 'webhook', userId: string, code: string, method: string}
 *   | {kind: 'oauth', method: string}
 *   | {kind: 'invalid', method: null}} RestRoute
 */

/**
 * `/rest/{userId}/{code}/{method}[.json|.xml][/]` or `/rest/{method}[.json|.xml][/]`.
 * The method is lower-cased and its transport suffix dropped.
 * @param {string} pathname
 * @returns {RestRoute}
 */
function parseRestRoute(pathname) {
	const parts = pathname.slice('/rest/'.length).split('/');
	if (parts[parts.length - 1] === '') parts.pop();
	const method = (name) =>
		decodeSegment(name)
			.replace(/\.(json|xml)$/i, '')
			.toLowerCase();
	if (parts.length === 1 && parts[0] !== '') return { kind: 'oauth', method: method(parts[0]) };
	if (parts.length === 3 && parts[2] !== '') {
		return {
			kind: 'webhook',
			userId: decodeSegment(parts[0]),
			code: decodeSegment(parts[1]),
			method: method(parts[2]),
		};
	}
	return { kind: 'invalid', method: null };
}

/** @param {string} s */
function decodeSegment(s) {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/**
 * The path as logged: the webhook code segment replaced by '***'.
 * @param {string} pathname @param {RestRoute} route
 */
function redactPath(pathname, route) {
	if (route.kind !== 'webhook') return pathname;
	const parts = pathname.split('/');
	parts[3] = '***'; // ['', 'rest', userId, code, method]
	return parts.join('/');
}

/**
 * JSON body like PHP json_decode(…, true): an object or array becomes the params, anything
 * else (including invalid JSON) becomes {}.
 * @param {string} text
 */
function parseJsonBody(text) {
	let value;
	try {
		value = JSON.parse(text);
	} catch {
		return {};
	}
	if (!isPhpArray(value)) return {};
	const out = {};
	for (const [k, v] of phpEntries(value)) setOwn(out, k, v);
	return out;
}

/**
 * @param {{query: string, body: Buffer, contentType: string|undefined}} request
 * @returns {Record<string, any>}
 */
function parseParams({ query, body, contentType }) {
	const params = parseStr(query);
	if (body.length > 0) {
		const type = (contentType || '').split(';')[0].trim().toLowerCase();
		// multipart/form-data is not emulated: its fields are ignored.
		const fromBody =
			type === 'application/json'
				? parseJsonBody(body.toString('utf8'))
				: type === 'multipart/form-data'
					? {}
					: parseStr(body.toString('latin1'));
		for (const [k, v] of Object.entries(fromBody)) setOwn(params, k, v);
	}
	return params;
}

module.exports = { parseRestRoute, redactPath, parseParams, parseJsonBody };

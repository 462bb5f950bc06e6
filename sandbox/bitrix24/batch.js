'use strict';

/**
 * `batch` (PROTOCOL.md §5), following CRestProvider::methodsBatch and
 * CRestUtil::processBatchElement:
 *
 * - params are upper-cased (`cmd`/`CMD`, `halt`/`HALT`); `halt` is cast like PHP (bool), so the
 *   string "false" is true; without CMD every map is empty;
 * - commands run in order; each is `method?query` split like parse_url (a `#fragment` is cut
 *   off) and the query parsed with parse_str, so sub-call params are strings; non-string
 *   commands are skipped but still count towards the 50-command limit;
 * - commands past the 50th are not run and get ERROR_BATCH_LENGTH_EXCEEDED;
 *   `batch` inside a batch gets ERROR_BATCH_METHOD_NOT_ALLOWED;
 * - with halt, processing stops after the first failing command;
 * - references `$result[key][path…]`, `$next[key]`, `$total[key]`, `$time[key][…]`,
 *   `$error[key][…]` are resolved in parameter values (see resolveReference).
 */

const { Errors } = require('./errors');
const {
	upperKeys,
	boolval,
	phpEntries,
	isPhpArray,
	isCanonicalIntKey,
	PhpObject,
} = require('./php');
const { parseStr } = require('./php-query');

const BATCH_MAX_LENGTH = 50;
const OAUTH_PARAMS = ['auth', 'access_token'];

/** `$name[...]`: the name is matched case-insensitively, the path runs to the next whitespace. */
const REFERENCE = /\$(result|next|total|time|error)([^ \t\n\r\f\v]*)/gi;
const PATH_SEGMENT = /\[([^\]]+)\]/g;

/**
 * Splits a command like parse_url: path before '?', query after it, fragment dropped.
 * @param {string} command
 */
function splitCommand(command) {
	const hash = command.indexOf('#');
	const withoutFragment = hash === -1 ? command : command.slice(0, hash);
	const q = withoutFragment.indexOf('?');
	return q === -1
		? { method: withoutFragment, query: '' }
		: { method: withoutFragment.slice(0, q), query: withoutFragment.slice(q + 1) };
}

/**
 * PHP `isset($r[$key])` followed by `$r[$key]`: undefined when not set (or null).
 * @param {unknown} container @param {string} key
 */
function phpIndex(container, key) {
	if (typeof container === 'string') {
		if (!isCanonicalIntKey(key) || Number(key) < 0 || Number(key) >= container.length)
			return undefined;
		return container[Number(key)];
	}
	if (container === null || typeof container !== 'object') return undefined;
	if (!Object.hasOwn(container, key)) return undefined;
	const value = container[key];
	return value === null ? undefined : value;
}

/**
 * Resolves the references in one parameter value (CRestUtil::processBatchElement):
 * - a reference that is the whole value is replaced by the referenced value, which may be an
 *   array or a number;
 * - inside a longer string only a scalar (string or number) is substituted, other values leave
 *   the reference text as it is;
 * - the path walk stops at the first segment that is not set and uses the value reached so far
 *   (lenient, like the PHP `isset` loop); `$result` without any `[…]` is not a reference;
 * - the name matches case-insensitively, but the lookup is case-sensitive, so `$RESULT[x]`
 *   resolves to nothing (null as a whole value, untouched inside a string).
 * @param {unknown} value @param {Record<string, object>} acc results so far
 */
function resolveReferences(value, acc) {
	if (typeof value !== 'string') return value;
	/** @type {unknown} */
	let query = value;
	for (const match of value.matchAll(REFERENCE)) {
		const segments = [...match[2].matchAll(PATH_SEGMENT)].map((m) => m[1]);
		if (segments.length === 0) continue;
		let resolved = Object.hasOwn(acc, match[1]) ? acc[match[1]] : null;
		for (const segment of segments) {
			const next = phpIndex(resolved, segment);
			if (next === undefined) break;
			resolved = next;
		}
		if (match[0] === query) {
			query = resolved;
		} else if (typeof query === 'string') {
			const text = typeof resolved === 'number' ? String(resolved) : resolved; // is_numeric → (string)
			if (typeof text !== 'string') continue;
			query = query.split(match[0]).join(text);
		}
	}
	return query;
}

/** CRestUtil::processBatchStructure: resolves references in every value, recursively. */
function resolveStructure(params, acc) {
	if (Array.isArray(params))
		return params.map((v) =>
			isPhpArray(v) ? resolveStructure(v, acc) : resolveReferences(v, acc),
		);
	const out = {};
	for (const [key, v] of phpEntries(params))
		out[key] = isPhpArray(v) ? resolveStructure(v, acc) : resolveReferences(v, acc);
	return out;
}

/** Numbers are accepted as commands (parse_url casts them), other non-strings are skipped. */
function commandString(call) {
	if (typeof call === 'string') return call;
	if (typeof call === 'number') return String(call);
	return null;
}

/**
 * The batch method handler.
 * @param {Record<string, any>} params @param {import('./dispatch').CallContext} ctx
 */
async function batch(params, ctx) {
	const q = upperKeys(params);
	const halt = boolval(q.HALT);
	/** @type {Record<'result'|'next'|'total'|'time'|'error', Record<string, unknown>>} */
	const acc = { result: {}, next: {}, total: {}, time: {}, error: {} };

	if (q.CMD !== undefined && q.CMD !== null) {
		let count = 0;
		for (const [key, call] of phpEntries(q.CMD)) {
			let outcome;
			if (count++ < BATCH_MAX_LENGTH) {
				const command = commandString(call);
				if (command === null) continue;
				const { method, query } = splitCommand(command);
				const subParams =
					query === '' || query === '0' ? {} : resolveStructure(parseStr(query), acc);
				// The outer request's auth keys are taken out of the sub-call params (CRestServerBatchItem).
				if (ctx.auth.type === 'oauth') for (const key of OAUTH_PARAMS) delete subParams[key];
				outcome = await ctx.callSubMethod(method, subParams);
			} else {
				outcome = { ok: false, error: Errors.batchLength() };
			}

			if (outcome.ok) {
				acc.result[key] = outcome.result;
				if (outcome.next !== undefined) acc.next[key] = outcome.next;
				if (outcome.total !== undefined) acc.total[key] = outcome.total;
				acc.time[key] = outcome.time;
			} else {
				acc.error[key] = outcome.error.toBody();
				if (halt) break;
			}
		}
	}

	return new PhpObject({
		result: acc.result,
		result_error: acc.error,
		result_total: acc.total,
		result_next: acc.next,
		result_time: acc.time,
	});
}

/**
 * What the request log records of a batch: command count and lower-cased method names.
 * @param {Record<string, any>} params
 * @returns {{commands: number, methods: string[]}}
 */
function describeBatch(params) {
	const commands = phpEntries(upperKeys(params).CMD);
	const methods = [];
	for (const [, call] of commands) {
		const command = commandString(call);
		if (command !== null) methods.push(splitCommand(command).method.toLowerCase());
	}
	return { commands: commands.length, methods };
}

module.exports = { batch, describeBatch, resolveReferences, splitCommand, BATCH_MAX_LENGTH };

'use strict';

/**
 * What the portal's request log says about a run: HTTP requests, how many Bitrix24 refused with
 * QUERY_LIMIT_EXCEEDED, and how many COUNT queries ran (list calls, on their own or inside a
 * batch, without `start=-1`).
 */

const { splitCommand } = require('../sandbox/bitrix24/batch');
const { parseStr } = require('../sandbox/bitrix24/php-query');

/** @param {string} method */
const isList = (method) => /\.list$/i.test(method);

/** A list call counts unless `start` is negative (Bitrix24 reads it with intval). */
const counts = (start) => !(Number.parseInt(String(start ?? 0), 10) < 0);

/** @param {Record<string, any>} params the batch's params */
function batchCommands(params) {
	const key = Object.keys(params).find((name) => name.toLowerCase() === 'cmd');
	const cmd = key ? params[key] : undefined;
	return cmd && typeof cmd === 'object' ? Object.values(cmd) : [];
}

/** @param {import('../sandbox/bitrix24/request-log').LogEntry} entry */
function countQueriesOf(entry) {
	if (!entry.executed || !entry.restMethod) return 0;
	if (isList(entry.restMethod)) return counts(entry.params.start) ? 1 : 0;
	if (entry.restMethod !== 'batch') return 0;
	let total = 0;
	for (const command of batchCommands(entry.params)) {
		if (typeof command !== 'string') continue;
		const { method, query } = splitCommand(command);
		if (isList(method) && counts(parseStr(query).start)) total++;
	}
	return total;
}

/** @param {import('../sandbox/bitrix24/request-log').LogEntry[]} log */
function requestStats(log) {
	let rejected = 0;
	let countQueries = 0;
	for (const entry of log) {
		if (entry.error === 'QUERY_LIMIT_EXCEEDED') rejected++;
		countQueries += countQueriesOf(entry);
	}
	return { requests: log.length, rejected, countQueries };
}

module.exports = { requestStats };

'use strict';

/**
 * Response envelope (PROTOCOL.md §2.2–2.3): the `time` object, JSON encoding with PHP
 * array semantics, and the response headers of the REST server.
 */

const { toPhpJson } = require('./php');

/**
 * The `time` object: float unix seconds, duration, processing, ISO dates, and (when the
 * operating limit is on) `operating_reset_at` / `operating`.
 * @param {import('./clock').Clock} clock
 * @param {number} startMs
 * @param {number} finishMs
 * @param {number} processingSeconds
 * @param {object} [operating] fields from OperatingLimiter.timeFields
 */
function buildTime(clock, startMs, finishMs, processingSeconds, operating) {
	return {
		start: startMs / 1000,
		finish: finishMs / 1000,
		duration: (finishMs - startMs) / 1000,
		processing: processingSeconds,
		date_start: clock.format(startMs),
		date_finish: clock.format(finishMs),
		...(operating || {}),
	};
}

/** PHP json_encode of a response body. @param {unknown} body */
function encodeJson(body) {
	return JSON.stringify(toPhpJson(body));
}

/**
 * Writes a JSON response encoded the way the PHP server would (empty arrays as `[]`).
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
	writeJson(res, status, encodeJson(body), headers);
}

/**
 * Writes plain JSON (the sandbox's own control API, no PHP semantics).
 * @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body
 */
function sendPlainJson(res, status, body) {
	writeJson(res, status, JSON.stringify(body), {});
}

/**
 * @param {import('node:http').ServerResponse} res @param {number} status
 * @param {string} payload @param {Record<string, string>} headers
 */
function writeJson(res, status, payload, headers) {
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}

/**
 * Headers the REST server adds to every answer (cloud build).
 * @param {number} processingSeconds
 * @param {string|null} clientId set for OAuth calls
 */
function restHeaders(processingSeconds, clientId) {
	/** @type {Record<string, string>} */
	const headers = {
		'Access-Control-Allow-Origin': '*',
		'Access-Control-Allow-Headers': 'origin, content-type, accept',
		'X-Bitrix-Rest-Time': processingSeconds.toFixed(10),
		'X-Bitrix-Rest-User-Time': '0.0000000000',
		'X-Bitrix-Rest-System-Time': '0.0000000000',
	};
	if (clientId) headers['X-Bitrix-Rest-Application'] = clientId;
	return headers;
}

module.exports = { buildTime, encodeJson, sendJson, sendPlainJson, restHeaders };

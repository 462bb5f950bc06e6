'use strict';

/**
 * One event delivery attempt (PROTOCOL.md §6.2): a POST with an
 * `application/x-www-form-urlencoded` body built like PHP `http_build_query` (bracket notation,
 * keys percent-encoded, all values strings). There are no retries: whatever happens is the result.
 */

const http = require('node:http');
const https = require('node:https');

/**
 * @typedef {object} SendResult
 * @property {number|null} status HTTP status of the handler's answer (null: no answer)
 * @property {string|null} error connection error code, 'timeout' or 'unreachable'
 * @property {number} durationMs
 */

/**
 * POSTs a form body; never rejects.
 * @param {string} url
 * @param {string} body
 * @param {{timeoutMs: number}} options
 * @returns {Promise<SendResult>}
 */
function postForm(url, body, { timeoutMs }) {
	const startedAt = Date.now();
	return new Promise((resolve) => {
		let settled = false;
		/** @param {number|null} status @param {string|null} error */
		const finish = (status, error) => {
			if (settled) return;
			settled = true;
			resolve({ status, error, durationMs: Date.now() - startedAt });
		};
		let target;
		try {
			target = new URL(url);
		} catch {
			finish(null, 'invalid url');
			return;
		}
		const client = target.protocol === 'https:' ? https : http;
		const req = client.request(target, {
			method: 'POST',
			agent: false, // one connection per delivery: nothing lingers after flushEvents()
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				'Content-Length': Buffer.byteLength(body),
			},
		});
		req.setTimeout(timeoutMs, () => {
			finish(null, 'timeout');
			req.destroy();
		});
		req.on('response', (res) => {
			res.resume(); // the answer's body is ignored, only the status counts
			res.on('end', () => finish(res.statusCode ?? null, null));
			res.on('error', () => finish(res.statusCode ?? null, null));
		});
		req.on('error', (err) => finish(null, /** @type {any} */ (err).code || err.message));
		req.end(body);
	});
}

module.exports = { postForm };

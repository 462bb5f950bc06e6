'use strict';

/** Shared helpers of the sandbox tests: start/stop a sandbox and call it over real HTTP. */

const http = require('node:http');
const { createSandbox } = require('../../../sandbox/bitrix24');
const { httpBuildQuery, parseStr } = require('../../../sandbox/bitrix24/php-query');

/**
 * Creates and starts a sandbox; the leaky bucket is off unless asked for.
 * @param {import('../../../sandbox/bitrix24').SandboxOptions} [options]
 */
async function startSandbox(options = {}) {
	const sb = createSandbox({ bucket: false, ...options });
	await sb.start();
	return sb;
}

/**
 * Calls a REST method.
 * @param {string} base URL prefix ending with '/' (sb.webhookUrl or `${sb.url}/rest/`)
 * @param {string} method
 * @param {Record<string, any>} [params]
 * @param {{as?: 'json'|'form'|'get', headers?: Record<string, string>}} [options]
 * @returns {Promise<{status: number, body: any, headers: Headers, text: string}>}
 */
async function call(base, method, params = {}, options = {}) {
	const as = options.as || 'json';
	let url = base + method;
	/** @type {RequestInit} */
	const init = { method: 'POST', headers: { ...(options.headers || {}) } };
	if (as === 'json') {
		init.headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(params);
	} else if (as === 'form') {
		init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
		init.body = httpBuildQuery(params);
	} else {
		init.method = 'GET';
		const qs = httpBuildQuery(params);
		if (qs) url += `?${qs}`;
	}
	const res = await fetch(url, init);
	const text = await res.text();
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: res.status, body, headers: res.headers, text };
}

/** A mutable clock for limiter tests. */
function fakeClock(startMs = Date.UTC(2026, 4, 14, 7, 26, 32)) {
	const clock = { t: startMs, now: () => clock.t, advance: (ms) => (clock.t += ms) };
	return clock;
}

/**
 * A local event handler: records every POST (raw body and parsed form); answers 500 under
 * /fail, never answers under /hang, 200 otherwise.
 */
async function startHandlerServer({ onRequest = () => {} } = {}) {
	/** @type {Array<{path: string, headers: http.IncomingHttpHeaders, body: string, form: any, at: number}>} */
	const received = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.setEncoding('latin1');
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({
				path: req.url || '',
				headers: req.headers,
				body,
				form: parseStr(body),
				at: Date.now(),
			});
			onRequest();
			if (req.url === '/hang') return;
			res.writeHead(req.url === '/fail' ? 500 : 200);
			res.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const url = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}`;
	const stop = () =>
		new Promise((resolve) => {
			server.close(() => resolve(undefined));
			server.closeAllConnections();
		});
	return { url, received, stop };
}

module.exports = { startSandbox, call, fakeClock, httpBuildQuery, startHandlerServer };

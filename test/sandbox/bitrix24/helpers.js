'use strict';

/** Shared helpers of the sandbox tests: start/stop a sandbox and call it over real HTTP. */

const { createSandbox } = require('../../../sandbox/bitrix24');
const { httpBuildQuery } = require('../../../sandbox/bitrix24/php-query');

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

module.exports = { startSandbox, call, fakeClock, httpBuildQuery };

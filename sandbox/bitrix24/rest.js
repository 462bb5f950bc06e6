'use strict';

/**
 * One REST request through the sandbox, in this order:
 * 1. parse route and params, remove OAuth auth params, open the log entry;
 * 2. injected faults (expireTokens, dropBefore, status, rateLimit, operatingLimit);
 * 3. the leaky bucket (503 QUERY_LIMIT_EXCEEDED, not executed);
 * 4. method lookup (404 ERROR_METHOD_NOT_FOUND comes before auth, as in CRestServer::process);
 * 5. authentication (401s);
 * 6. the call itself (dispatch.js: scope, auth type, operating limit, handler);
 * 7. dropAfter, configured latency, the JSON envelope.
 */

const { Errors } = require('./errors');
const { parseRestRoute, redactPath, parseParams } = require('./request');
const { takeAccessToken, authenticate } = require('./auth');
const { callMethod } = require('./dispatch');
const { describeBatch } = require('./batch');
const { buildTime, sendJson, restHeaders } = require('./envelope');

const sleep = (ms) =>
	ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/**
 * @param {import('./index').SandboxState} state
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{pathname: string, query: string, body: Buffer}} request
 */
async function handleRest(state, req, res, request) {
	const done = state.log.begin();
	try {
		await answerRest(state, req, res, request);
	} finally {
		done();
	}
}

/** The steps at the top of this file; parameters as for handleRest. */
async function answerRest(state, req, res, request) {
	const { pathname, query, body } = request;
	const { clock } = state;
	const arrivedMs = clock.now();
	const route = parseRestRoute(pathname);
	const params = parseParams({ query, body, contentType: req.headers['content-type'] });
	delete params.state; // consumed by the server (signature feature)
	const token = route.kind === 'oauth' ? takeAccessToken(params, req.headers.authorization) : null;

	const entry = state.log.open({
		at: arrivedMs,
		httpMethod: req.method || 'GET',
		path: state.scrubber.scrubString(redactPath(pathname, route)),
		restMethod: route.method,
		auth: route.kind === 'webhook' ? 'webhook' : token ? 'oauth' : 'none',
		batch: route.method === 'batch' ? describeBatch(params) : null,
		params: state.scrubber.params(params),
	});

	const fired = state.faults.fire({ n: entry.n, restMethod: route.method });
	if (fired.has('expireTokens')) state.tokens.expireAccessTokens();
	if (fired.has('dropBefore')) return drop(req, entry);

	/** @type {import('./errors').RestError|null} */
	let error = null;
	if (fired.has('status')) error = Errors.internal(fired.status);
	else if (fired.has('rateLimit')) error = Errors.queryLimit();
	else if (fired.has('operatingLimit')) error = Errors.operationTimeLimit();
	else if (state.bucket && !state.bucket.tryAcquire()) error = Errors.queryLimit();
	else if (route.method === null || !state.registry.get(route.method))
		error = Errors.methodNotFound();

	/** @type {import('./dispatch').Auth|null} */
	let auth = null;
	if (!error) {
		const found = authenticate(state, route, token);
		if ('error' in found) error = found.error;
		else auth = found.auth;
	}

	let extraLatencyMs = 0;
	/** @type {import('./dispatch').CallOutcome|null} */
	let outcome = null;
	if (!error && auth && route.method !== null) {
		outcome = await callMethod(state, {
			method: route.method,
			params,
			auth,
			addLatency: (ms) => {
				extraLatencyMs += ms;
			},
		});
		entry.executed = outcome.executed;
		if (!outcome.ok && outcome.error) error = outcome.error;
	}

	if (fired.has('dropAfter')) return drop(req, entry);
	await state.options.sleep(state.options.latencyMs + extraLatencyMs);

	const headers = restHeaders(
		outcome && outcome.ok ? outcome.processing || 0 : 0,
		auth ? auth.clientId : null,
	);
	entry.status = error ? error.status : 200;
	entry.error = error ? error.code : null;
	if (error || !outcome) {
		sendJson(res, entry.status, (error || Errors.internal()).toBody(), headers);
		return;
	}
	/** @type {Record<string, unknown>} */
	const envelope = { result: outcome.result };
	if (outcome.next !== undefined) envelope.next = outcome.next;
	if (outcome.total !== undefined) envelope.total = outcome.total;
	envelope.time = buildTime(
		clock,
		arrivedMs,
		clock.now(),
		outcome.processing || 0,
		outcome.operating,
	);
	sendJson(res, 200, envelope, headers);
}

/**
 * Destroys the connection without an answer.
 * @param {import('node:http').IncomingMessage} req @param {import('./request-log').LogEntry} entry
 */
function drop(req, entry) {
	entry.dropped = true;
	entry.status = null;
	req.socket.destroy();
}

module.exports = { handleRest, sleep };

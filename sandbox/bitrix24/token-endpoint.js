'use strict';

/**
 * `/oauth/token/` over HTTP: GET with a query string (as documented) and POST with an
 * application/x-www-form-urlencoded body (what the JS SDK uses). Other methods get 405. A JSON
 * body is not read, like a PHP endpoint reading $_POST. Every call lands in `sb.tokenLog`.
 */

const { parseStr } = require('./php-query');
const { sendJson } = require('./envelope');

/**
 * @param {import('./index').SandboxState} state
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{query: string, body: Buffer}} request
 */
async function handleTokenEndpoint(state, req, res, { query, body }) {
	const at = state.clock.now();
	if (req.method !== 'GET' && req.method !== 'POST') {
		state.tokenLog.push({
			at,
			httpMethod: req.method || '',
			grantType: null,
			status: 405,
			error: 'invalid_request',
		});
		sendJson(
			res,
			405,
			{ error: 'invalid_request', error_description: 'Method not allowed' },
			{ Allow: 'GET, POST' },
		);
		return;
	}
	const params = parseStr(query);
	const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
	if (req.method === 'POST' && type === 'application/x-www-form-urlencoded') {
		Object.assign(params, parseStr(body.toString('latin1')));
	}
	const outcome = state.tokens.handleTokenRequest(params);
	state.tokenLog.push({
		at,
		httpMethod: req.method,
		grantType: outcome.grantType,
		status: outcome.status,
		error: outcome.error,
	});
	await state.options.sleep(state.options.latencyMs);
	sendJson(res, outcome.status, outcome.body);
}

module.exports = { handleTokenEndpoint };

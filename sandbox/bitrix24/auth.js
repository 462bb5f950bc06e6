'use strict';

/**
 * Authentication of REST calls (PROTOCOL.md §1.1–1.2):
 * - webhook URLs are checked against the configured user id and code (401 INVALID_CREDENTIALS);
 * - OAuth calls carry the token as `auth` or `access_token` (query or body) or as
 *   `Authorization: Bearer`; no token → 401 NO_AUTH_FOUND, unknown → 401 invalid_token,
 *   expired → 401 expired_token. The auth params are removed from the method params.
 */

const { Errors } = require('./errors');

const AUTH_PARAMS = ['auth', 'access_token'];

/**
 * Removes the OAuth auth params and returns the token found (params first, then the header).
 * @param {Record<string, any>} params mutated
 * @param {string|undefined} authorizationHeader
 * @returns {string|null}
 */
function takeAccessToken(params, authorizationHeader) {
	let token = null;
	for (const key of AUTH_PARAMS) {
		if (Object.hasOwn(params, key)) {
			if (token === null && typeof params[key] === 'string' && params[key] !== '')
				token = params[key];
			delete params[key];
		}
	}
	if (token === null && authorizationHeader) {
		const m = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader);
		if (m) token = m[1];
	}
	return token;
}

/**
 * @param {import('./index').SandboxState} state
 * @param {import('./request').RestRoute} route
 * @param {string|null} token OAuth token (see takeAccessToken)
 * @returns {{auth: import('./dispatch').Auth} | {error: import('./errors').RestError}}
 */
function authenticate(state, route, token) {
	const { webhook } = state.options;
	if (route.kind === 'webhook') {
		if (route.userId !== String(webhook.userId) || route.code !== webhook.code) {
			return { error: Errors.invalidCredentials() };
		}
		return {
			auth: {
				type: 'webhook',
				userId: webhook.userId,
				clientId: null,
				scopes: state.webhookScopes,
				identity: 'webhook',
			},
		};
	}
	if (!token) return { error: Errors.noAuth() };
	const found = state.tokens.authenticate(token);
	if ('error' in found) return { error: found.error };
	const { record } = found;
	return {
		auth: {
			type: 'oauth',
			userId: record.userId,
			clientId: record.clientId,
			scopes: record.scope.split(',').filter(Boolean),
			identity: `oauth:${record.clientId}`,
		},
	};
}

module.exports = { takeAccessToken, authenticate };

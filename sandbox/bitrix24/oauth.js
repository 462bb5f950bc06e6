'use strict';

/**
 * The OAuth side of the sandbox (PROTOCOL.md §1.2): token store, the token endpoint's
 * grant handling, and access-token checks for `/rest/{method}` calls.
 */

const crypto = require('node:crypto');
const { Errors } = require('./errors');

const REFRESH_TTL_SECONDS = 180 * 24 * 3600;
const CODE_TTL_SECONDS = 30;

/** 32 lowercase base-36 characters, the shape of real Bitrix24 tokens. */
function randomToken() {
	const bytes = crypto.randomBytes(32);
	let out = '';
	for (const b of bytes) out += (b % 36).toString(36);
	return out;
}

/**
 * @typedef {object} TokenEndpoints
 * @property {string} domain OAuth server domain (host:port of the sandbox)
 * @property {string} serverEndpoint
 * @property {string} clientEndpoint
 */

/**
 * @typedef {object} AccessRecord
 * @property {number} userId
 * @property {string} clientId
 * @property {string} scope comma-separated
 * @property {number} expiresAt ms
 * @property {boolean} revoked set by expireAll()
 */

class TokenStore {
	/**
	 * @param {{clientId: string, clientSecret: string, tokenTtlSeconds: number, scope: string}} options
	 * @param {import('./clock').Clock} clock
	 * @param {() => TokenEndpoints} endpoints
	 */
	constructor(options, clock, endpoints) {
		this.options = options;
		this.clock = clock;
		this.endpoints = endpoints;
		this.memberId = crypto
			.createHash('md5')
			.update('n8n-nodes-bitrix24 sandbox portal')
			.digest('hex');
		/** @type {Map<string, AccessRecord>} */
		this.access = new Map();
		/** @type {Map<string, {userId: number, scope: string, expiresAt: number}>} */
		this.refresh = new Map();
		/** @type {Map<string, {userId: number, expiresAt: number}>} */
		this.codes = new Map();
		/** Every secret ever handed out, so logs can be scrubbed. */
		this.secrets = new Set([options.clientSecret]);
	}

	/**
	 * Issues a new access/refresh pair and returns the token response (§1.2).
	 * @param {{userId?: number, scope?: string}} [params]
	 */
	issueTokens(params = {}) {
		const userId = Number(params.userId ?? 1);
		const scope = params.scope ?? this.options.scope;
		const nowMs = this.clock.now();
		const ttl = this.options.tokenTtlSeconds;
		const accessToken = randomToken();
		const refreshToken = randomToken();
		this.access.set(accessToken, {
			userId,
			clientId: this.options.clientId,
			scope,
			expiresAt: nowMs + ttl * 1000,
			revoked: false,
		});
		this.refresh.set(refreshToken, {
			userId,
			scope,
			expiresAt: nowMs + REFRESH_TTL_SECONDS * 1000,
		});
		this.secrets.add(accessToken).add(refreshToken);
		const ep = this.endpoints();
		return {
			access_token: accessToken,
			refresh_token: refreshToken,
			expires: Math.floor(nowMs / 1000) + ttl,
			expires_in: ttl,
			scope,
			domain: ep.domain,
			server_endpoint: ep.serverEndpoint,
			client_endpoint: ep.clientEndpoint,
			member_id: this.memberId,
			user_id: userId,
			status: 'L',
		};
	}

	/** An authorization code valid for 30 s, for grant_type=authorization_code. */
	issueAuthorizationCode(params = {}) {
		const code = randomToken();
		this.codes.set(code, {
			userId: Number(params.userId ?? 1),
			expiresAt: this.clock.now() + CODE_TTL_SECONDS * 1000,
		});
		this.secrets.add(code);
		return code;
	}

	/** Every access token issued so far answers 401 expired_token from now on. */
	expireAccessTokens() {
		for (const record of this.access.values()) record.revoked = true;
	}

	/**
	 * Resolves an access token for a REST call.
	 * @param {string} token
	 * @returns {{record: AccessRecord} | {error: import('./errors').RestError}}
	 */
	authenticate(token) {
		const record = this.access.get(token);
		if (!record) return { error: Errors.invalidToken() };
		if (record.revoked || this.clock.now() >= record.expiresAt)
			return { error: Errors.expiredToken() };
		return { record };
	}

	/**
	 * Handles one token-endpoint request.
	 * @param {Record<string, any>} params query (GET) or query+form body (POST)
	 * @returns {{status: number, body: object, grantType: string|null, error: string|null}}
	 */
	handleTokenRequest(params) {
		const grantType = typeof params.grant_type === 'string' ? params.grant_type : null;
		const fail = (status, error, description) => ({
			status,
			body: { error, error_description: description },
			grantType,
			error,
		});

		if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
			return fail(400, 'invalid_request', 'Invalid grant_type parameter or parameter missing');
		}
		if (!params.client_id) {
			return fail(400, 'invalid_client', 'Client id was not found in the headers or body');
		}
		if (params.client_id !== this.options.clientId) {
			// The real server answers an unknown client_id with HTTP 200 and an error body.
			return fail(200, 'wrong_client', 'Wrong client');
		}
		if (params.client_secret !== this.options.clientSecret) {
			return fail(400, 'invalid_client', 'The client credentials are invalid');
		}

		const nowMs = this.clock.now();
		let userId;
		let scope;
		if (grantType === 'authorization_code') {
			if (!params.code) return fail(400, 'invalid_request', 'No "code" parameter found');
			const code = this.codes.get(String(params.code));
			if (!code)
				return fail(400, 'invalid_grant', "Code doesn't exist or is invalid for the client");
			this.codes.delete(String(params.code));
			if (nowMs >= code.expiresAt)
				return fail(400, 'invalid_grant', 'The authorization code has expired');
			userId = code.userId;
		} else {
			if (!params.refresh_token)
				return fail(400, 'invalid_request', 'No "refresh_token" parameter found');
			const refresh = this.refresh.get(String(params.refresh_token));
			if (!refresh) return fail(400, 'invalid_grant', 'Invalid refresh token');
			// Refresh tokens rotate: the old one is gone once used.
			this.refresh.delete(String(params.refresh_token));
			if (nowMs >= refresh.expiresAt)
				return fail(400, 'invalid_grant', 'Refresh token has expired');
			userId = refresh.userId;
			scope = refresh.scope;
		}
		return { status: 200, body: this.issueTokens({ userId, scope }), grantType, error: null };
	}
}

module.exports = { TokenStore };

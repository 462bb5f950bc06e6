'use strict';

const { startSandbox, call, fakeClock, httpBuildQuery } = require('./helpers');

describe('sandbox auth', () => {
	let sb;
	const clock = fakeClock();
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	describe('webhook URL form', () => {
		test('works with and without .json and a trailing slash; method names are case-insensitive', async () => {
			for (const suffix of ['profile', 'profile.json', 'profile/', 'PROFILE.json/', 'Profile']) {
				const res = await call(sb.webhookUrl, suffix, {}, { as: 'get' });
				expect(res.status).toBe(200);
				expect(res.body.result).toMatchObject({ ID: '1', ADMIN: true });
			}
			expect(sb.log.map((e) => e.restMethod)).toEqual([
				'profile',
				'profile',
				'profile',
				'profile',
				'profile',
			]);
		});

		test('wrong code or wrong user → 401 INVALID_CREDENTIALS', async () => {
			for (const base of [`${sb.url}/rest/1/wrongcode/`, `${sb.url}/rest/2/sbx4wh00k5ecr3t/`]) {
				const res = await call(base, 'profile');
				expect(res.status).toBe(401);
				expect(res.body).toEqual({
					error: 'INVALID_CREDENTIALS',
					error_description: 'Invalid request credentials',
				});
			}
		});

		test('unknown method → 404 ERROR_METHOD_NOT_FOUND, checked before auth', async () => {
			const res = await call(sb.webhookUrl, 'crm.nothing.here');
			expect(res.status).toBe(404);
			expect(res.body).toEqual({
				error: 'ERROR_METHOD_NOT_FOUND',
				error_description: 'Method not found!',
			});
			const noAuth = await call(`${sb.url}/rest/`, 'crm.nothing.here');
			expect(noAuth.status).toBe(404);
		});

		test('event.* via webhook → 403 WRONG_AUTH_TYPE', async () => {
			for (const method of ['event.bind', 'event.unbind', 'event.get']) {
				const res = await call(sb.webhookUrl, method, {
					event: 'ONCRMLEADADD',
					handler: 'https://example.com/h',
				});
				expect(res.status).toBe(403);
				expect(res.body.error).toBe('WRONG_AUTH_TYPE');
			}
		});

		test('a webhook without a scope gets 401 insufficient_scope', async () => {
			const narrow = await startSandbox({ webhook: { scope: ['user'] } });
			try {
				const res = await call(narrow.webhookUrl, 'crm.lead.list');
				expect(res.status).toBe(401);
				expect(res.body.error).toBe('insufficient_scope');
				expect((await call(narrow.webhookUrl, 'user.current')).status).toBe(200);
			} finally {
				await narrow.stop();
			}
		});
	});

	describe('OAuth URL form', () => {
		const rest = () => `${sb.url}/rest/`;

		test('token as auth (query or body), access_token, or Bearer header; auth params removed', async () => {
			const { access_token: token } = sb.issueTokens({ userId: 2 });
			const viaQuery = await call(rest(), 'profile', { auth: token }, { as: 'get' });
			const viaJson = await call(rest(), 'profile', { auth: token });
			const viaForm = await call(rest(), 'profile', { access_token: token }, { as: 'form' });
			const viaHeader = await call(
				rest(),
				'profile.json',
				{},
				{ headers: { Authorization: `Bearer ${token}` } },
			);
			for (const res of [viaQuery, viaJson, viaForm, viaHeader]) {
				expect(res.status).toBe(200);
				expect(res.body.result.ID).toBe('2');
			}
			expect(viaJson.headers.get('x-bitrix-rest-application')).toBe('local.sandbox.app');
			expect(
				sb.log.every(
					(e) => e.auth === 'oauth' && !('auth' in e.params) && !('access_token' in e.params),
				),
			).toBe(true);
		});

		test('no token → 401 NO_AUTH_FOUND; unknown → invalid_token; expired → expired_token', async () => {
			const none = await call(rest(), 'profile');
			expect(none.status).toBe(401);
			expect(none.body).toEqual({
				error: 'NO_AUTH_FOUND',
				error_description: 'Wrong authorization data',
			});
			expect(sb.log[0].auth).toBe('none');

			const unknown = await call(rest(), 'profile', { auth: 'nosuchtoken' });
			expect(unknown.status).toBe(401);
			expect(unknown.body.error).toBe('invalid_token');

			const { access_token: token } = sb.issueTokens();
			sb.expireAccessTokens();
			const expired = await call(rest(), 'profile', { auth: token });
			expect(expired.status).toBe(401);
			expect(expired.body).toEqual({
				error: 'expired_token',
				error_description: 'The access token provided has expired',
			});

			const fresh = sb.issueTokens();
			expect((await call(rest(), 'profile', { auth: fresh.access_token })).status).toBe(200);
			clock.advance(3600 * 1000);
			expect((await call(rest(), 'profile', { auth: fresh.access_token })).body.error).toBe(
				'expired_token',
			);
		});

		test('issueTokens returns the full token response', () => {
			const tokens = sb.issueTokens({ userId: 1 });
			expect(tokens).toEqual({
				access_token: expect.stringMatching(/^[a-z0-9]{32}$/),
				refresh_token: expect.stringMatching(/^[a-z0-9]{32}$/),
				expires: Math.floor(clock.now() / 1000) + 3600,
				expires_in: 3600,
				scope: expect.stringContaining('crm'),
				domain: new URL(sb.url).host,
				server_endpoint: `${sb.url}/rest/`,
				client_endpoint: `${sb.url}/rest/`,
				member_id: expect.stringMatching(/^[0-9a-f]{32}$/),
				user_id: 1,
				status: 'L',
			});
		});

		test('app.info differs between webhook and OAuth', async () => {
			const viaWebhook = await call(sb.webhookUrl, 'app.info');
			expect(viaWebhook.body.result).toEqual({
				SCOPE: expect.arrayContaining(['crm']),
				LICENSE: expect.any(String),
			});
			const viaOAuth = await call(rest(), 'app.info', { auth: sb.issueTokens().access_token });
			expect(viaOAuth.body.result).toMatchObject({
				CODE: 'local.sandbox.app',
				STATUS: 'L',
				INSTALLED: true,
			});
		});

		test('event.bind/get/unbind work for OAuth callers', async () => {
			const auth = sb.issueTokens().access_token;
			const bind = await call(rest(), 'event.bind', {
				auth,
				event: 'onCrmLeadAdd',
				handler: 'http://localhost:5678/hook',
			});
			expect(bind.body.result).toBe(true);
			const dup = await call(rest(), 'event.bind', {
				auth,
				event: 'ONCRMLEADADD',
				handler: 'http://localhost:5678/hook',
			});
			expect(dup.body.error).toBe('ERROR_CORE');
			const unknown = await call(rest(), 'event.bind', {
				auth,
				event: 'ONNOTHING',
				handler: 'http://localhost/h',
			});
			expect(unknown.body.error).toBe('ERROR_EVENT_NOT_FOUND');
			const list = await call(rest(), 'event.get', { auth });
			expect(list.body.result).toEqual([
				{
					event: 'ONCRMLEADADD',
					handler: 'http://localhost:5678/hook',
					auth_type: '0',
					offline: 0,
				},
			]);
			const unbind = await call(rest(), 'event.unbind', {
				auth,
				event: 'ONCRMLEADADD',
				handler: 'http://localhost:5678/hook',
			});
			expect(unbind.body.result).toEqual({ count: 1 });
		});
	});

	describe('token endpoint /oauth/token/', () => {
		const tokenUrl = () => `${sb.url}/oauth/token/`;
		const base = { client_id: 'local.sandbox.app', client_secret: 'sandbox-secret' };
		const get = async (params) => {
			const res = await fetch(`${tokenUrl()}?${httpBuildQuery(params)}`);
			return { status: res.status, body: await res.json() };
		};
		const post = async (params) => {
			const res = await fetch(tokenUrl(), {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: httpBuildQuery(params),
			});
			return { status: res.status, body: await res.json() };
		};

		test('authorization_code via GET, refresh via POST; refresh tokens rotate', async () => {
			const code = sb.issueAuthorizationCode({ userId: 2 });
			const first = await get({ ...base, grant_type: 'authorization_code', code });
			expect(first.status).toBe(200);
			expect(first.body).toMatchObject({
				user_id: 2,
				expires_in: 3600,
				expires: expect.any(Number),
			});
			expect((await get({ ...base, grant_type: 'authorization_code', code })).body.error).toBe(
				'invalid_grant',
			);

			const second = await post({
				...base,
				grant_type: 'refresh_token',
				refresh_token: first.body.refresh_token,
			});
			expect(second.status).toBe(200);
			expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
			expect(second.body.user_id).toBe(2);
			const profile = await call(`${sb.url}/rest/`, 'profile', { auth: second.body.access_token });
			expect(profile.body.result.ID).toBe('2');

			const reused = await post({
				...base,
				grant_type: 'refresh_token',
				refresh_token: first.body.refresh_token,
			});
			expect(reused.status).toBe(400);
			expect(reused.body.error).toBe('invalid_grant');
			expect(sb.tokenLog.map((e) => [e.httpMethod, e.grantType, e.status, e.error])).toEqual([
				['GET', 'authorization_code', 200, null],
				['GET', 'authorization_code', 400, 'invalid_grant'],
				['POST', 'refresh_token', 200, null],
				['POST', 'refresh_token', 400, 'invalid_grant'],
			]);
		});

		test('a refresh token dies after 180 days: 400 invalid_grant', async () => {
			const { refresh_token: refresh } = sb.issueTokens();
			clock.advance(180 * 24 * 3600 * 1000);
			const late = await post({ ...base, grant_type: 'refresh_token', refresh_token: refresh });
			expect(late).toEqual({
				status: 400,
				body: { error: 'invalid_grant', error_description: 'Refresh token has expired' },
			});
		});

		test('error statuses: invalid_client 400, wrong_client 200, invalid_request 400, expired code', async () => {
			const refresh = sb.issueTokens().refresh_token;
			const wrongSecret = await post({
				...base,
				client_secret: 'nope',
				grant_type: 'refresh_token',
				refresh_token: refresh,
			});
			expect([wrongSecret.status, wrongSecret.body.error]).toEqual([400, 'invalid_client']);
			const wrongClient = await post({
				...base,
				client_id: 'other.app',
				grant_type: 'refresh_token',
				refresh_token: refresh,
			});
			expect([wrongClient.status, wrongClient.body.error]).toEqual([200, 'wrong_client']);
			const missing = await post({ ...base, grant_type: 'refresh_token' });
			expect([missing.status, missing.body.error]).toEqual([400, 'invalid_request']);
			const badGrant = await get({ ...base, grant_type: 'password' });
			expect([badGrant.status, badGrant.body.error]).toEqual([400, 'invalid_request']);

			const code = sb.issueAuthorizationCode();
			clock.advance(31 * 1000);
			const late = await get({ ...base, grant_type: 'authorization_code', code });
			expect([late.status, late.body.error]).toEqual([400, 'invalid_grant']);
		});

		test('other HTTP methods get 405', async () => {
			const res = await fetch(tokenUrl(), { method: 'PUT' });
			expect(res.status).toBe(405);
		});
	});
});

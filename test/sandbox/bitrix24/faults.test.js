'use strict';

const { startSandbox, call, httpBuildQuery } = require('./helpers');

describe('sandbox faults, request log and control API', () => {
	let sb;
	const add = (title) => call(sb.webhookUrl, 'crm.lead.add', { fields: { TITLE: title } });
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('status fault on listed requests: given status, INTERNAL_SERVER_ERROR, not executed', async () => {
		sb.faults.add({ type: 'status', status: 502, on: [2, 3] });
		const statuses = [];
		for (const t of ['a', 'b', 'c', 'd']) statuses.push((await add(t)).status);
		expect(statuses).toEqual([200, 502, 502, 200]);
		expect(sb.leads().map((l) => l.TITLE)).toEqual(['a', 'd']);
		expect(sb.log[1]).toMatchObject({
			n: 2,
			status: 502,
			error: 'INTERNAL_SERVER_ERROR',
			executed: false,
		});
		sb.faults.add({ type: 'status', status: 500, on: [5] });
		expect((await add('e')).body).toEqual({
			error: 'INTERNAL_SERVER_ERROR',
			error_description: 'Internal server error',
		});
	});

	test('rateLimit with probability is deterministic for a seed, and can be limited by method and times', async () => {
		const run = async () => {
			sb.reset();
			sb.faults.add({ type: 'rateLimit', probability: 0.5, match: { restMethod: 'server.time' } });
			const out = [];
			for (let i = 0; i < 12; i++) out.push((await call(sb.webhookUrl, 'server.time')).status);
			out.push((await call(sb.webhookUrl, 'profile')).status);
			return out;
		};
		const first = await run();
		expect(first).toContain(503);
		expect(first).toContain(200);
		expect(first[12]).toBe(200);
		expect(await run()).toEqual(first);

		sb.reset();
		sb.faults.add({ type: 'rateLimit', probability: 1, times: 2 });
		const limited = [];
		for (let i = 0; i < 4; i++) limited.push((await call(sb.webhookUrl, 'server.time')).status);
		expect(limited).toEqual([503, 503, 200, 200]);
		expect(sb.log[0].error).toBe('QUERY_LIMIT_EXCEEDED');
	});

	test('dropBefore: connection closed, nothing executed', async () => {
		sb.faults.add({ type: 'dropBefore', on: [1] });
		await expect(add('lost')).rejects.toThrow();
		expect(sb.leads()).toEqual([]);
		expect(sb.log[0]).toMatchObject({ dropped: true, executed: false, status: null });
		expect((await add('next')).status).toBe(200);
	});

	test('dropAfter: executed (data changed), then the connection is closed', async () => {
		sb.faults.add({ type: 'dropAfter', on: [1], match: { restMethod: 'crm.lead.add' } });
		await expect(add('written')).rejects.toThrow();
		expect(sb.leads().map((l) => l.TITLE)).toEqual(['written']);
		expect(sb.log[0]).toMatchObject({ dropped: true, executed: true });
	});

	test('expireTokens: request n gets 401 expired_token, a new token works', async () => {
		const { access_token: token } = sb.issueTokens();
		sb.faults.add({ type: 'expireTokens', on: [2] });
		const rest = `${sb.url}/rest/`;
		expect((await call(rest, 'profile', { auth: token })).status).toBe(200);
		const expired = await call(rest, 'profile', { auth: token });
		expect([expired.status, expired.body.error]).toEqual([401, 'expired_token']);
		expect((await call(rest, 'profile', { auth: sb.issueTokens().access_token })).status).toBe(200);
	});

	test('operatingLimit: 429 OPERATION_TIME_LIMIT, not executed', async () => {
		sb.faults.add({ type: 'operatingLimit', on: [1] });
		const res = await add('blocked');
		expect([res.status, res.body.error]).toEqual([429, 'OPERATION_TIME_LIMIT']);
		expect(sb.leads()).toEqual([]);
	});

	test('invalid faults are rejected', () => {
		expect(() => sb.faults.add({ type: 'explode', on: [1] })).toThrow(/Unknown fault type/);
		expect(() => sb.faults.add({ type: 'rateLimit' })).toThrow(/on.*probability/);
		expect(() => sb.faults.add({ type: 'status', on: [1] })).toThrow(/status/);
	});

	test('the log never contains the webhook code, tokens or secrets', async () => {
		const tokens = sb.issueTokens();
		const rest = `${sb.url}/rest/`;
		await call(rest, 'profile', { auth: tokens.access_token }, { as: 'get' });
		await call(
			rest,
			'profile',
			{},
			{ headers: { Authorization: `Bearer ${tokens.access_token}` } },
		);
		await call(sb.webhookUrl, 'crm.lead.add', {
			fields: { TITLE: `token ${tokens.refresh_token} code sbx4wh00k5ecr3t secret sandbox-secret` },
		});
		await call(`${sb.url}/rest/1/sbx4wh00k5ecr3tX/`, 'profile');
		await call(sb.webhookUrl, 'batch', { cmd: { a: `profile?auth=${tokens.access_token}` } });
		await fetch(
			`${sb.url}/oauth/token/?${httpBuildQuery({ grant_type: 'refresh_token', client_id: 'local.sandbox.app', client_secret: 'sandbox-secret', refresh_token: tokens.refresh_token })}`,
		);
		const dump = JSON.stringify([sb.log, sb.tokenLog]);
		for (const secret of [
			tokens.access_token,
			tokens.refresh_token,
			'sbx4wh00k5ecr3t',
			'sandbox-secret',
		]) {
			expect(dump).not.toContain(secret);
		}
		expect(sb.log[2].path).toBe('/rest/1/***/crm.lead.add');
		expect(sb.log[3].path).toBe('/rest/1/***/profile');
		expect(sb.log[2].params.fields.TITLE).toBe('token *** code *** secret ***');
	});

	test('log entries have the documented shape', async () => {
		await call(sb.webhookUrl, 'batch', { cmd: { t: 'server.time' } });
		expect(sb.log[0]).toEqual({
			n: 1,
			at: expect.any(Number),
			httpMethod: 'POST',
			path: '/rest/1/***/batch',
			restMethod: 'batch',
			auth: 'webhook',
			status: 200,
			error: null,
			executed: true,
			dropped: false,
			batch: { commands: 1, methods: ['server.time'] },
			params: { cmd: { t: 'server.time' } },
			inFlight: 1,
		});
		sb.clearLog();
		await call(sb.webhookUrl, 'server.time');
		expect(sb.log.map((e) => e.n)).toEqual([1]);
	});

	test('control API over HTTP', async () => {
		const post = async (path, body) => {
			const res = await fetch(`${sb.url}/_sandbox/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: res.status, body: await res.json() };
		};
		const get = async (path) => (await fetch(`${sb.url}/_sandbox/${path}`)).json();

		expect((await post('seed/leads', { count: 3, fields: { TITLE: 'Seeded {i}' } })).body).toEqual({
			count: 3,
			firstId: 1,
			lastId: 3,
		});
		expect((await get('leads')).map((l) => l.TITLE)).toEqual(['Seeded 1', 'Seeded 2', 'Seeded 3']);

		expect(
			(await post('faults', { type: 'status', status: 500, on: [1] })).body.faults,
		).toHaveLength(1);
		expect((await post('faults', { type: 'nope' })).status).toBe(400);
		expect((await call(sb.webhookUrl, 'server.time')).status).toBe(500);
		await post('faults/clear');
		expect((await call(sb.webhookUrl, 'server.time')).status).toBe(200);
		expect((await get('log')).map((e) => e.status)).toEqual([500, 200]);
		await post('log/clear');
		expect(await get('log')).toEqual([]);

		const tokens = (await post('oauth/tokens', { userId: 2 })).body;
		expect(tokens.user_id).toBe(2);
		const rest = `${sb.url}/rest/`;
		expect((await call(rest, 'profile', { auth: tokens.access_token })).body.result.ID).toBe('2');
		await post('expire-tokens');
		expect((await call(rest, 'profile', { auth: tokens.access_token })).body.error).toBe(
			'expired_token',
		);

		const { code } = (await post('oauth/code', {})).body;
		expect(code).toMatch(/^[a-z0-9]{32}$/);
		const info = await get('info');
		expect(info).toMatchObject({
			url: sb.url,
			webhookUrl: sb.webhookUrl,
			oauth: { clientId: 'local.sandbox.app' },
		});

		await post('reset');
		expect(await get('leads')).toEqual([]);
		expect(sb.log).toEqual([]);
	});
});

'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox request parsing and envelope', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2026, 4, 14, 7, 26, 32, 500));
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now, utcOffsetMinutes: 120 });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('success envelope: result, time with float seconds and ISO dates, JSON content type', async () => {
		const res = await call(sb.webhookUrl, 'server.time');
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.body).toEqual({
			result: '2026-05-14T09:26:32+02:00',
			time: {
				start: 1778743592.5,
				finish: 1778743592.5,
				duration: 0,
				processing: expect.any(Number),
				date_start: '2026-05-14T09:26:32+02:00',
				date_finish: '2026-05-14T09:26:32+02:00',
			},
		});
	});

	test('errors have no time object', async () => {
		const res = await call(sb.webhookUrl, 'crm.lead.get', { id: 999 });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ error: '', error_description: 'Not found' });
	});

	test('JSON, form with bracket notation and query string all reach the method alike', async () => {
		const fields = { TITLE: 'Tabs & spaces', PHONE: [{ VALUE: '+1 555', VALUE_TYPE: 'WORK' }] };
		for (const as of ['json', 'form', 'get']) {
			const res = await call(sb.webhookUrl, 'crm.lead.add', { fields }, { as });
			expect(res.status).toBe(200);
		}
		expect(sb.leads().map((l) => [l.TITLE, l.PHONE[0].VALUE])).toEqual([
			['Tabs & spaces', '+1 555'],
			['Tabs & spaces', '+1 555'],
			['Tabs & spaces', '+1 555'],
		]);
		// Form values are strings, JSON keeps types.
		expect(sb.log[1].params).toEqual({
			fields: { TITLE: 'Tabs & spaces', PHONE: [{ VALUE: '+1 555', VALUE_TYPE: 'WORK' }] },
		});
	});

	test('body keys win over query keys; invalid JSON becomes {}', async () => {
		await call(sb.webhookUrl, 'crm.lead.add', { fields: { TITLE: 'seed' } });
		const res = await fetch(`${sb.webhookUrl}crm.lead.get?id=999`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ id: 1 }),
		});
		expect((await res.json()).result.TITLE).toBe('seed');

		const broken = await fetch(`${sb.webhookUrl}crm.lead.get?id=1`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
			body: '{"id": 1,,,',
		});
		expect((await broken.json()).result.ID).toBe('1');
		expect(sb.log[2].params).toEqual({ id: '1' });
	});

	test('a text/plain body is parsed like a query string', async () => {
		const res = await fetch(`${sb.webhookUrl}crm.lead.add`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain' },
			body: 'fields[TITLE]=Plain',
		});
		expect((await res.json()).result).toBe(1);
		expect(sb.leads()[0].TITLE).toBe('Plain');
	});

	test('empty PHP arrays serialise as []', async () => {
		const res = await call(sb.webhookUrl, 'batch', { cmd: {} });
		expect(res.text).toContain(
			'"result":{"result":[],"result_error":[],"result_total":[],"result_next":[],"result_time":[]}',
		);
		const list = await call(sb.webhookUrl, 'crm.lead.list');
		expect(list.body.result).toEqual([]);
		expect(list.body.total).toBe(0);
	});

	test('method.get, methods and scope', async () => {
		const get = await call(sb.webhookUrl, 'method.get', { name: 'crm.lead.list' });
		expect(get.body.result).toEqual({ isExisting: true, isAvailable: true });
		const missing = await call(sb.webhookUrl, 'method.get', { name: 'crm.nothing' });
		expect(missing.body.result).toEqual({ isExisting: false, isAvailable: false });
		const methods = await call(sb.webhookUrl, 'methods');
		expect(methods.body.result).toEqual(
			expect.arrayContaining(['batch', 'crm.lead.add', 'user.current', 'profile']),
		);
		const scope = await call(sb.webhookUrl, 'scope');
		expect(scope.body.result).toEqual(expect.arrayContaining(['crm', 'user']));
		const user = await call(sb.webhookUrl, 'user.current');
		expect(user.body.result).toMatchObject({
			ID: '1',
			ACTIVE: true,
			EMAIL: 'admin@sandbox.local',
			UF_DEPARTMENT: [1],
		});
	});

	test('unknown paths outside /rest/ are plain 404s', async () => {
		const res = await fetch(`${sb.url}/nothing`);
		expect(res.status).toBe(404);
		expect(sb.log).toHaveLength(0);
	});
});

// Bodies anyone can POST to the Open Lines Trigger's public URL, and connector events broken in
// every way a seeded fuzzer finds: each is answered 4xx, starts nothing and sends nothing to the
// portal; the trigger never fails with a 500.
const { startPortal, restRequests } = require('../helpers/bitrix24');
const { startWebhookTrigger } = require('../helpers/triggers');
const { setUpConnector, CONNECTOR } = require('../helpers/openLines');
const {
	Bitrix24OpenLinesTrigger,
} = require('../../nodes/Bitrix24OpenLinesTrigger/Bitrix24OpenLinesTrigger.node');
const { httpBuildQuery } = require('../../sandbox/bitrix24/php-query');

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** A small seeded PRNG (mulberry32): the same cases on every run. */
function random(seed) {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('Bitrix24 Open Lines Trigger: hostile and malformed bodies', () => {
	let portal;
	let trigger;
	let token;
	beforeAll(async () => {
		portal = await startPortal();
		await setUpConnector(portal);
		trigger = await startWebhookTrigger(portal, {
			nodeClass: Bitrix24OpenLinesTrigger,
			type: 'n8n-nodes-bitrix24.bitrix24OpenLinesTrigger',
			version: 1,
			parameters: {
				connector: CONNECTOR,
				events: ['ONIMCONNECTORMESSAGEADD', 'ONIMCONNECTORDIALOGFINISH', 'ONIMCONNECTORLINEDELETE'],
			},
		});
		await trigger.activate();
		await trigger.settle();
		token = portal.applicationToken;
	});
	afterAll(async () => {
		await trigger?.stop();
		await portal.stop();
	});

	/** A well-formed operator message event, as Bitrix24 sends it. */
	const event = (data = {}) => ({
		event: 'ONIMCONNECTORMESSAGEADD',
		event_handler_id: '5',
		data: {
			CONNECTOR,
			LINE: '1',
			MESSAGES: [
				{
					im: { chat_id: '1001', message_id: '5001' },
					message: { user_id: '1', text: 'Hello' },
					chat: { id: 'chat-1' },
				},
			],
			...data,
		},
		ts: '1796292000',
		auth: { application_token: token, domain: 'portal.example.com' },
	});

	/** What each body must get, and that nothing started and nothing reached the portal. */
	async function expectRefused(cases) {
		const requests = restRequests(portal);
		const before = trigger.started().length;
		const statuses = [];
		for (const [name, body, type = FORM] of cases)
			statuses.push([name, await trigger.post(body, type)]);
		await trigger.settle();
		expect(statuses.filter(([, status]) => status < 400 || status >= 500)).toEqual([]);
		expect(trigger.started().length).toBe(before);
		expect(restRequests(portal)).toBe(requests);
		expect(trigger.received.filter((r) => r.error || r.status >= 500)).toEqual([]);
		return statuses;
	}

	it('takes the well-formed event (the fuzzer starts from something valid)', async () => {
		expect(await trigger.post(httpBuildQuery(event()))).toBe(200);
		await trigger.settle();
		expect(trigger.started().at(-1)[0].json.message.text).toBe('Hello');
	});

	it('answers 401 to a foreign or missing token and 400 to what is no Bitrix24 event', async () => {
		const statuses = await expectRefused([
			['no token', httpBuildQuery({ ...event(), auth: {} })],
			[
				'a foreign token',
				httpBuildQuery({ ...event(), auth: { application_token: 'f'.repeat(32) } }),
			],
			[
				'a token list',
				`${httpBuildQuery({ ...event(), auth: {} })}&auth[application_token][]=${token}`,
			],
			['no event name', httpBuildQuery({ ...event(), event: '' })],
			['an event name with spaces', httpBuildQuery({ ...event(), event: 'ON IM' })],
			['a JSON list', '[1,2]', JSON_TYPE],
			['plain text', 'hello', 'text/plain'],
		]);
		expect(statuses.map(([, status]) => status)).toEqual([401, 401, 401, 400, 400, 400, 400]);
	});

	it('answers 400 to connector events of the wrong shape, form or JSON', async () => {
		const message = (change) => [
			{
				im: { chat_id: '1001', message_id: '5001' },
				message: { user_id: '1', text: 'Hello' },
				chat: { id: 'chat-1' },
				...change,
			},
		];
		const cases = [
			['no MESSAGES', { MESSAGES: undefined }],
			['MESSAGES a text', { MESSAGES: 'hello' }],
			[
				'a chat_id that is no number',
				{ MESSAGES: message({ im: { chat_id: 'x', message_id: '1' } }) },
			],
			['no message_id', { MESSAGES: message({ im: { chat_id: '1' } }) }],
			['no channel chat', { MESSAGES: message({ chat: {} }) }],
			['neither text nor files', { MESSAGES: message({ message: { user_id: '1' } }) }],
			['a LINE that is no number', { LINE: 'one' }],
			['no CONNECTOR', { CONNECTOR: undefined }],
			['101 messages', { MESSAGES: Array(101).fill(message()[0]) }],
		];
		const asForm = cases.map(([name, data]) => [`${name} (form)`, httpBuildQuery(event(data))]);
		const asJson = cases.map(([name, data]) => [
			`${name} (JSON)`,
			JSON.stringify(event(data)),
			JSON_TYPE,
		]);
		const statuses = await expectRefused([
			...asForm,
			...asJson,
			[
				'a sparse list',
				`${httpBuildQuery(event({ MESSAGES: undefined }))}&data[MESSAGES][1][im][chat_id]=1`,
			],
			['__proto__ in data', `${httpBuildQuery(event())}&data[__proto__][x]=1`],
			[
				'a dialog event without DATA',
				httpBuildQuery({ ...event(), event: 'ONIMCONNECTORDIALOGFINISH' }),
			],
			[
				'a deleted line that is no number',
				httpBuildQuery({ ...event(), event: 'ONIMCONNECTORLINEDELETE', data: 'x' }),
			],
		]);
		expect(new Set(statuses.map(([, status]) => status))).toEqual(new Set([400]));
		expect({}.x).toBeUndefined();
	});

	it('answers 4xx to 300 seeded mutations that break the event, and never 5xx', async () => {
		const next = random(15);
		const pick = (list) => list[Math.floor(next() * list.length)];
		const garbage = () =>
			pick([
				'',
				'x',
				'-1',
				'1.5',
				'9'.repeat(30),
				'[]',
				'{}',
				'%00',
				'\u0000',
				'null',
				'ONAPPTEST',
			]);
		const required = [
			'data[CONNECTOR]',
			'data[LINE]',
			'data[MESSAGES][0][im][chat_id]',
			'data[MESSAGES][0][im][message_id]',
			'data[MESSAGES][0][chat][id]',
		];
		const numeric = [
			'data[LINE]',
			'data[MESSAGES][0][im][chat_id]',
			'data[MESSAGES][0][im][message_id]',
		];
		const cases = [];
		for (let n = 0; n < 300; n++) {
			const fields = new URLSearchParams(httpBuildQuery(event()));
			const kind = pick(['drop', 'number', 'reshape', 'nest', 'token']);
			if (kind === 'drop') fields.delete(pick(required));
			else if (kind === 'number')
				fields.set(pick(numeric), pick(['x', '-1', '1.5', '', '9'.repeat(30)]));
			else if (kind === 'reshape')
				fields.set(pick(required).replace(/\]$/, '][deeper]'), garbage());
			else if (kind === 'nest') {
				const name = pick(required);
				fields.delete(name);
				fields.set(`${name}[${garbage() || 'k'}]`, garbage());
			} else fields.set('auth[application_token]', garbage());
			cases.push([`#${n} ${kind}`, fields.toString()]);
		}
		const statuses = await expectRefused(cases);
		expect(statuses).toHaveLength(300);
	});
});

// Bodies anyone can POST to a trigger's public URL: each is answered 400 or 401 quickly, nothing
// starts, nothing is sent to the portal, nothing is polluted, and nothing fails with a 500.
const { startPortal, restRequests } = require('../helpers/bitrix24');
const { startWebhookTrigger } = require('../helpers/triggers');

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** `a[x][x]…` with `levels` brackets. */
const deepName = (levels) => `data${'[x]'.repeat(levels)}`;

/** JSON nested `levels` objects deep below `data`. */
const deepJson = (levels) => `${'{"x":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('Bitrix24 Trigger: hostile bodies', () => {
	let portal;
	let trigger;
	let token;
	beforeAll(async () => {
		portal = await startPortal();
		trigger = await startWebhookTrigger(portal, { parameters: { events: ['ONCRMLEADADD'] } });
		await trigger.activate();
		await trigger.settle();
		token = portal.applicationToken;
	});
	afterAll(async () => {
		await trigger?.stop();
		await portal.stop();
	});

	const valid = () => `event=ONCRMLEADADD&data[FIELDS][ID]=5&auth[application_token]=${token}`;

	const cases = () => [
		// Nesting: PHP stops at 64 levels; so does the trigger.
		['1,000,000 levels, valid token', `${valid()}&${deepName(1000000)}=1`, FORM, 400],
		['1,000,000 levels, no token', `event=ONCRMLEADADD&${deepName(1000000)}=1`, FORM, 401],
		['65 levels', `${valid()}&${deepName(65)}=1`, FORM, 400],
		// Keys: long segments and a 2 MB name.
		['a 257-character key', `${valid()}&data[${'k'.repeat(257)}]=1`, FORM, 400],
		['a 2 MB key', `${valid()}&${'k'.repeat(2 * 1024 * 1024)}=1`, FORM, 400],
		[
			'a 2 MB key in brackets, no token',
			`event=ONCRMLEADADD&data[${'k'.repeat(2 * 1024 * 1024)}]=1`,
			FORM,
			401,
		],
		['a 5 MB value', `${valid()}&data[FIELDS][TITLE]=${'v'.repeat(5 * 1024 * 1024)}`, FORM, 400],
		// Prototype keys anywhere.
		['__proto__ at the top', `${valid()}&__proto__[polluted]=1`, FORM, 400],
		['__proto__ inside data', `${valid()}&data[__proto__][polluted]=1`, FORM, 400],
		['constructor.prototype', `${valid()}&data[constructor][prototype][polluted]=1`, FORM, 400],
		['prototype as a leaf', `${valid()}&data[FIELDS][prototype]=1`, FORM, 400],
		// Shapes: lists where one value belongs, conflicting names.
		['two tokens', `${valid()}&auth[application_token]=${token}`, FORM, 400],
		['two event names', `${valid()}&event=ONCRMLEADADD`, FORM, 400],
		['a token list', `event=ONCRMLEADADD&auth[application_token][]=${token}`, FORM, 401],
		['a value that is also a container', `${valid()}&data[FIELDS]=1`, FORM, 400],
		['a sparse list index', `${valid()}&data[list][]=a&data[list][99999999]=b`, FORM, 400],
		['an unclosed bracket', `${valid()}&data[FIELDS=1`, FORM, 400],
		['text after a bracket', `${valid()}&data[FIELDS]x=1`, FORM, 400],
		// JSON bodies arrive nested: the same bounds, walked with a depth limit.
		[
			'JSON 1,000,000 levels',
			`{"event":"ONCRMLEADADD","auth":{"application_token":"${token}"},"data":${deepJson(1000000)}}`,
			JSON_TYPE,
			400,
		],
		[
			'JSON 65 levels',
			`{"event":"ONCRMLEADADD","auth":{"application_token":"${token}"},"data":${deepJson(65)}}`,
			JSON_TYPE,
			400,
		],
		[
			'JSON __proto__',
			`{"event":"ONCRMLEADADD","auth":{"application_token":"${token}"},"data":{"__proto__":{"polluted":1}}}`,
			JSON_TYPE,
			400,
		],
		[
			'JSON token list',
			`{"event":"ONCRMLEADADD","auth":{"application_token":["${token}"]}}`,
			JSON_TYPE,
			400,
		],
		['JSON auth list', `{"event":"ONCRMLEADADD","auth":["${token}"]}`, JSON_TYPE, 401],
		[
			'JSON event object',
			`{"event":{"name":"ONCRMLEADADD"},"auth":{"application_token":"${token}"}}`,
			JSON_TYPE,
			400,
		],
		[
			'JSON 1,001 values',
			`{"event":"ONCRMLEADADD","auth":{"application_token":"${token}"},"data":[${Array(1001).fill(1)}]}`,
			JSON_TYPE,
			400,
		],
		[
			'JSON both shapes',
			`{"event":"ONCRMLEADADD","auth":{"application_token":"${token}"},"auth[application_token]":"${token}"}`,
			JSON_TYPE,
			400,
		],
		['JSON list', '[1,2,3]', JSON_TYPE, 400],
	];

	it('answers each with 400 or 401: nothing started, no request to the portal, no pollution, no 500', async () => {
		const requests = restRequests(portal);
		const statuses = [];
		for (const [name, body, type] of cases()) statuses.push([name, await trigger.post(body, type)]);
		expect(statuses).toEqual(cases().map(([name, , , status]) => [name, status]));
		expect(trigger.started()).toEqual([]);
		expect(restRequests(portal)).toBe(requests);
		expect({}.polluted).toBeUndefined();
		expect(trigger.received.filter((r) => r.error || r.status >= 500)).toEqual([]);
		expect(JSON.stringify(trigger.staticData)).not.toContain('polluted');
	});

	it('takes the largest allowed bodies: 64 levels by form and by JSON', async () => {
		trigger.received.length = 0;
		expect(await trigger.post(`${valid()}&${deepName(64)}=deep`)).toBe(200);
		expect(
			await trigger.post(
				`{"event":"ONCRMLEADADD","auth":{"application_token":"${token}"},"data":{"FIELDS":{"ID":"6"},"x":${deepJson(63)}}}`,
				JSON_TYPE,
			),
		).toBe(200);
		await trigger.settle();
		const [form, json] = trigger.started().map(([item]) => item.json);
		let node = form.data;
		for (let level = 0; level < 64; level++) node = node.x;
		expect(node).toBe('deep');
		expect(json).toMatchObject({ event: 'ONCRMLEADADD', id: 6 });
	});
});

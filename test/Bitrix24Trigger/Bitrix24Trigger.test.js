const { startPortal, restRequests } = require('../helpers/bitrix24');
const { startWebhookTrigger } = require('../helpers/triggers');
const { portalCall } = require('../helpers/portalCall');
const { Bitrix24Trigger } = require('../../nodes/Bitrix24Trigger/Bitrix24Trigger.node');

async function post(url, body, type = 'application/x-www-form-urlencoded') {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
	return response.status;
}

describe('Bitrix24 Trigger (webhook)', () => {
	let portal;
	let trigger;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await trigger?.stop();
		trigger = undefined;
		await portal.stop();
	});

	it('subscribes itself with OAuth2 on activation, without duplicates, and unsubscribes on deactivation', async () => {
		trigger = await startWebhookTrigger(portal, {
			parameters: { events: ['ONCRMLEADADD', 'ONTASKADD'], customEvents: 'oncrmdealupdate' },
			applicationToken: portal.applicationToken,
		});
		expect(await trigger.checkExists()).toBe(false);
		await trigger.activate();
		const mine = () =>
			portal
				.eventBindings()
				.filter((binding) => binding.handler === trigger.url)
				.map((binding) => binding.event)
				.sort();
		expect(mine()).toEqual(['ONCRMDEALUPDATE', 'ONCRMLEADADD', 'ONTASKADD']);
		expect(await trigger.checkExists()).toBe(true);
		await trigger.activate();
		expect(mine()).toHaveLength(3);
		await trigger.deactivate();
		expect(mine()).toEqual([]);
		expect(await trigger.checkExists()).toBe(false);
	});

	it('explains a refused subscription', async () => {
		portal.setEventOptions({ unreachableEventHandlerHosts: ['127.0.0.1'] });
		trigger = await startWebhookTrigger(portal, {
			parameters: { events: ['ONCRMLEADADD'] },
			applicationToken: portal.applicationToken,
		});
		await expect(trigger.activate()).rejects.toThrow(
			/^Bitrix24 refused to send ONCRMLEADADD to this trigger: /,
		);
	});

	it('starts the workflow with the parsed event and the full record, and no token in the output', async () => {
		trigger = await startWebhookTrigger(portal, {
			parameters: { events: ['ONCRMLEADADD', 'ONTASKCOMMENTADD'] },
		});
		await trigger.activate();
		const leadId = await portalCall(portal, 'crm.lead.add', {
			fields: { TITLE: 'From the portal' },
		});
		const task = await portalCall(portal, 'tasks.task.add', {
			fields: { TITLE: 'T', RESPONSIBLE_ID: 1 },
		});
		const commentId = await portalCall(portal, 'task.commentitem.add', {
			TASKID: task.task.id,
			FIELDS: { POST_MESSAGE: 'Looks good' },
		});
		await trigger.settle();

		const started = trigger.started();
		expect(started).toHaveLength(2);
		const [lead, comment] = started.map(([item]) => item.json);
		expect(lead).toMatchObject({
			event: 'ONCRMLEADADD',
			id: leadId,
			data: { FIELDS: { ID: String(leadId) } },
			record: { ID: String(leadId), TITLE: 'From the portal' },
			portal: { domain: new URL(portal.url).host },
		});
		expect(lead.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(comment).toMatchObject({
			event: 'ONTASKCOMMENTADD',
			id: commentId,
			taskId: Number(task.task.id),
			record: { POST_MESSAGE: 'Looks good' },
		});
		const text = JSON.stringify(started);
		expect(text).not.toMatch(/access_token|refresh_token|application_token/);
		expect(text).not.toContain(portal.applicationToken);
		expect(trigger.received.every((r) => r.status === 200)).toBe(true);
	});

	it('rejects a forged event with another application token, starting nothing', async () => {
		trigger = await startWebhookTrigger(portal, { parameters: { events: ['ONCRMLEADADD'] } });
		await trigger.activate();
		await portalCall(portal, 'crm.lead.add', { fields: { TITLE: 'Genuine' } });
		await trigger.settle();
		expect(trigger.started()).toHaveLength(1);
		const forged = new URLSearchParams({
			event: 'ONCRMLEADADD',
			'data[FIELDS][ID]': '1',
			ts: '1700000000',
			'auth[domain]': new URL(portal.url).host,
			'auth[application_token]': 'not-the-token',
			'auth[access_token]': 'made-up',
		}).toString();
		expect(await post(trigger.url, forged)).toBe(401);
		expect(trigger.started()).toHaveLength(1);
	});

	it('with the webhook credential, takes events from an outgoing webhook that carries the configured token', async () => {
		const token = 'outgoing-webhook-token-1';
		trigger = await startWebhookTrigger(portal, {
			auth: 'webhook',
			version: 1,
			parameters: { events: ['ONCRMDEALADD'], applicationToken: token },
		});
		const bindingsBefore = portal.eventBindings().length;
		await trigger.activate();
		expect(portal.eventBindings()).toHaveLength(bindingsBefore);
		const outgoing = portal.addOutgoingWebhook({
			url: trigger.url,
			events: ['ONCRMDEALADD'],
			applicationToken: token,
		});
		const dealId = await portalCall(portal, 'crm.deal.add', { fields: { TITLE: 'Big deal' } });
		await trigger.settle();
		const [[item]] = trigger.started();
		expect(item.json).toMatchObject({
			event: 'ONCRMDEALADD',
			id: dealId,
			record: { TITLE: 'Big deal' },
		});

		const other = portal.addOutgoingWebhook({ url: trigger.url, events: ['ONCRMDEALADD'] });
		expect(other.applicationToken).not.toBe(outgoing.applicationToken);
		portal.clearEventLog();
		await portalCall(portal, 'crm.deal.add', { fields: { TITLE: 'Second' } });
		await trigger.settle();
		expect(
			trigger.received
				.slice(-2)
				.map((r) => r.status)
				.sort(),
		).toEqual([200, 401]);
		expect(trigger.started()).toHaveLength(2);
	});

	it('version 2 reads the token from a Bitrix24 Application Token credential (outgoing webhook mode)', async () => {
		trigger = await startWebhookTrigger(portal, {
			auth: 'webhook',
			parameters: { events: ['ONCRMDEALADD'], applicationToken: 'ignored-in-version-2' },
			applicationToken: 'credential-token-2',
		});
		await trigger.activate();
		portal.addOutgoingWebhook({
			url: trigger.url,
			events: ['ONCRMDEALADD'],
			applicationToken: 'credential-token-2',
		});
		portal.addOutgoingWebhook({
			url: trigger.url,
			events: ['ONCRMDEALADD'],
			applicationToken: 'ignored-in-version-2',
		});
		const dealId = await portalCall(portal, 'crm.deal.add', {
			fields: { TITLE: 'Via credential' },
		});
		await trigger.settle();
		expect(trigger.received.map((r) => r.status).sort()).toEqual([200, 401]);
		const [[item]] = trigger.started();
		expect(item.json).toMatchObject({ event: 'ONCRMDEALADD', id: dealId });
		expect(JSON.stringify(trigger.started())).not.toContain('credential-token-2');
	});

	it('version 2 in outgoing-webhook mode without the credential fails activation with the fix', async () => {
		trigger = await startWebhookTrigger(portal, {
			auth: 'webhook',
			parameters: { events: ['ONCRMDEALADD'] },
		});
		const failure = await trigger.activate().catch((error) => error);
		expect(failure.message).toBe("The outgoing webhook's application token is missing");
		expect(failure.description).toMatch(
			/Developer resources → Other → Outgoing webhook\. Put it in a Bitrix24 Application Token credential/,
		);
		expect(await trigger.post(`event=ONCRMDEALADD&auth[application_token]=anything`)).toBe(401);
		expect(trigger.started()).toEqual([]);
	});

	it('version 2 with OAuth2 and the credential subscribes without ONAPPTEST and trusts the configured token', async () => {
		trigger = await startWebhookTrigger(portal, {
			parameters: { events: ['ONCRMLEADADD'] },
			applicationToken: portal.applicationToken,
		});
		await trigger.activate();
		const methods = portal.log.map((entry) => entry.restMethod);
		expect(methods).not.toContain('event.test');
		expect(
			portal.log.filter((e) => e.restMethod === 'event.bind').map((e) => e.params.event),
		).toEqual(['ONCRMLEADADD']);
		await portalCall(portal, 'crm.lead.add', { fields: { TITLE: 'Configured' } });
		await trigger.settle();
		expect(trigger.started()).toHaveLength(1);
		expect(trigger.staticData).toEqual({});
	});

	it("the credential's test accepts a token and explains an empty one", async () => {
		const { credentialTest } = new Bitrix24Trigger().methods;
		const check = (applicationToken) =>
			credentialTest.applicationTokenTest.call({}, { data: { applicationToken } });
		expect(await check('k3r1ebg5yxv6s0c0kqk8ofbnnyh7u1cq')).toMatchObject({ status: 'OK' });
		expect(await check('  ')).toMatchObject({ status: 'Error' });
		expect(await check('two words')).toMatchObject({ status: 'Error' });
	});

	it('rejects malformed bodies (fuzzed) with 400/401 and never starts', async () => {
		trigger = await startWebhookTrigger(portal, {
			auth: 'webhook',
			version: 1,
			parameters: { events: ['ONCRMLEADADD'], applicationToken: 'secret-token' },
		});
		const valid = {
			event: 'ONCRMLEADADD',
			'data[FIELDS][ID]': '5',
			'auth[application_token]': 'secret-token',
		};
		const bodies = [
			['', 'application/x-www-form-urlencoded'],
			['{"event": "ONCRMLEADADD"', 'application/json'],
			['[1,2,3]', 'application/json'],
			['event=ONCRMLEADADD', 'application/x-www-form-urlencoded'],
			['event=&auth[application_token]=secret-token', 'application/x-www-form-urlencoded'],
			[
				'event=DROP TABLE&auth[application_token]=secret-token',
				'application/x-www-form-urlencoded',
			],
			['event=ONCRMLEADADD&auth=secret-token', 'application/x-www-form-urlencoded'],
			['event=ONCRMLEADADD&auth[application_token]=', 'application/x-www-form-urlencoded'],
			[
				'event=ONCRMLEADADD&data[__proto__][x]=1&auth[application_token]=secret-token',
				'application/x-www-form-urlencoded',
			],
			[
				'event=ONCRMLEADADD&a]b[=1&auth[application_token]=secret-token',
				'application/x-www-form-urlencoded',
			],
			[
				'event=ONCRMLEADADD&data=1&data[FIELDS]=2&auth[application_token]=secret-token',
				'application/x-www-form-urlencoded',
			],
			[
				'event[]=ONCRMLEADADD&auth[application_token]=secret-token',
				'application/x-www-form-urlencoded',
			],
			[
				new URLSearchParams({ ...valid, 'auth[application_token]': 'secret-tokeN' }).toString(),
				'application/x-www-form-urlencoded',
			],
		];
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		// Fuzz: the valid body with its event or token name broken by a stray bracket or dropped.
		for (let i = 0; i < 40; i++) {
			const victim = random() > 0.5 ? 'event' : 'auth[application_token]';
			const entries = Object.entries(valid).flatMap(([key, value]) => {
				if (key !== victim) return [[key, value]];
				if (random() < 0.2) return [];
				const cut = Math.floor(random() * (key.length + 1));
				return [[key.slice(0, cut) + (random() > 0.5 ? '[' : ']') + key.slice(cut), value]];
			});
			bodies.push([new URLSearchParams(entries).toString(), 'application/x-www-form-urlencoded']);
		}
		for (const [body, type] of bodies) {
			const status = await post(trigger.url, body, type);
			expect([400, 401]).toContain(status);
		}
		expect(trigger.started()).toEqual([]);
		expect(await post(trigger.url, new URLSearchParams(valid).toString())).toBe(200);
		await trigger.settle();
		expect(trigger.started()).toHaveLength(1);
		expect(restRequests(portal)).toBe(1);
	});
});

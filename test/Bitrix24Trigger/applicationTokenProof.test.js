// OAuth2 without a configured token: the trigger learns the application token only from an
// ONAPPTEST carrying its own proof (event.test), and nothing else can change what it trusts.
const crypto = require('node:crypto');
const { startPortal, restRequests } = require('../helpers/bitrix24');
const { startWebhookTrigger } = require('../helpers/triggers');
const { portalCall } = require('../helpers/portalCall');

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');
const form = (fields) => new URLSearchParams(fields).toString();
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('Bitrix24 Trigger: application token from proof (OAuth2)', () => {
	const parameters = { events: ['ONCRMDEALUPDATE'] };
	let portal;
	let trigger;
	const triggers = [];
	const start = async (options = {}) => {
		const started = await startWebhookTrigger(portal, { parameters, ...options });
		triggers.push(started);
		return started;
	};
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		for (const started of triggers.splice(0)) await started.stop();
		await portal.stop();
	});

	/** The node's static data: what n8n would save with the workflow. */
	const learned = (t) => t.staticData['node:Trigger'] ?? {};

	/** A deal changed by a person (user 1 through the inbound webhook); its id. */
	const changeDeal = async (title) => {
		const id = await portalCall(portal, 'crm.deal.add', { fields: { TITLE: title } });
		await portalCall(portal, 'crm.deal.update', { id, fields: { STAGE_ID: 'WON' } });
		return id;
	};

	/** An event body as Bitrix24 sends it, with the tokens given. */
	const eventBody = (event, auth, data = { 'data[FIELDS][ID]': '1' }) =>
		form({
			event,
			event_handler_id: '9',
			...data,
			ts: String(nowSeconds()),
			'auth[domain]': new URL(portal.url).host,
			'auth[member_id]': portal.state.tokens.memberId,
			...Object.fromEntries(Object.entries(auth).map(([key, value]) => [`auth[${key}]`, value])),
		});

	/** An ONAPPTEST body with the proof fields given. */
	const proofBody = (token, query, extraAuth = {}) =>
		eventBody(
			'ONAPPTEST',
			{ application_token: token, ...extraAuth },
			{
				...Object.fromEntries(
					Object.entries(query).map(([key, value]) => [`data[QUERY][${key}]`, String(value)]),
				),
				'data[LANGUAGE_ID]': 'en',
			},
		);

	const sign = (t, issued, secret = portal.oauth.clientSecret, nodeId = t.ids.nodeId) =>
		crypto
			.createHmac('sha256', secret)
			.update(`${t.ids.workflowId}:${nodeId}:${issued}`)
			.digest('hex');

	it('activation binds ONAPPTEST first, calls event.test with a proof, and keeps only a hash of the token', async () => {
		trigger = await start();
		expect(await trigger.checkExists()).toBe(false);
		expect(restRequests(portal)).toBe(0);
		await trigger.activate();
		const calls = portal.log.map((entry) => [entry.restMethod, entry.params.event]);
		expect(calls).toEqual([
			['event.get', undefined],
			['event.bind', 'ONAPPTEST'],
			['event.bind', 'ONCRMDEALUPDATE'],
			['event.test', undefined],
		]);
		const { issued, proof } = portal.log[3].params;
		expect(Math.abs(issued - nowSeconds())).toBeLessThan(60);
		expect(proof).toBe(sign(trigger, issued));

		await trigger.settle();
		const [answer] = trigger.received;
		expect([answer.body.event, answer.status, answer.result.workflowData]).toEqual([
			'ONAPPTEST',
			200,
			undefined,
		]);
		expect(answer.body['auth[refresh_token]']).toEqual(expect.any(String));
		expect(learned(trigger)).toEqual({
			applicationTokenHash: sha256(portal.applicationToken),
			provenAt: issued,
		});
		const saved = JSON.stringify(trigger.staticData);
		expect(saved).not.toContain(portal.applicationToken);
		expect(saved).not.toContain(answer.body['auth[refresh_token]']);
		expect(saved).not.toContain(answer.body['auth[access_token]']);
		expect(await trigger.checkExists()).toBe(true);

		await changeDeal('Genuine');
		await trigger.settle();
		expect(trigger.started()).toHaveLength(1);

		await trigger.deactivate();
		expect(portal.eventBindings().filter((b) => b.handler === trigger.url)).toEqual([]);
	});

	it('a forged event with a valid access token of another user and a token of its choosing: 401, nothing started or learned, no request', async () => {
		trigger = await start();
		const otherUser = portal.issueTokens({ userId: 2 }).access_token;
		const forged = (token) =>
			eventBody('ONCRMDEALUPDATE', { access_token: otherUser, application_token: token });

		// Before the proof: the first event no longer teaches the trigger anything.
		expect(await trigger.post(forged('attacker-token'))).toBe(401);
		expect(learned(trigger)).toEqual({});
		expect(restRequests(portal)).toBe(0);

		await trigger.activate();
		await trigger.settle();
		const before = { ...learned(trigger) };
		const requests = restRequests(portal);
		expect(await trigger.post(forged('attacker-token'))).toBe(401);
		expect(await trigger.post(forged(''))).toBe(401);
		expect(restRequests(portal)).toBe(requests);
		expect(learned(trigger)).toEqual(before);
		expect(trigger.started()).toEqual([]);

		const dealId = await changeDeal('Still genuine');
		await trigger.settle();
		expect(trigger.started().map(([item]) => item.json.id)).toEqual([dealId]);
	});

	it('a robot change right after activation (no access token in the event) starts the workflow', async () => {
		trigger = await start();
		await trigger.activate();
		const id = await portalCall(portal, 'crm.deal.add', { fields: { TITLE: 'Robot' } });
		await portal.asRobot(() =>
			portalCall(portal, 'crm.deal.update', { id, fields: { STAGE_ID: 'WON' } }),
		);
		await trigger.settle();
		const robotEvent = trigger.received.find((r) => r.body.event === 'ONCRMDEALUPDATE');
		expect(robotEvent.body).not.toHaveProperty(['auth[access_token]']);
		expect(robotEvent.status).toBe(200);
		expect(trigger.started().map(([item]) => item.json)).toEqual([
			expect.objectContaining({
				event: 'ONCRMDEALUPDATE',
				id,
				record: expect.objectContaining({ STAGE_ID: 'WON' }),
			}),
		]);
	});

	it('after a restart (same static data) events are accepted without a new proof; without static data activation proves again', async () => {
		const first = await start();
		await first.activate();
		await first.settle();
		const saved = JSON.parse(JSON.stringify(first.staticData));
		const { port } = first;
		await first.stop();

		const restarted = await start({ staticData: saved, port });
		portal.clearLog();
		await restarted.activate();
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['event.get']);
		const dealId = await changeDeal('After restart');
		await restarted.settle();
		expect(restarted.started().map(([item]) => item.json.id)).toEqual([dealId]);
		await restarted.stop();

		// Static data lost (or a trigger from before this version): events are refused until
		// activation has proven the token again.
		const upgraded = await start({ port });
		await changeDeal('Before the proof');
		await upgraded.settle();
		expect(upgraded.received.map((r) => r.status)).toEqual([401]);
		expect(await upgraded.checkExists()).toBe(false);
		portal.clearLog();
		await upgraded.activate();
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['event.get', 'event.test']);
		await upgraded.settle();
		await changeDeal('After the proof');
		await upgraded.settle();
		expect(upgraded.started()).toHaveLength(1);
	});

	it('a forged ONAPPTEST (wrong secret, expired, future, another node, replayed, no proof) gets 401 and changes nothing', async () => {
		trigger = await start();
		// Before any proof: nothing is learned from a bad one.
		const issued = nowSeconds();
		const wrongSecret = proofBody('attacker-token', {
			issued,
			proof: sign(trigger, issued, 'guessed'),
		});
		expect(await trigger.post(wrongSecret)).toBe(401);
		expect(learned(trigger)).toEqual({});

		await trigger.activate();
		await trigger.settle();
		const genuine = trigger.received.find((r) => r.body.event === 'ONAPPTEST').body;
		const before = { ...learned(trigger) };
		const requests = restRequests(portal);
		const expired = nowSeconds() - 16 * 60;
		const future = nowSeconds() + 10 * 60;
		const bodies = [
			wrongSecret,
			proofBody('attacker-token', { issued: expired, proof: sign(trigger, expired) }),
			proofBody('attacker-token', { issued: future, proof: sign(trigger, future) }),
			proofBody('attacker-token', {
				issued,
				proof: sign(trigger, issued, portal.oauth.clientSecret, 'another-node'),
			}),
			proofBody('attacker-token', {
				issued: genuine['data[QUERY][issued]'],
				proof: genuine['data[QUERY][proof]'],
			}),
			proofBody('attacker-token', { issued }),
			proofBody('attacker-token', { issued: `${issued}.5`, proof: sign(trigger, issued) }),
			eventBody('ONAPPTEST', { application_token: 'attacker-token' }),
		];
		for (const body of bodies) expect(await trigger.post(body)).toBe(401);
		expect(learned(trigger)).toEqual(before);
		expect(restRequests(portal)).toBe(requests);
		expect(trigger.started()).toEqual([]);

		// The genuine token still works, and an ONAPPTEST with it is simply acknowledged.
		expect(
			await trigger.post(eventBody('ONAPPTEST', { application_token: portal.applicationToken })),
		).toBe(200);
		await changeDeal('Genuine');
		await trigger.settle();
		expect(trigger.started()).toHaveLength(1);

		// Only a fresh proof made with the client secret may replace the token.
		const later = Number(before.provenAt) + 1;
		expect(
			await trigger.post(
				proofBody('reinstalled-app-token', { issued: later, proof: sign(trigger, later) }),
			),
		).toBe(200);
		expect(learned(trigger).applicationTokenHash).toBe(sha256('reinstalled-app-token'));
	});

	it('explains a failed event.test at activation and points to the credential', async () => {
		trigger = await start();
		portal.faults.add({
			type: 'status',
			status: 500,
			probability: 1,
			match: { restMethod: 'event.test' },
		});
		const failure = await trigger.activate().catch((error) => error);
		expect(failure.message).toMatch(/^Bitrix24 did not send this trigger its application token: /);
		expect(failure.description).toMatch(/Bitrix24 Application Token" credential/);
		expect(JSON.stringify(failure)).not.toContain(portal.oauth.clientSecret);
		expect(await trigger.checkExists()).toBe(false);
	});

	it('version 1 with an empty Application Token learns it by proof as well', async () => {
		trigger = await start({ version: 1, parameters: { ...parameters, applicationToken: '' } });
		await trigger.activate();
		await trigger.settle();
		expect(learned(trigger).applicationTokenHash).toBe(sha256(portal.applicationToken));
		const dealId = await changeDeal('Version 1');
		await trigger.settle();
		expect(trigger.started().map(([item]) => item.json.id)).toEqual([dealId]);
	});
});

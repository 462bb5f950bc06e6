// The WhatsApp Cloud Trigger in n8n's WebhookContext, fed by the fake's signed deliveries:
// verification, signatures, the three outputs, phone-number routing, media, set-up on activation.
const { startFake } = require('../helpers/whatsapp');
const { startWhatsAppTrigger } = require('../helpers/whatsappTrigger');
const { parseConversationMessage } = require('../../nodes/shared/conversation/message');

const CUSTOMER = '4915112345678';
const VERIFY = 'sandbox-verify-token';

let wa;
let trigger;
beforeEach(async () => {
	wa = await startFake();
});
afterEach(async () => {
	await trigger?.stop();
	trigger = undefined;
	await wa.stop();
});

async function listen(parameters = {}, credentials) {
	trigger = await startWhatsAppTrigger(wa, { parameters, credentials });
	await wa.setCallback(trigger.url, VERIFY);
	return trigger;
}
/** What the trigger started, once it finished handling (media downloads come after Meta's 200). */
const outputs = () => {
	const runs = trigger.started();
	return {
		messages: runs.flatMap((run) => run[0]),
		statuses: runs.flatMap((run) => run[1]),
		other: runs.flatMap((run) => run[2]),
	};
};

describe("Meta's verification GET", () => {
	const get = (query) => fetch(`${trigger.url}?${new URLSearchParams(query)}`);
	beforeEach(async () => {
		trigger = await startWhatsAppTrigger(wa);
	});

	test('the right verify token gets the challenge back, as text', async () => {
		const response = await get({
			'hub.mode': 'subscribe',
			'hub.challenge': '1158201444',
			'hub.verify_token': VERIFY,
		});
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('1158201444');
	});

	test('a wrong token 403, no mode or challenge 400; nothing starts', async () => {
		expect(
			(await get({ 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': 'guess' }))
				.status,
		).toBe(403);
		expect((await get({ 'hub.challenge': '1', 'hub.verify_token': VERIFY })).status).toBe(400);
		expect(
			(
				await get({
					'hub.mode': 'subscribe',
					'hub.challenge': '<script>',
					'hub.verify_token': VERIFY,
				})
			).status,
		).toBe(400);
		expect(trigger.started()).toHaveLength(0);
	});

	test('the fake subscribes the URL only after the trigger answered its challenge', async () => {
		await wa.setCallback(trigger.url, VERIFY);
		await expect(wa.setCallback(trigger.url, 'another-token')).rejects.toThrow(
			/verification failed/,
		);
	});
});

describe('signatures', () => {
	beforeEach(async () => {
		await listen();
	});

	test('unsigned, signed with another secret, or re-serialized: 401 and nothing starts', async () => {
		const unsigned = await wa.receive({ from: CUSTOMER, text: 'a', tamper: { unsigned: true } });
		const otherSecret = await wa.receive({
			from: CUSTOMER,
			text: 'b',
			tamper: { secret: 'not-the-app-secret' },
		});
		const reserialized = await wa.receive({
			from: CUSTOMER,
			text: 'Grüße 👋',
			tamper: { body: (text) => JSON.stringify(JSON.parse(text)) },
		});
		expect([unsigned, otherSecret, reserialized].map(({ delivery }) => delivery.status)).toEqual([
			401, 401, 401,
		]);
		expect(JSON.parse(reserialized.delivery.response).error).toMatch(/does not match the body/);
		expect(trigger.started()).toHaveLength(0);
	});

	test('the escaped unicode body Meta signs is accepted, and the text arrives decoded', async () => {
		const { delivery } = await wa.receive({ from: CUSTOMER, name: 'Zoë', text: 'Grüße / 👋' });
		expect(delivery.status).toBe(200);
		expect(delivery.body).toContain('Gr\\u00fc\\u00dfe \\/ \\ud83d\\udc4b');
		expect(outputs().messages[0].json.message.text).toBe('Grüße / 👋');
	});
});

describe('outputs', () => {
	test('a customer text is a valid conversation message on Messages', async () => {
		await listen();
		const { message } = await wa.receive({
			from: CUSTOMER,
			name: 'Ann Lee',
			text: 'Where is my order?',
			context: 'wamid.EARLIER',
		});
		const [item] = outputs().messages;
		const parsed = parseConversationMessage(item.json);
		expect(parsed.ok).toBe(true);
		expect(item.json).toMatchObject({
			schemaVersion: 1,
			channel: 'whatsapp',
			direction: 'inbound',
			conversation: { chatId: CUSTOMER },
			sender: { id: CUSTOMER, name: 'Ann Lee', phone: `+${CUSTOMER}` },
			message: { id: message.id, text: 'Where is my order?', attachments: [] },
			replyTo: { messageId: 'wamid.EARLIER' },
			echo: false,
			whatsapp: { type: 'text', phoneNumberId: wa.phoneNumberId, wabaId: wa.wabaId },
		});
		expect(item.json.message.timestamp).toBe(
			new Date(Number(message.timestamp) * 1000).toISOString(),
		);
	});

	test('button replies, list picks, locations and reactions carry their text and details', async () => {
		await listen();
		await wa.receive({
			from: CUSTOMER,
			type: 'interactive',
			interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } },
		});
		await wa.receive({
			from: CUSTOMER,
			type: 'location',
			location: { latitude: 52.5, longitude: 13.4, name: 'Office' },
		});
		await wa.receive({
			from: CUSTOMER,
			type: 'reaction',
			reaction: { message_id: 'wamid.OURS', emoji: '❤️' },
		});
		await wa.receive({
			from: CUSTOMER,
			type: 'sticker',
			data: Buffer.from('webp'),
			mimeType: 'image/webp',
		});
		const [button, location, reaction, sticker] = outputs().messages.map((item) => item.json);
		expect([
			button.message.text,
			location.message.text,
			reaction.message.text,
			sticker.message.text,
		]).toEqual(['Yes', 'Office: 52.5, 13.4', '❤️', '[sticker]']);
		expect(button.whatsapp.reply).toEqual({ kind: 'button_reply', id: 'yes', title: 'Yes' });
		expect(reaction.whatsapp.reaction).toEqual({ messageId: 'wamid.OURS', emoji: '❤️' });
		expect(sticker.whatsapp.media).toMatchObject({ mimeType: 'image/webp' });
	});

	test('Download Media: the file is in binary "data" and listed as the attachment', async () => {
		await listen({ downloadMedia: true });
		const pdf = Buffer.from('%PDF-1.4 contract');
		await wa.receive({
			from: CUSTOMER,
			type: 'document',
			data: pdf,
			mimeType: 'application/pdf',
			fileName: 'contract.pdf',
			caption: 'Signed',
		});
		await trigger.settle();
		const [item] = outputs().messages;
		expect(Buffer.from(item.binary.data.data, 'base64').equals(pdf)).toBe(true);
		expect(item.json.message).toMatchObject({
			text: 'Signed',
			attachments: [
				{ binaryProperty: 'data', fileName: 'contract.pdf', mimeType: 'application/pdf' },
			],
		});
		expect(parseConversationMessage(item.json).ok).toBe(true);
		expect(wa.log.map((entry) => entry.kind)).toEqual(['media.get', 'media.download']);
	});

	test('statuses: sent/delivered/read with the Open Lines IDs from the callback data; failed ones explained', async () => {
		await listen({ statuses: ['delivered', 'read', 'failed'] });
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		const callback = JSON.stringify({
			src: 'n8n-conversation',
			msg: '9001',
			chat: CUSTOMER,
			line: 3,
			olChat: 77,
			session: 501,
		});
		const sent = await fetch(`${wa.graphUrl}/${wa.phoneNumberId}/messages`, {
			method: 'POST',
			headers: { authorization: `Bearer ${wa.accessToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				messaging_product: 'whatsapp',
				to: CUSTOMER,
				type: 'text',
				text: { body: 'x' },
				biz_opaque_callback_data: callback,
			}),
		}).then((response) => response.json());
		const id = sent.messages[0].id;
		for (const status of ['sent', 'delivered', 'read']) await wa.status({ messageId: id, status });
		await wa.status({ messageId: id, status: 'failed', errorCode: 131047 });
		const statuses = outputs().statuses.map((item) => item.json);
		expect(statuses.map((status) => status.status)).toEqual(['delivered', 'read', 'failed']);
		expect(statuses[0]).toMatchObject({
			event: 'status',
			messageId: id,
			recipientId: CUSTOMER,
			recipientPhone: `+${CUSTOMER}`,
			phoneNumberId: wa.phoneNumberId,
			source: { messageId: '9001', chatId: CUSTOMER, line: 3, openLinesChatId: 77, sessionId: 501 },
		});
		expect(statuses[2].error).toMatchObject({
			code: 131047,
			title: 'Re-engagement message',
			fix: expect.stringMatching(/only an approved template can reach them/),
		});
		expect(outputs().messages).toHaveLength(0);
	});

	test('echoes of messages the business sent elsewhere are marked echo, direction outbound', async () => {
		await listen({ events: ['messages', 'echoes'] });
		await wa.echo({ to: CUSTOMER, text: 'Sent from the phone' });
		const [echo] = outputs().messages.map((item) => item.json);
		expect(echo).toMatchObject({
			direction: 'outbound',
			echo: true,
			conversation: { chatId: CUSTOMER },
			message: { text: 'Sent from the phone' },
		});
		expect(parseConversationMessage(echo).ok).toBe(true);
	});

	test('other fields (template status updates, system errors) go to Other as they came', async () => {
		await listen({ events: ['other'] });
		await wa.deliver({
			field: 'message_template_status_update',
			value: {
				event: 'APPROVED',
				message_template_id: 12,
				message_template_name: 'x',
				message_template_language: 'en_US',
			},
		});
		await wa.receive({
			from: CUSTOMER,
			type: 'unsupported',
			errors: [
				{
					code: 131051,
					title: 'Message type unknown',
					message: 'Message type unknown',
					error_data: { details: 'x' },
				},
			],
		});
		const other = outputs().other.map((item) => item.json);
		expect(other[0]).toMatchObject({
			event: 'message_template_status_update',
			value: { event: 'APPROVED' },
		});
		expect(outputs().messages).toHaveLength(0);
	});
});

describe('several phone numbers on one app', () => {
	const second = () => wa.phoneNumbers[1].id;

	test("by default only the credential's number starts the workflow; others are acknowledged and dropped", async () => {
		await listen();
		const other = await wa.receive({
			from: CUSTOMER,
			text: 'to the other number',
			phoneNumberId: second(),
		});
		expect(other.delivery.status).toBe(200);
		expect(trigger.started()).toHaveLength(0);
		await wa.receive({ from: CUSTOMER, text: 'to ours' });
		expect(outputs().messages.map((item) => item.json.message.text)).toEqual(['to ours']);
	});

	test('a list of phone number IDs, or all numbers; each item names its number', async () => {
		await listen({ phoneNumbers: 'list', phoneNumberIds: `${second()}` });
		await wa.receive({ from: CUSTOMER, text: 'first' });
		await wa.receive({ from: CUSTOMER, text: 'second', phoneNumberId: second() });
		expect(
			outputs().messages.map((item) => [item.json.message.text, item.json.whatsapp.phoneNumberId]),
		).toEqual([['second', second()]]);
	});
});

describe('set-up on activation', () => {
	test('Phone Number Callback: the override points here after activation (Meta verified it), and is removed on deactivation', async () => {
		trigger = await startWhatsAppTrigger(wa, { parameters: { webhookSetup: 'phoneNumber' } });
		expect(await trigger.checkExists()).toBe(false);
		await trigger.activate();
		expect(await trigger.checkExists()).toBe(true);
		expect(wa.state.phoneOverrides.get(wa.phoneNumberId).url).toBe(trigger.url);
		expect(wa.state.wabaSubscription).toEqual({ overrideUrl: null });
		await trigger.activate();
		expect(wa.log.filter((entry) => entry.kind === 'phone.update')).toHaveLength(1);
		await wa.receive({ from: CUSTOMER, text: 'via the override' });
		expect(outputs().messages).toHaveLength(1);
		await trigger.deactivate();
		expect(wa.state.phoneOverrides.has(wa.phoneNumberId)).toBe(false);
	});

	test('deactivation leaves an override that points elsewhere alone', async () => {
		trigger = await startWhatsAppTrigger(wa, { parameters: { webhookSetup: 'phoneNumber' } });
		wa.state.phoneOverrides.set(wa.phoneNumberId, { url: 'https://other.example/hook' });
		await trigger.deactivate();
		expect(wa.state.phoneOverrides.get(wa.phoneNumberId).url).toBe('https://other.example/hook');
	});

	test('App Subscription: the app callback is set with the app token (not the system token) and removed again', async () => {
		trigger = await startWhatsAppTrigger(wa, { parameters: { webhookSetup: 'app' } });
		await trigger.activate();
		expect(wa.state.appSubscription).toMatchObject({ url: trigger.url, fields: ['messages'] });
		expect(await trigger.checkExists()).toBe(true);
		const logged = wa.log.find((entry) => entry.kind === 'app.subscriptions.post');
		expect(logged.params).toMatchObject({
			access_token: '***',
			verify_token: '***',
			callback_url: trigger.url,
		});
		await trigger.deactivate();
		expect(wa.state.appSubscription).toBeNull();
	});

	test('activation fails with what to fix when the credential lacks the app secret or the verify token', async () => {
		const creds = (overrides) => ({
			whatsAppCloudApi: { id: 'wa2', name: 'WA', data: wa.credentials(overrides) },
		});
		trigger = await startWhatsAppTrigger(wa, { credentials: creds({ appSecret: '' }) });
		await expect(trigger.activate()).rejects.toThrow(
			'The WhatsApp Cloud API credential has no App Secret',
		);
		await trigger.stop();
		trigger = await startWhatsAppTrigger(wa, { credentials: creds({ verifyToken: '' }) });
		await expect(trigger.activate()).rejects.toThrow(
			'The WhatsApp Cloud API credential has no Webhook Verify Token',
		);
	});

	test('a callback Meta cannot verify (n8n not reachable) fails activation with error 2200 explained', async () => {
		trigger = await startWhatsAppTrigger(wa, { parameters: { webhookSetup: 'phoneNumber' } });
		await trigger.stop();
		const error = await trigger.activate().catch((thrown) => thrown);
		expect(error.message).toBe(
			"Could not set the phone number's callback URL: Callback verification failed (WhatsApp error 2200)",
		);
		expect(error.description).toMatch(
			/publish the workflow first, make sure n8n is reachable from the internet over https/,
		);
		expect(wa.state.phoneOverrides.size).toBe(0);
		trigger = undefined;
	});
});

test('Respond to Meta "When the Workflow Has Finished": the node leaves the answer to n8n', async () => {
	await listen({ respond: 'afterWorkflow' });
	await wa.receive({ from: CUSTOMER, text: 'hi' });
	const [accepted] = trigger.received.filter((entry) => entry.result?.workflowData);
	expect(accepted.result.noWebhookResponse).toBe(false);
	await wa.receive({ from: CUSTOMER, text: 'other number', phoneNumberId: wa.phoneNumbers[1].id });
	expect(trigger.received.at(-1)).toMatchObject({
		status: 200,
		result: { noWebhookResponse: true },
	});
});

// Message → Send Conversation Message: an operator's reply as the shared conversation message
// goes to the customer's number, BB-code as WhatsApp formatting, files from the item's binary
// data, Open Lines IDs as callback data; echoes skipped; a template when the window is closed.
const { startFake, runWhatsApp, requestsOf } = require('../../../helpers/whatsapp');

const CUSTOMER = '4915112345678';
let wa;
beforeEach(async () => {
	wa = await startFake();
});
afterEach(async () => wa.stop());

function reply(overrides = {}) {
	return {
		schemaVersion: 1,
		channel: 'whatsapp',
		direction: 'outbound',
		conversation: {
			chatId: CUSTOMER,
			line: 3,
			connector: 'n8n_whatsapp',
			openLinesChatId: 77,
			sessionId: 501,
		},
		sender: { id: '1', name: 'Dana Operator', bitrix24UserId: 1 },
		message: {
			id: '9001',
			text: '[b]Dana Operator:[/b][br]Your [i]order[/i] ships [url=https://shop.example.com/t/1]today[/url]',
			timestamp: '2026-06-01T10:00:00Z',
			attachments: [],
		},
		replyTo: { messageId: 'wamid.CUSTOMER1' },
		...overrides,
	};
}

const send = (items, parameters = {}, extra = {}) =>
	runWhatsApp(wa, {
		items,
		parameters: { resource: 'message', operation: 'sendConversation', ...parameters },
		...extra,
	});

test('text: BB-code becomes WhatsApp formatting, sent as a reply, with the Open Lines IDs as callback data', async () => {
	wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
	const { output } = await send([reply()]);
	expect(wa.sent).toHaveLength(1);
	expect(wa.sent[0]).toMatchObject({
		to: CUSTOMER,
		content: {
			body: '*Dana Operator:*\nYour _order_ ships today (https://shop.example.com/t/1)',
			preview_url: false,
		},
		context: { message_id: 'wamid.CUSTOMER1' },
	});
	expect(JSON.parse(wa.sent[0].bizOpaqueCallbackData)).toEqual({
		src: 'n8n-conversation',
		msg: '9001',
		chat: CUSTOMER,
		line: 3,
		connector: 'n8n_whatsapp',
		olChat: 77,
		session: 501,
	});
	expect(output[0].json).toMatchObject({
		sent: true,
		waId: CUSTOMER,
		messageIds: [wa.sent[0].id],
		sourceMessageId: '9001',
		conversation: { chatId: CUSTOMER, line: 3 },
	});
});

test('files from binary data are uploaded first, then text and files go out in order', async () => {
	wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
	const message = reply({
		message: {
			id: '9002',
			text: 'Here you go',
			timestamp: '2026-06-01T10:00:00Z',
			attachments: [
				{ binaryProperty: 'file_0', fileName: 'offer.pdf', mimeType: 'application/pdf' },
				{ binaryProperty: 'file_1', fileName: 'photo.jpg', mimeType: 'image/jpeg' },
			],
		},
	});
	const { output } = await send(
		[message],
		{},
		{
			binaries: [
				{
					file_0: {
						data: Buffer.from('%PDF offer'),
						fileName: 'offer.pdf',
						mimeType: 'application/pdf',
					},
					file_1: { data: Buffer.from('JPEGDATA'), fileName: 'photo.jpg', mimeType: 'image/jpeg' },
				},
			],
		},
	);
	expect(wa.log.map((entry) => entry.kind)).toEqual([
		'media.upload',
		'media.upload',
		'messages',
		'messages',
		'messages',
	]);
	expect(wa.sent.map((sent) => sent.type)).toEqual(['text', 'document', 'image']);
	expect(wa.sent[1].content).toEqual({ id: wa.media[0].id, filename: 'offer.pdf' });
	expect(wa.media.map((media) => media.data.toString())).toEqual(['%PDF offer', 'JPEGDATA']);
	expect(output[0].json.messageIds).toEqual(wa.sent.map((sent) => sent.id));
});

test("the customer comes from the message's recipient when the chat is not a number", async () => {
	wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
	await send([
		reply({
			conversation: { chatId: 'olchat-77' },
			recipient: { id: 'wa-user', phone: `+${CUSTOMER}` },
		}),
	]);
	expect(wa.sent[0].to).toBe(CUSTOMER);
});

test('an echo is skipped, a customer message or a non-message fails; nothing is sent', async () => {
	const { output } = await send([reply({ echo: true })]);
	expect(output[0].json).toMatchObject({ sent: false, skipped: 'echo' });
	const inbound = await send([reply({ direction: 'inbound' })]);
	expect(inbound.error.message).toMatch(/direction inbound/);
	const junk = await send([{ hello: 'world' }]);
	expect(junk.error.message).toBe('The input item is not a conversation message');
	expect(junk.error.description).toMatch(/schemaVersion/);
	expect(wa.log).toHaveLength(0);
});

test('outside the 24-hour window the chosen template goes out instead, once, with the text as its parameter', async () => {
	const { output } = await send([reply()], {
		outsideWindow: 'template',
		fallbackTemplate: { __rl: true, mode: 'list', value: 'conversation_reopen|en_US' },
		fallbackParameters: { parameter: [{ text: '={{ $json.message.text }}' }] },
	});
	expect(requestsOf(wa, 'messages').map((entry) => entry.errorCode)).toEqual([131047, null]);
	expect(wa.sent).toHaveLength(1);
	expect(wa.sent[0]).toMatchObject({
		type: 'template',
		content: { name: 'conversation_reopen', language: { code: 'en_US' } },
	});
	expect(wa.sent[0].content.components[0].parameters[0].text).toMatch(/Dana Operator/);
	expect(output[0].json.fallbackTemplate).toEqual({
		name: 'conversation_reopen',
		language: 'en_US',
		reason: 'outside the 24-hour window (131047)',
		messagesNotSent: 1,
	});
});

test('outside the window without a fallback: the item fails with 131047 and nothing is sent', async () => {
	const { error } = await send([reply()]);
	expect(error.message).toMatch(/131047/);
	expect(wa.sent).toHaveLength(0);
});

test('a file that fails mid-way: the error item lists what already went out (never resent blindly)', async () => {
	wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
	wa.faults.add({ type: 'error', code: 131053, on: [3] });
	const message = reply({
		message: {
			id: '9003',
			text: 'Two parts',
			timestamp: '2026-06-01T10:00:00Z',
			attachments: [{ binaryProperty: 'data', fileName: 'a.pdf', mimeType: 'application/pdf' }],
		},
	});
	const { output } = await send(
		[message],
		{},
		{
			binaries: [
				{ data: { data: Buffer.from('%PDF'), fileName: 'a.pdf', mimeType: 'application/pdf' } },
			],
			continueOnFail: true,
		},
	);
	expect(output[0].json.error).toMatch(/131053/);
	expect(output[0].json.sentMessageIds).toEqual([wa.sent[0].id]);
	expect(wa.sent).toHaveLength(1);
});

// The WhatsApp ↔ Open Lines bridge in n8n's engine: the WhatsApp trigger's items go into the
// Bitrix24 Open Lines node as they are, an operator's reply (as the Open Lines Trigger emits it)
// goes into the WhatsApp node, and WhatsApp's statuses come back to Open Lines as delivered/read.
const { startFake, runWhatsApp } = require('../helpers/whatsapp');
const { startWhatsAppTrigger } = require('../helpers/whatsappTrigger');
const { startPortal } = require('../helpers/bitrix24');
const { portalCall } = require('../helpers/portalCall');
const {
	runOpenLines,
	setUpConnector,
	openLinesParameters,
	CONNECTOR,
} = require('../helpers/openLines');

const CUSTOMER = '4915112345678';
let wa;
let b24;
let trigger;
beforeEach(async () => {
	wa = await startFake();
	b24 = await startPortal({ bucket: false });
	await setUpConnector(b24);
});
afterEach(async () => {
	await trigger?.stop();
	await wa.stop();
	await b24.stop();
});

const binariesOf = (items) =>
	items.map((item) =>
		item.binary
			? Object.fromEntries(
					Object.entries(item.binary).map(([key, value]) => [
						key,
						{
							data: Buffer.from(value.data, 'base64'),
							fileName: value.fileName,
							mimeType: value.mimeType,
						},
					]),
				)
			: undefined,
	);

test('WhatsApp → Open Lines: text and a photo reach the operators; the sender is matched to the CRM contact with that phone', async () => {
	const contact = await portalCall(b24, 'crm.contact.add', {
		fields: {
			NAME: 'Ann',
			LAST_NAME: 'Lee',
			PHONE: [{ VALUE: '+49 151 12345678', VALUE_TYPE: 'MOBILE' }],
		},
	});
	trigger = await startWhatsAppTrigger(wa, { parameters: { downloadMedia: true } });
	await wa.setCallback(trigger.url, 'sandbox-verify-token');
	await wa.receive({ from: CUSTOMER, name: 'Ann Lee', text: 'Hello, is my order on its way?' });
	await wa.receive({
		from: CUSTOMER,
		name: 'Ann Lee',
		type: 'image',
		data: Buffer.from('JPEG-bytes'),
		mimeType: 'image/jpeg',
		caption: 'The label',
	});
	await trigger.settle();
	const items = trigger.started().flatMap((run) => run[0]);
	const { output, error } = await runOpenLines(b24, {
		items: items.map((item) => item.json),
		binaries: binariesOf(items),
		parameters: openLinesParameters('message', 'send', {
			source: 'conversation',
			conversationMessage: '={{ $json }}',
		}),
	});
	expect(error).toBeUndefined();
	const [chat] = b24.openLines.chats();
	expect(chat).toMatchObject({
		externalChatId: CUSTOMER,
		externalUserId: CUSTOMER,
		crm: { type: 'CONTACT', id: Number(contact) },
	});
	const messages = b24.openLines.messages(chat.ID);
	expect(messages.map((m) => [m.from, m.text, m.externalId])).toEqual([
		['customer', 'Hello, is my order on its way?', items[0].json.message.id],
		['customer', 'The label', items[1].json.message.id],
	]);
	expect(messages[1].files[0].content.toString()).toBe('JPEG-bytes');
	expect(output.map((item) => item.json.openLinesChatId)).toEqual([chat.ID, chat.ID]);
});

test('operator reply → WhatsApp, then its statuses → Open Lines delivered and read, nothing sent twice', async () => {
	trigger = await startWhatsAppTrigger(wa, { parameters: { statuses: ['delivered', 'read'] } });
	await wa.setCallback(trigger.url, 'sandbox-verify-token');
	wa.setAutoStatuses(['sent', 'delivered', 'read']);
	// The customer wrote first (the window is open, a chat exists in Open Lines).
	const { message: inbound } = await wa.receive({ from: CUSTOMER, text: 'Hi' });
	await runOpenLines(b24, {
		items: trigger
			.started()
			.flatMap((run) => run[0])
			.map((item) => item.json),
		parameters: openLinesParameters('message', 'send', {
			source: 'conversation',
			conversationMessage: '={{ $json }}',
		}),
	});
	const [chat] = b24.openLines.chats();
	// The operator answers; this is the Open Lines Trigger's conversation message for it.
	const operatorMessageId = 7001;
	const reply = {
		schemaVersion: 1,
		channel: 'openlines',
		direction: 'outbound',
		conversation: {
			chatId: CUSTOMER,
			line: 1,
			connector: CONNECTOR,
			openLinesChatId: chat.ID,
			sessionId: chat.session.ID,
		},
		sender: { id: '1', name: 'Dana', bitrix24UserId: 1 },
		recipient: { id: CUSTOMER },
		message: {
			id: String(operatorMessageId),
			text: '[b]Dana:[/b][br]Yes, it ships today',
			timestamp: '2026-12-03T10:00:00.000Z',
			attachments: [
				{ binaryProperty: 'attachment_0', fileName: 'label.pdf', mimeType: 'application/pdf' },
			],
		},
		replyTo: { messageId: inbound.id },
	};
	const sent = await runWhatsApp(wa, {
		items: [reply],
		binaries: [
			{
				attachment_0: {
					data: Buffer.from('%PDF label'),
					fileName: 'label.pdf',
					mimeType: 'application/pdf',
				},
			},
		],
		parameters: { resource: 'message', operation: 'sendConversation' },
	});
	expect(sent.error).toBeUndefined();
	expect(wa.sent.map((message) => [message.type, message.to])).toEqual([
		['text', CUSTOMER],
		['document', CUSTOMER],
	]);
	expect(wa.sent[0].content.body).toBe('*Dana:*\nYes, it ships today');
	await wa.idle();
	await trigger.settle();
	const statuses = trigger
		.started()
		.flatMap((run) => run[1])
		.map((item) => item.json);
	// Two messages (text, file), each delivered and read; deliveries of the two may interleave.
	expect(statuses.map((status) => status.status).sort()).toEqual([
		'delivered',
		'delivered',
		'read',
		'read',
	]);
	expect(statuses[0].source).toMatchObject({
		messageId: String(operatorMessageId),
		chatId: CUSTOMER,
		line: 1,
		openLinesChatId: chat.ID,
	});

	const report = (operation, status) =>
		runOpenLines(b24, {
			items: statuses.filter((entry) => entry.status === status),
			parameters: {
				resource: 'message',
				operation,
				connector: '={{ $json.source.connector }}',
				line: { __rl: true, mode: 'id', value: '={{ $json.source.line }}' },
				source: 'fields',
				openLinesChatId: '={{ $json.source.openLinesChatId }}',
				bitrix24MessageId: '={{ $json.source.messageId }}',
				chatId: '={{ $json.source.chatId }}',
				channelMessageIds: '={{ $json.messageId }}',
			},
		});
	expect((await report('reportDelivered', 'delivered')).error).toBeUndefined();
	expect((await report('reportRead', 'read')).error).toBeUndefined();
	const reports = b24.openLines.statusReports();
	expect(reports.map((entry) => entry.method)).toEqual([
		'imconnector.send.status.delivery',
		'imconnector.send.status.reading',
	]);
	expect(reports[0].messages).toHaveLength(2);
	expect(wa.sent).toHaveLength(2);
});

// Message → Send to Operators: customers' messages (the shared conversation message, or fields)
// go into Open Lines dialogs in as few requests as the packing allows, each item getting its own
// answer; files from binary data reach Bitrix24 through the app's Disk storage.
const { startPortal } = require('../../../helpers/bitrix24');
const {
	runOpenLines,
	setUpConnector,
	customerMessage,
	openLinesParameters,
	CONNECTOR,
} = require('../../../helpers/openLines');

const send = (extra) => openLinesParameters('message', 'send', extra);

/** REST requests of the portal log, by method (a batch counts once, as 'batch'). */
const requestsOf = (portal) => portal.log.map((entry) => entry.restMethod);

describe('Open Lines → Message → Send to Operators', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
		await setUpConnector(portal);
		portal.clearLog();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('sends 100 customer messages in one request, each item getting its chat, session and user', async () => {
		const items = Array.from({ length: 100 }, (_, i) => customerMessage(i + 1));
		const { output, error } = await runOpenLines(portal, { items, parameters: send() });
		expect(error).toBeUndefined();
		expect(requestsOf(portal)).toEqual(['imconnector.send.messages']);
		expect(portal.log[0].params.MESSAGES).toHaveLength(100);
		const chats = new Map(portal.openLines.chats().map((chat) => [chat.externalChatId, chat]));
		expect(chats.size).toBe(100);
		expect(output).toHaveLength(100);
		output.forEach(({ json, pairedItem }, i) => {
			const chat = chats.get(`chat-${i + 1}`);
			expect(pairedItem).toEqual({ item: i });
			expect(json).toEqual({
				messageId: `msg-${i + 1}`,
				chatId: `chat-${i + 1}`,
				connector: CONNECTOR,
				line: 1,
				openLinesChatId: chat.ID,
				sessionId: chat.session.ID,
				bitrix24UserId: chat.userId,
			});
		});
		const [first] = portal.openLines.messages(chats.get('chat-1').ID);
		expect(first).toMatchObject({ text: 'Hello 1', externalId: 'msg-1', from: 'customer' });
		expect(portal.log[0].params.MESSAGES[0]).toEqual({
			user: { id: 'customer-1', name: 'Customer', phone: '+4915100000001' },
			message: { id: 'msg-1', date: 1796292000, text: 'Hello 1' },
			chat: { id: 'chat-1' },
		});
	});

	it('puts the calls of several lines side by side in one batch, within Messages per Request', async () => {
		const second = portal.openLines.addLine({ name: 'Sales' });
		await setUpConnector(portal, { lines: [second.ID] });
		portal.clearLog();
		const items = Array.from({ length: 100 }, (_, i) => ({
			...customerMessage(i + 1),
			line: i % 2 ? second.ID : 1,
		}));
		const line = { __rl: true, mode: 'id', value: '={{ $json.line }}' };
		const together = await runOpenLines(portal, { items, parameters: send({ line }) });
		expect(together.error).toBeUndefined();
		expect(requestsOf(portal)).toEqual(['batch']);
		expect(portal.log[0].batch).toEqual({
			commands: 2,
			methods: ['imconnector.send.messages', 'imconnector.send.messages'],
		});
		expect(together.output.map((item) => item.json.line)).toEqual(items.map((item) => item.line));

		portal.clearLog();
		const smaller = await runOpenLines(portal, {
			items: items.map((item, i) => ({ ...item, ...customerMessage(i + 101), line: item.line })),
			parameters: send({ line, options: { messagesPerRequest: 40 } }),
		});
		expect(smaller.error).toBeUndefined();
		// 50 messages per line: 40 + 10 for each; the two 10s share a request.
		expect(
			portal.log.map((entry) => entry.params.MESSAGES?.length ?? entry.batch.commands),
		).toEqual([40, 40, 2]);
	});

	it('skips echoes of what the bridge itself delivered', async () => {
		const { output, error } = await runOpenLines(portal, {
			items: [{ ...customerMessage(1), echo: true }, customerMessage(2)],
			parameters: send(),
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ skipped: true, reason: 'echo', messageId: 'msg-1' });
		expect(portal.log[0].params.MESSAGES.map((entry) => entry.message.id)).toEqual(['msg-2']);
	});

	it('maps fields to a message: a national phone in E.164, a name Bitrix24 accepts', async () => {
		const { output, error } = await runOpenLines(portal, {
			items: [
				{
					chat: 'site-7',
					name: 'Jürgen Müller-Lüdenscheidt 🙂 von und zu Hohenheim',
					phone: '0151 2345678',
				},
			],
			parameters: send({
				source: 'fields',
				chatId: '={{ $json.chat }}',
				senderId: '={{ $json.chat }}',
				senderName: '={{ $json.name }}',
				senderPhone: '={{ $json.phone }}',
				defaultCountryCode: '49',
				text: 'Wo bleibt meine Bestellung?',
				options: { chatName: 'Shop chat', disableCrm: true },
			}),
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({
			chatId: 'site-7',
			messageId: expect.stringMatching(/^n8n-.+-0$/),
		});
		const [entry] = portal.log[0].params.MESSAGES;
		expect(entry.user).toEqual({
			id: 'site-7',
			name: 'Jürgen',
			last_name: 'Müller-Lüdenscheidt von',
			phone: '+491512345678',
		});
		expect(entry.message).toMatchObject({ text: 'Wo bleibt meine Bestellung?', disable_crm: 'Y' });
		expect(entry.chat).toEqual({ id: 'site-7', name: 'Shop chat' });
		const national = await runOpenLines(portal, {
			items: [{}],
			parameters: send({
				source: 'fields',
				chatId: 'x',
				senderId: 'x',
				senderPhone: '0151 2345678',
				text: 'Hi',
			}),
		});
		expect(national.error.message).toBe('"0151 2345678" is not a phone number in E.164');
	});

	it('uploads binary attachments to the app storage and gives Bitrix24 their public links', async () => {
		const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
		const invoice = Buffer.from('%PDF-1.7 invoice');
		const message = customerMessage(1, {
			message: {
				id: 'msg-files',
				text: 'Here are the files',
				timestamp: '2026-12-03T10:00:00Z',
				attachments: [
					{ binaryProperty: 'attachment_0', mimeType: 'image/png' },
					{ binaryProperty: 'attachment_1', fileName: 'invoice-42.pdf' },
				],
			},
		});
		const { output, error } = await runOpenLines(portal, {
			items: [message],
			binaries: [
				{
					attachment_0: { data: photo, fileName: 'photo.png', mimeType: 'image/png' },
					attachment_1: { data: invoice, fileName: 'scan.pdf', mimeType: 'application/pdf' },
				},
			],
			parameters: send(),
		});
		expect(error).toBeUndefined();
		expect(requestsOf(portal)).toEqual([
			'disk.storage.getforapp',
			'disk.storage.uploadfile',
			'disk.storage.uploadfile',
			'batch',
			'imconnector.send.messages',
		]);
		const [stored] = portal.openLines.messages();
		expect(stored.files.map((file) => [file.name, file.content])).toEqual([
			['photo.png', photo],
			['invoice-42.pdf', invoice],
		]);
		expect(output[0].json.files.map((file) => file.name)).toEqual(['photo.png', 'invoice-42.pdf']);
		expect(output[0].json.files[0].url).toMatch(new RegExp(`^${portal.url}/~`));
		const storage = portal.diskFiles().map((file) => file.STORAGE_ID);
		expect(new Set(storage).size).toBe(1);
	});

	it('names a missing binary attachment and an invalid message per item, and sends the rest', async () => {
		const { output } = await runOpenLines(portal, {
			items: [
				customerMessage(1, {
					message: {
						id: 'm',
						timestamp: '2026-12-03T10:00:00Z',
						attachments: [{ binaryProperty: 'nothing' }],
					},
				}),
				{ text: 'not a conversation message' },
				customerMessage(3),
			],
			parameters: send(),
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe(
			"The attachment 'nothing' is not a binary property of item 0",
		);
		expect(output[1].json.error).toBe('The item holds no valid conversation message');
		expect(output[1].json.details).toMatch(/^schemaVersion: .*; channel: Required/);
		expect(output[2].json).toMatchObject({
			messageId: 'msg-3',
			openLinesChatId: expect.any(Number),
		});
		expect(requestsOf(portal)).toEqual(['imconnector.send.messages']);
	});

	it('without Continue On Fail, sends nothing when one item has a file it cannot send', async () => {
		const { error } = await runOpenLines(portal, {
			items: [
				customerMessage(1),
				customerMessage(2, {
					message: {
						id: 'm',
						timestamp: '2026-12-03T10:00:00Z',
						attachments: [{ binaryProperty: 'nothing' }],
					},
				}),
			],
			parameters: send(),
		});
		expect(error.message).toBe("The attachment 'nothing' is not a binary property of item 1");
		expect(portal.log).toEqual([]);
	});

	it('explains an unknown line and a connector that is not active on the line', async () => {
		const inactive = portal.openLines.addLine({ name: 'Not connected' });
		for (const line of ['99', String(inactive.ID)]) {
			const { error } = await runOpenLines(portal, {
				items: [customerMessage(1)],
				parameters: send({ line: { __rl: true, mode: 'id', value: line } }),
			});
			expect(error.message).toBe(
				'Bitrix24 imconnector.send.messages: The line with this ID is inactive or does not exist [NOT_ACTIVE_LINE]',
			);
			expect(error.description).toContain(
				`Line ${line} is inactive or does not exist, or the connector "${CONNECTOR}" is not active on it`,
			);
		}
		const { error } = await runOpenLines(portal, {
			items: [customerMessage(1)],
			parameters: send({ connector: 'never_registered' }),
		});
		expect(error.description).toContain('No connector "never_registered" is registered');
		expect(portal.openLines.chats()).toEqual([]);
	});

	it('refuses a webhook credential before anything is sent, saying why', async () => {
		const { error } = await runOpenLines(portal, {
			items: [customerMessage(1)],
			parameters: send(),
			credentialType: 'bitrix24WebhookApi',
		});
		expect(error.message).toBe(
			'Bitrix24 Open Lines needs the "Bitrix24 OAuth2 API" credential, not a webhook',
		);
		expect(error.description).toContain('WRONG_AUTH_TYPE');
		expect(portal.log).toEqual([]);
	});
});

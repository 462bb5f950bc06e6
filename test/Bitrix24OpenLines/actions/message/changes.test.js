// Message → Update, Delete, Report Delivered, Report Read: many items per call, each item's own
// answer (a message Bitrix24 does not know fails alone).
const { startPortal } = require('../../../helpers/bitrix24');
const {
	runOpenLines,
	setUpConnector,
	customerMessage,
	openLinesParameters,
	CONNECTOR,
} = require('../../../helpers/openLines');

/** The conversation message the Open Lines Trigger emits for an operator's answer. */
const operatorMessage = (chat, messageId) => ({
	schemaVersion: 1,
	channel: 'openlines',
	direction: 'outbound',
	conversation: {
		chatId: chat.externalChatId,
		line: 1,
		connector: CONNECTOR,
		openLinesChatId: chat.ID,
	},
	sender: { id: '1', bitrix24UserId: 1 },
	recipient: { id: chat.externalUserId },
	message: { id: String(messageId), text: 'Hi', timestamp: '2026-12-03T10:00:00Z' },
});

describe('Open Lines → Message → Update, Delete, Report Delivered / Read', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
		await setUpConnector(portal);
		await runOpenLines(portal, {
			items: [1, 2, 3].map((n) => customerMessage(n)),
			parameters: openLinesParameters('message', 'send'),
		});
		portal.clearLog();
	});
	afterEach(async () => {
		await portal.flushEvents();
		await portal.stop();
	});

	it('updates messages in one call; one Bitrix24 does not know fails alone', async () => {
		const edited = (n, id = `msg-${n}`) =>
			customerMessage(n, {
				message: { id, text: `Edited ${n}`, timestamp: '2026-12-03T10:05:00Z', attachments: [] },
			});
		const { output } = await runOpenLines(portal, {
			items: [edited(1), edited(2, 'never-sent'), edited(3)],
			parameters: openLinesParameters('message', 'update'),
			continueOnFail: true,
		});
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['imconnector.update.messages']);
		expect(output.map(({ json }) => json)).toEqual([
			{ messageId: 'msg-1', chatId: 'chat-1', connector: CONNECTOR, line: 1, updated: true },
			{
				error: 'Bitrix24 imconnector.update.messages did not take this message: Message not found',
			},
			{ messageId: 'msg-3', chatId: 'chat-3', connector: CONNECTOR, line: 1, updated: true },
		]);
		expect(portal.openLines.messages().map((m) => m.text)).toEqual([
			'Edited 1',
			'Hello 2',
			'Edited 3',
		]);

		const stop = await runOpenLines(portal, {
			items: [edited(2, 'never-sent')],
			parameters: openLinesParameters('message', 'update'),
		});
		expect(stop.error.message).toBe(
			'Bitrix24 imconnector.update.messages did not take this message: Message not found',
		);
	});

	it('deletes messages by the chat, sender and message IDs they were sent with', async () => {
		const { output, error } = await runOpenLines(portal, {
			items: [{ n: 1 }, { n: 3 }],
			parameters: openLinesParameters('message', 'delete', {
				source: 'fields',
				chatId: '=chat-{{ $json.n }}',
				senderId: '=customer-{{ $json.n }}',
				messageId: '=msg-{{ $json.n }}',
			}),
		});
		expect(error).toBeUndefined();
		expect(output.map(({ json }) => json.deleted)).toEqual([true, true]);
		expect(portal.log[0].params.MESSAGES).toEqual([
			{ user: { id: 'customer-1' }, message: { id: 'msg-1' }, chat: { id: 'chat-1' } },
			{ user: { id: 'customer-3' }, message: { id: 'msg-3' }, chat: { id: 'chat-3' } },
		]);
		expect(portal.openLines.messages().map((m) => m.deleted)).toEqual([true, false, true]);
	});

	it("reports operators' messages delivered and read, all in one call each", async () => {
		const chats = portal.openLines.chats();
		const replies = chats.map((chat) => portal.openLines.reply({ chatId: chat.ID, text: 'Hi' }));
		const items = chats.map((chat, i) => operatorMessage(chat, replies[i].messageId));
		const delivered = await runOpenLines(portal, {
			items,
			parameters: openLinesParameters('message', 'reportDelivered', {
				channelMessageIds: '=wamid.{{ $itemIndex }}',
			}),
		});
		expect(delivered.error).toBeUndefined();
		expect(delivered.output.map(({ json }) => json)).toEqual(
			chats.map((chat, i) => ({
				messageId: replies[i].messageId,
				openLinesChatId: chat.ID,
				chatId: chat.externalChatId,
				delivered: true,
			})),
		);
		const read = await runOpenLines(portal, {
			items,
			parameters: openLinesParameters('message', 'reportRead'),
		});
		expect(read.output.map(({ json }) => json.read)).toEqual([true, true, true]);
		expect(portal.log.map((entry) => entry.restMethod)).toEqual([
			'imconnector.send.status.delivery',
			'imconnector.send.status.reading',
		]);
		const operators = portal.openLines.messages().filter((m) => m.from === 'operator');
		expect(operators.map((m) => [m.delivered, m.connectorMid])).toEqual([
			[true, ['wamid.0']],
			[true, ['wamid.1']],
			[true, ['wamid.2']],
		]);
		const [, reading] = portal.openLines.statusReports();
		expect(reading.messages[0]).toMatchObject({
			im: { chat_id: chats[0].ID, message_id: replies[0].messageId },
			message: { id: [] },
			chat: { id: 'chat-1' },
		});
	});

	it("refuses a customer's message where an operator's is needed", async () => {
		const { error } = await runOpenLines(portal, {
			items: [customerMessage(1)],
			parameters: openLinesParameters('message', 'reportDelivered'),
		});
		expect(error.message).toBe("Statuses are for operators' messages");
		expect(portal.log).toEqual([]);
	});
});

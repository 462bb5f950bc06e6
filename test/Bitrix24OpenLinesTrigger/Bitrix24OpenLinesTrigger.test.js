// The Open Lines Trigger: activation subscribes (once, across restarts) and can set the connector
// up; operators' messages come out as the conversation message carrying the channel's chat and
// customer, so a channel node answers with no look-up; files on request; other connectors'
// and lines' events start nothing.
const { startPortal } = require('../helpers/bitrix24');
const { startWebhookTrigger } = require('../helpers/triggers');
const {
	runOpenLines,
	setUpConnector,
	customerMessage,
	openLinesParameters,
	appCall,
	CONNECTOR,
	SVG,
} = require('../helpers/openLines');
const {
	Bitrix24OpenLinesTrigger,
} = require('../../nodes/Bitrix24OpenLinesTrigger/Bitrix24OpenLinesTrigger.node');
const { parseConversationMessage } = require('../../nodes/shared/conversation/message');

const ALL_EVENTS = [
	'ONIMCONNECTORMESSAGEADD',
	'ONIMCONNECTORMESSAGEUPDATE',
	'ONIMCONNECTORMESSAGEDELETE',
	'ONIMCONNECTORDIALOGSTART',
	'ONIMCONNECTORDIALOGFINISH',
	'ONIMCONNECTORSTATUSDELETE',
	'ONIMCONNECTORLINEDELETE',
];

function openLinesTrigger(portal, parameters, extra = {}) {
	return startWebhookTrigger(portal, {
		nodeClass: Bitrix24OpenLinesTrigger,
		type: 'n8n-nodes-bitrix24.bitrix24OpenLinesTrigger',
		version: 1,
		parameters: { connector: CONNECTOR, events: ['ONIMCONNECTORMESSAGEADD'], ...parameters },
		...extra,
	});
}

/** The JSON of every item of every workflow the trigger started. */
const startedItems = (trigger) => trigger.started().flat();

describe('Bitrix24 Open Lines Trigger', () => {
	let portal;
	let trigger;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await trigger?.stop();
		trigger = undefined;
		await portal.flushEvents();
		await portal.stop();
	});

	/** A customer writes in through the Open Lines node: the chat the operator answers in. */
	async function customerWrites(items = [customerMessage(1)], binaries) {
		const { error } = await runOpenLines(portal, {
			items,
			binaries,
			parameters: openLinesParameters('message', 'send'),
		});
		expect(error).toBeUndefined();
		return portal.openLines.chats();
	}

	describe('activation', () => {
		it('subscribes once, across restarts, and unsubscribes on deactivation', async () => {
			trigger = await openLinesTrigger(portal, { events: ALL_EVENTS });
			await trigger.activate();
			await trigger.settle();
			const bound = () =>
				portal
					.eventBindings()
					.filter((row) => row.handler === trigger.url)
					.map((row) => row.event)
					.sort();
			expect(bound()).toEqual(['ONAPPTEST', ...ALL_EVENTS].sort());

			// n8n restarts: the node, with the static data n8n saved, finds everything in place.
			const { port } = trigger;
			const saved = JSON.parse(JSON.stringify(trigger.staticData));
			await trigger.stop();
			trigger = await openLinesTrigger(portal, { events: ALL_EVENTS }, { staticData: saved, port });
			portal.clearLog();
			await trigger.activate();
			await trigger.settle();
			expect(portal.log.map((entry) => entry.restMethod)).toEqual(['event.get']);
			expect(bound()).toEqual(['ONAPPTEST', ...ALL_EVENTS].sort());

			await trigger.deactivate();
			expect(bound()).toEqual([]);
		});

		it('registers the connector and activates it on the Lines, and removes only what it added', async () => {
			const second = portal.openLines.addLine({ name: 'Second' });
			trigger = await openLinesTrigger(portal, {
				lines: `1, ${second.ID}`,
				setUpConnector: true,
				connectorName: 'n8n test chat',
				icon: SVG,
			});
			await trigger.activate();
			await trigger.settle();
			expect(portal.openLines.connectors()).toEqual([
				expect.objectContaining({
					ID: CONNECTOR,
					NAME: 'n8n test chat',
					PLACEMENT_HANDLER: trigger.url,
					activeLines: [1, second.ID],
				}),
			]);
			expect(await trigger.checkExists()).toBe(true);
			// Someone switches it off on a line: the next activation switches it on again.
			await appCall(portal, 'imconnector.activate', {
				CONNECTOR,
				LINE: second.ID,
				ACTIVE: 0,
			});
			expect(await trigger.checkExists()).toBe(false);
			await trigger.activate();
			expect(portal.openLines.connectors()[0].activeLines).toEqual([1, second.ID]);

			await trigger.deactivate();
			expect(portal.openLines.connectors()).toEqual([]);
			expect(trigger.staticData['node:Trigger'].connectorSetUp).toBeUndefined();
		});

		it('leaves a connector registered before it alone, and deactivates only the lines it activated', async () => {
			await setUpConnector(portal, { lines: [1] });
			const second = portal.openLines.addLine({ name: 'Second' });
			trigger = await openLinesTrigger(portal, {
				lines: `1,${second.ID}`,
				setUpConnector: true,
				connectorName: 'n8n test chat',
				icon: SVG,
			});
			await trigger.activate();
			await trigger.settle();
			expect(portal.openLines.connectors()[0].activeLines).toEqual([1, second.ID]);
			await trigger.deactivate();
			expect(portal.openLines.connectors()).toEqual([
				expect.objectContaining({ ID: CONNECTOR, NAME: 'n8n test chat', activeLines: [1] }),
			]);
		});

		it('refuses a non-SVG icon on activation, before registering anything', async () => {
			trigger = await openLinesTrigger(portal, {
				lines: '1',
				setUpConnector: true,
				connectorName: 'x',
				icon: 'data:image/png;base64,iVBORw0KGgo=',
			});
			await expect(trigger.activate()).rejects.toThrow(
				'The connector icon is not a usable SVG: it is a PNG image, and Bitrix24 takes connector icons only as SVG',
			);
			expect(portal.openLines.connectors()).toEqual([]);
		});
	});

	describe('events', () => {
		beforeEach(async () => {
			await setUpConnector(portal);
		});

		async function activated(parameters = {}) {
			trigger = await openLinesTrigger(portal, parameters);
			await trigger.activate();
			await trigger.settle();
			return trigger;
		}

		it('round trip: a customer writes, an operator answers, the trigger gives the channel what it needs to reply', async () => {
			await activated();
			const [chat] = await customerWrites();
			const reply = portal.openLines.reply({
				chatId: chat.ID,
				text: 'Hello [b]Ann[/b],[br]see [url=https://acme.example.com/faq]our FAQ[/url]',
			});
			await trigger.settle();
			const [[item]] = trigger.started();
			expect(item.json).toEqual({
				schemaVersion: 1,
				channel: 'openlines',
				direction: 'outbound',
				conversation: {
					chatId: 'chat-1',
					line: 1,
					connector: CONNECTOR,
					openLinesChatId: chat.ID,
					sessionId: chat.session.ID,
				},
				sender: { id: '1', name: 'Sandbox Admin', bitrix24UserId: 1 },
				recipient: { id: 'customer-1' },
				message: {
					id: String(reply.messageId),
					text: 'Hello Ann,\nsee our FAQ (https://acme.example.com/faq)',
					timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
					attachments: [],
				},
				raw: expect.objectContaining({ CONNECTOR, LINE: 1 }),
				event: 'ONIMCONNECTORMESSAGEADD',
			});
			expect(parseConversationMessage(item.json).ok).toBe(true);
			expect(JSON.stringify(item.json)).not.toContain(portal.applicationToken);

			// The channel delivered it: the operator sees the tick.
			const { error } = await runOpenLines(portal, {
				items: [item.json],
				parameters: openLinesParameters('message', 'reportDelivered', {
					channelMessageIds: 'channel-msg-1',
				}),
			});
			expect(error).toBeUndefined();
			const stored = portal.openLines.messages(chat.ID).find((m) => m.ID === reply.messageId);
			expect([stored.delivered, stored.connectorMid]).toEqual([true, ['channel-msg-1']]);
		});

		it('round trip with files: a customer sends a file, the operator answers with one, downloaded on request', async () => {
			const pdf = Buffer.from('%PDF-1.7 order');
			const [chat] = await customerWrites(
				[
					customerMessage(1, {
						message: {
							id: 'with-file',
							timestamp: '2026-12-03T10:00:00Z',
							attachments: [{ binaryProperty: 'attachment_0' }],
						},
					}),
				],
				[{ attachment_0: { data: pdf, fileName: 'order.pdf', mimeType: 'application/pdf' } }],
			);
			expect(portal.openLines.messages(chat.ID)[0].files[0].content).toEqual(pdf);

			await activated({ options: { downloadFiles: true, textFormat: 'bbcode' } });
			const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);
			portal.openLines.reply({
				chatId: chat.ID,
				text: 'Your invoice',
				files: [{ name: 'invoice.png', content: png, mimeType: 'image/png' }],
			});
			await trigger.settle();
			const [[item]] = trigger.started();
			expect(item.json.message).toMatchObject({
				text: '[b]Sandbox Admin:[/b] [br]Your invoice',
				attachments: [
					{ binaryProperty: 'attachment_0', fileName: 'invoice.png', mimeType: 'image/png' },
				],
			});
			expect(Buffer.from(item.binary.attachment_0.data, 'base64')).toEqual(png);
			expect(parseConversationMessage(item.json).ok).toBe(true);
		});

		it('gives files by their link when not downloading', async () => {
			const [chat] = await customerWrites();
			await activated();
			portal.openLines.reply({
				chatId: chat.ID,
				files: [{ name: 'a.txt', content: Buffer.from('abc'), mimeType: 'text/plain' }],
			});
			await trigger.settle();
			const [[item]] = trigger.started();
			expect(item.binary).toBeUndefined();
			expect(item.json.message.attachments).toEqual([
				{
					url: expect.stringMatching(new RegExp(`^${portal.url}/rest/download.json\\?token=`)),
					fileName: 'a.txt',
					mimeType: 'text/plain',
				},
			]);
			expect(parseConversationMessage(item.json).ok).toBe(true);
		});

		it('starts nothing for another connector or a line it does not watch', async () => {
			const other = portal.openLines.addLine({ name: 'Other' });
			await setUpConnector(portal, { lines: [other.ID] });
			await setUpConnector(portal, { id: 'someone_else', lines: [1] });
			await activated({ lines: '1' });
			await runOpenLines(portal, {
				items: [customerMessage(1), { ...customerMessage(2), line: other.ID }],
				parameters: openLinesParameters('message', 'send', {
					line: { __rl: true, mode: 'id', value: '={{ $json.line ?? 1 }}' },
				}),
			});
			await runOpenLines(portal, {
				items: [customerMessage(3)],
				parameters: openLinesParameters('message', 'send', { connector: 'someone_else' }),
			});
			const chats = portal.openLines.chats();
			for (const chat of chats)
				portal.openLines.reply({ chatId: chat.ID, text: `to ${chat.externalChatId}` });
			await trigger.settle();
			expect(startedItems(trigger).map((item) => item.json.conversation.chatId)).toEqual([
				'chat-1',
			]);
			const answers = trigger.received
				.filter((request) => request.body.event === 'ONIMCONNECTORMESSAGEADD')
				.map((request) => request.answer);
			expect(answers).toEqual([{ received: true }, { ignored: true }, { ignored: true }]);
		});

		it('gives edits, deletions, finished dialogs, removed connectors and deleted lines', async () => {
			const second = portal.openLines.addLine({ name: 'Second' });
			await setUpConnector(portal, { lines: [second.ID] });
			await activated({ events: ALL_EVENTS });
			const [chat] = await customerWrites();
			const { messageId } = portal.openLines.reply({ chatId: chat.ID, text: 'Hi' });
			await appCall(portal, 'imconnector.send.status.delivery', {
				CONNECTOR,
				LINE: 1,
				MESSAGES: [
					{
						im: { chat_id: chat.ID, message_id: messageId },
						message: { id: ['wamid.7'] },
						chat: { id: 'chat-1' },
					},
				],
			});
			portal.openLines.edit({ messageId, text: 'Hi there' });
			portal.openLines.remove({ messageId });
			portal.openLines.finish({ chatId: chat.ID });
			await appCall(portal, 'imconnector.activate', { CONNECTOR, LINE: 1, ACTIVE: 0 });
			portal.openLines.deleteLine(second.ID);
			await trigger.settle();
			const items = startedItems(trigger).map((item) => item.json);
			expect(items.map((json) => json.event)).toEqual([
				'ONIMCONNECTORDIALOGSTART',
				'ONIMCONNECTORMESSAGEADD',
				'ONIMCONNECTORMESSAGEUPDATE',
				'ONIMCONNECTORMESSAGEDELETE',
				'ONIMCONNECTORDIALOGFINISH',
				'ONIMCONNECTORSTATUSDELETE',
				'ONIMCONNECTORLINEDELETE',
			]);
			const [started, , edited, deleted, finished, removed, lineDeleted] = items;
			expect(started).toMatchObject({
				openLinesChatId: chat.ID,
				chatId: 'chat-1',
				customerId: 'customer-1',
				closed: false,
			});
			expect(edited).toMatchObject({
				direction: 'outbound',
				conversation: { chatId: 'chat-1', openLinesChatId: chat.ID },
				recipient: { id: 'customer-1' },
				message: { id: String(messageId), text: 'Hi there' },
				channelMessageIds: ['wamid.7'],
			});
			expect(deleted).toMatchObject({
				connector: CONNECTOR,
				line: 1,
				chatId: 'chat-1',
				openLinesChatId: chat.ID,
				bitrix24MessageId: messageId,
				channelMessageIds: ['wamid.7'],
			});
			expect(finished).toMatchObject({ sessionId: chat.session.ID, closed: true });
			expect(removed).toMatchObject({ connector: CONNECTOR, line: 1 });
			expect(lineDeleted).toMatchObject({ line: second.ID });
			expect(lineDeleted.connector).toBeUndefined();
			const text = JSON.stringify(items);
			expect(text).not.toContain(portal.applicationToken);
			expect(text).not.toContain('access_token');
		});
	});
});

// Dialog: what an operator's workflow needs — the dialog with its channel chat and customer, the
// CRM record it is bound to, its history, a transfer and the finish.
const { startPortal } = require('../../../helpers/bitrix24');
const {
	runOpenLines,
	setUpConnector,
	customerMessage,
	openLinesParameters,
	CONNECTOR,
} = require('../../../helpers/openLines');

const dialog = (operation, chatId, extra) =>
	openLinesParameters('dialog', operation, { chatId: String(chatId), ...extra });

describe('Open Lines → Dialog', () => {
	let portal;
	let chat;
	beforeEach(async () => {
		portal = await startPortal();
		await setUpConnector(portal);
		portal.seedContacts(1, () => ({
			NAME: 'Customer',
			PHONE: [{ VALUE: '+49 151 00000001', VALUE_TYPE: 'MOBILE' }],
		}));
		await runOpenLines(portal, {
			items: [customerMessage(1)],
			parameters: openLinesParameters('message', 'send'),
		});
		[chat] = portal.openLines.chats();
		portal.openLines.reply({ chatId: chat.ID, text: 'How can I help?' });
	});
	afterEach(async () => {
		await portal.flushEvents();
		await portal.stop();
	});

	const run = async (operation, extra, chatId = chat.ID) =>
		(await runOpenLines(portal, { parameters: dialog(operation, chatId, extra) })).output;

	it('gets the dialog with its connector, channel chat, customer, session and CRM records', async () => {
		const [{ json }] = await run('get');
		const contact = Number(portal.contacts()[0].ID);
		expect(json).toMatchObject({
			openLinesChatId: chat.ID,
			sessionId: chat.session.ID,
			connector: CONNECTOR,
			line: 1,
			chatId: 'chat-1',
			userId: 'customer-1',
			crm: { lead: null, company: null, contact, deal: null },
		});
		expect(json.dialog.entity_id).toBe(`${CONNECTOR}|1|chat-1|customer-1`);
	});

	it('gets the CRM record the dialog is bound to', async () => {
		const [{ json }] = await run('getCrmRecord');
		const contact = Number(portal.contacts()[0].ID);
		expect(json).toEqual({
			openLinesChatId: chat.ID,
			sessionId: chat.session.ID,
			found: true,
			entityType: 'CONTACT',
			entityId: contact,
			lead: null,
			company: null,
			contact,
			deal: null,
		});
	});

	it("reads the session's messages, oldest first", async () => {
		const output = await run('getHistory');
		expect(output.map(({ json }) => [json.text, json.fromCustomer, json.authorName])).toEqual([
			['Hello 1', true, 'Customer'],
			['How can I help?', false, 'Sandbox Admin'],
		]);
		expect(output[0].json).toMatchObject({ openLinesChatId: chat.ID, sessionId: chat.session.ID });
	});

	it('transfers to an operator or a queue, and finishes the dialog', async () => {
		const [toUser] = await run('transfer', { transferTo: 'user', operatorId: '2' });
		expect(toUser.json).toEqual({ openLinesChatId: chat.ID, transferredTo: 2, transferred: true });
		expect(portal.openLines.chats()[0].operatorId).toBe(2);
		const [toQueue] = await run('transfer', { transferTo: 'queue', queueLine: '1' });
		expect(toQueue.json.transferredTo).toBe('queue1');
		const wrong = await runOpenLines(portal, {
			parameters: dialog('transfer', chat.ID, { transferTo: 'user', operatorId: '99' }),
		});
		expect(wrong.error.message).toBe(
			'Bitrix24 imopenlines.operator.transfer: You cannot redirect to this operator [OPERATOR_WRONG]',
		);
		const [finished] = await run('finish');
		expect(finished.json).toEqual({ openLinesChatId: chat.ID, finished: true });
		expect(portal.openLines.chats()[0].session.closed).toBe(true);
		expect(portal.log.at(-1).batch.methods).toEqual(['imopenlines.operator.another.finish']);
	});

	it('names a chat that is no Open Lines dialog', async () => {
		const { error } = await runOpenLines(portal, { parameters: dialog('get', 7) });
		expect(error.message).toBe(
			'Bitrix24 imopenlines.dialog.get: You do not have access to the specified dialog [ACCESS_ERROR]',
		);
	});
});

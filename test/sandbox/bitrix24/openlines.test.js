'use strict';

// Open Lines in the sandbox portal: imconnector.* and imopenlines.* answer with the documented
// bodies, connector chats open sessions and bind CRM records, operators' actions reach the
// connector's application as events in Bitrix24's form format, and Disk gives public links.
const { startSandbox, call, startHandlerServer } = require('./helpers');

const SVG = 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http://www.w3.org/2000/svg%22/%3E';

describe('sandbox Open Lines', () => {
	let sb;
	let hs;
	const rest = () => `${sb.url}/rest/`;
	/** An OAuth call of the local app (as the admin, user 1) or of another app. */
	const app = (method, params = {}, clientId) =>
		call(rest(), method, { auth: tokenOf(clientId), ...params });
	/** A token of the local app, or of another application (`clientId`). */
	const tokenOf = (clientId) => {
		const token = sb.issueTokens({ userId: 1 }).access_token;
		if (clientId) sb.state.tokens.access.get(token).clientId = clientId;
		return token;
	};
	const result = async (method, params, clientId) => {
		const answer = await app(method, params, clientId);
		if (answer.status !== 200) throw new Error(`${method}: ${answer.text}`);
		return answer.body.result;
	};
	const register = (id = 'n8n_chat', extra = {}, clientId = undefined) =>
		result(
			'imconnector.register',
			{
				ID: id,
				NAME: 'n8n chat',
				ICON: { DATA_IMAGE: SVG },
				PLACEMENT_HANDLER: 'https://n8n.example.com/settings',
				...extra,
			},
			clientId,
		);
	const message = (text, extra = {}) => ({
		user: { id: 'u1', name: 'Ann', phone: '+4915112345678' },
		message: { id: `m-${text}`, date: 1773265993, text },
		chat: { id: 'c1', name: 'Web chat' },
		...extra,
	});
	const send = (messages, line = 1, connector = 'n8n_chat') =>
		app('imconnector.send.messages', { CONNECTOR: connector, LINE: line, MESSAGES: messages });
	/** The events the handler server received, as [event, data] pairs. */
	const received = () => hs.received.map((r) => [r.form.event, r.form.data]);

	beforeAll(async () => {
		hs = await startHandlerServer();
		sb = await startSandbox();
	});
	afterAll(async () => {
		await sb.flushEvents();
		await sb.stop();
		await hs.stop();
	});
	beforeEach(async () => {
		await sb.flushEvents();
		sb.reset();
		hs.received.length = 0;
	});

	describe('connectors', () => {
		it('answers a webhook with 403 WRONG_AUTH_TYPE', async () => {
			const answer = await call(sb.webhookUrl, 'imconnector.list', {});
			expect([answer.status, answer.body.error]).toEqual([403, 'WRONG_AUTH_TYPE']);
		});

		it('registers ({result: {result: true}}), updates on a second call, lists, unregisters', async () => {
			expect(await register('N8N_Chat')).toEqual({ result: true });
			expect(await register('n8n_chat', { NAME: 'Renamed' })).toEqual({ result: true });
			expect(await result('imconnector.list')).toEqual({
				livechat: 'Live Chat',
				telegrambot: 'Telegram',
				network: 'Bitrix24.Network',
				n8n_chat: 'Renamed',
			});
			expect(sb.openLines.connectors()[0].flags).toMatchObject({
				NEED_SIGNATURE: true,
				CHAT_GROUP: false,
			});
			// Another application can neither take over nor remove it.
			expect(await register('n8n_chat', {}, 'other.app')).toEqual({
				result: false,
				error: 'APPLICATION_REGISTRATION_ERROR',
				error_description: 'Application registration error',
			});
			expect(await result('imconnector.unregister', { ID: 'n8n_chat' }, 'other.app')).toEqual({
				result: false,
				error: 'APPLICATION_UNREGISTRATION_ERROR',
				error_description: 'Error unregistering the application',
			});
			expect(await result('imconnector.unregister', { ID: 'n8n_chat' })).toEqual({ result: true });
			expect(Object.keys(await result('imconnector.list'))).not.toContain('n8n_chat');
		});

		it('refuses bad registrations with HTTP 200 and result false, as documented', async () => {
			const refusal = async (params) => (await app('imconnector.register', params)).body.result;
			const base = {
				ID: 'x',
				NAME: 'X',
				ICON: { DATA_IMAGE: SVG },
				PLACEMENT_HANDLER: 'https://h.example.com/',
			};
			expect((await refusal({ ...base, ID: '' })).error).toBe('CONNECTOR_ID_REQUIRED');
			expect((await refusal({ ...base, ID: 'my.conn' })).error).toBe(
				'APPLICATION_REGISTRATION_ERROR_POINT',
			);
			expect((await refusal({ ...base, NAME: '' })).error).toBe('NAME_REQUIRED');
			expect((await refusal({ ...base, ICON: {} })).error).toBe('ICON_REQUIRED');
			expect((await refusal({ ...base, PLACEMENT_HANDLER: '' })).error).toBe(
				'NO_PLACEMENT_HANDLER',
			);
			expect((await refusal({ ...base, ID: 'livechat' })).error).toBe(
				'APPLICATION_REGISTRATION_ERROR',
			);
			expect(sb.openLines.connectors()).toEqual([]);
		});

		it('activates (a bare true), tells the status, sets line data, deactivates with ACTIVE=0', async () => {
			await register();
			const status = () => result('imconnector.status', { CONNECTOR: 'n8n_chat', LINE: 1 });
			expect(await status()).toEqual({
				LINE: 1,
				CONNECTOR: 'n8n_chat',
				ERROR: false,
				CONFIGURED: false,
				STATUS: false,
			});
			expect(
				await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1, ACTIVE: '1' }),
			).toBe(true);
			expect(await status()).toMatchObject({ CONFIGURED: true, STATUS: true });
			expect(
				await result('imconnector.connector.data.set', {
					CONNECTOR: 'n8n_chat',
					LINE: 1,
					DATA: { ID: 'site', URL: 'https://shop.example.com', NAME: 'Shop chat' },
				}),
			).toBe(true);
			expect(sb.openLines.connectors()[0]).toMatchObject({
				activeLines: [1],
				lineData: { 1: { ID: 'site', URL: 'https://shop.example.com', NAME: 'Shop chat' } },
			});
			expect(
				await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1, ACTIVE: 0 }),
			).toBe(true);
			expect(await status()).toMatchObject({ CONFIGURED: false, STATUS: false });
			const missing = await app('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1 });
			expect([missing.status, missing.body]).toEqual([
				400,
				{
					error: 'ERROR_ARGUMENT',
					error_description: "Argument 'ACTIVE' is null or empty",
					argument: 'ACTIVE',
				},
			]);
		});
	});

	describe('messages from a channel', () => {
		beforeEach(async () => {
			await register();
			await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1, ACTIVE: 1 });
		});

		it('answers each message with its user, chat and session; one chat per external user', async () => {
			const answer = await send([message('Hi'), message('Still there?')]);
			expect(answer.status).toBe(200);
			const [chat] = sb.openLines.chats();
			expect(answer.body.result).toEqual({
				SUCCESS: true,
				DATA: {
					RESULT: ['Hi', 'Still there?'].map((text) => ({
						user: '1000',
						message: { id: `m-${text}`, date: {}, text, files: [] },
						chat: { id: 'c1', name: 'Web chat' },
						SUCCESS: true,
						session: { ID: String(chat.session.ID), CHAT_ID: String(chat.ID) },
					})),
				},
			});
			expect(chat).toMatchObject({
				userCode: 'n8n_chat|1|c1|u1',
				externalChatId: 'c1',
				externalUserId: 'u1',
			});
			expect(sb.openLines.messages(chat.ID).map((m) => [m.text, m.externalId, m.from])).toEqual([
				['Hi', 'm-Hi', 'customer'],
				['Still there?', 'm-Still there?', 'customer'],
			]);
		});

		it('answers NOT_ACTIVE_LINE for an unknown or inactive line and an inactive connector', async () => {
			const inactive = sb.openLines.addLine({ name: 'Closed', active: false });
			const other = sb.openLines.addLine({ name: 'Other' });
			for (const line of [99, inactive.ID, other.ID]) {
				const answer = await send([message('Hi')], line);
				expect([answer.status, answer.body.error]).toEqual([400, 'NOT_ACTIVE_LINE']);
			}
			const unknown = await send([message('Hi')], 1, 'nobody');
			expect(unknown.body.error).toBe('IMCONNECTOR_NO_CORRECT_PROVIDER');
			const broken = await send([{ user: { id: 'u1' }, chat: { id: 'c1' } }]);
			expect([broken.status, broken.body.error_description]).toEqual([
				400,
				'The incorrect structure of a message inside MESSAGES parameter',
			]);
			expect(sb.openLines.chats()).toEqual([]);
		});

		it('fails single messages in the answer, and takes the others', async () => {
			const answer = await send([
				message('Hi'),
				message('', { message: { id: 'empty' } }),
				message('x', { user: { id: '' } }),
			]);
			const [ok, empty, noUser] = answer.body.result.DATA.RESULT;
			expect(answer.body.result.SUCCESS).toBe(false);
			expect(ok.SUCCESS).toBe(true);
			expect([empty.SUCCESS, empty.ERRORS]).toEqual([
				false,
				['Message text or files are not specified'],
			]);
			expect([noUser.SUCCESS, noUser.ERRORS]).toEqual([false, ['User ID is not specified']]);
		});

		it('binds the session to the contact holding the phone, else creates a lead', async () => {
			sb.seedContacts(1, () => ({
				NAME: 'Ann',
				PHONE: [{ VALUE: '+49 151 1234 5678', VALUE_TYPE: 'WORK' }],
			}));
			await send([message('Hi')]);
			await send([message('Hello', { user: { id: 'u2', name: 'Bob', phone: '+4930123456' } })]);
			const [ann, bob] = sb.openLines.chats();
			expect(ann.crm).toEqual({ type: 'CONTACT', id: Number(sb.contacts()[0].ID) });
			const [lead] = sb.leads();
			expect(bob.crm).toEqual({ type: 'LEAD', id: Number(lead.ID) });
			expect(lead).toMatchObject({ TITLE: 'Bob - Open Channel', SOURCE_ID: 'OPENLINES' });
			expect(await result('imopenlines.dialog.get', { CHAT_ID: ann.ID })).toMatchObject({
				id: ann.ID,
				type: 'lines',
				entity_type: 'LINES',
				entity_id: 'n8n_chat|1|c1|u1',
				entity_data_1: `Y|CONTACT|${ann.crm.id}|N|N|${ann.session.ID}|0|0|0|0`,
				entity_data_2: `LEAD|0|COMPANY|0|CONTACT|${ann.crm.id}|DEAL|0`,
				dialog_id: `chat${ann.ID}`,
			});
		});

		it('fetches files from their URL, keeps what it got and notes what it could not', async () => {
			const storage = await result('disk.storage.getforapp');
			const file = await result('disk.storage.uploadfile', {
				id: storage.ID,
				data: { NAME: 'price.pdf' },
				fileContent: ['price.pdf', Buffer.from('%PDF-1.7 price').toString('base64')],
			});
			const link = await result('disk.file.getexternallink', { id: file.ID });
			expect(link).toMatch(new RegExp(`^${sb.url}/~[\\w-]+$`));
			expect(await result('disk.file.getexternallink', { id: file.ID })).toBe(link);
			await send([
				message('', {
					message: {
						id: 'file-1',
						files: [
							{ url: link, name: 'price.pdf' },
							{ url: `${sb.url}/~missing`, name: 'gone.txt' },
						],
					},
				}),
			]);
			const [stored] = sb.openLines.messages();
			expect(stored.files[0].content.toString()).toBe('%PDF-1.7 price');
			expect(stored.files[1]).toMatchObject({ name: 'gone.txt', error: 'HTTP 404' });
			// A public link needs no credentials.
			expect((await fetch(link)).status).toBe(200);
		});

		it('updates and deletes a customer message by its channel id', async () => {
			await send([message('Hi')]);
			const update = await app('imconnector.update.messages', {
				CONNECTOR: 'n8n_chat',
				LINE: 1,
				MESSAGES: [message('Hi', { message: { id: 'm-Hi', text: 'Hi there' } }), message('nope')],
			});
			expect(update.body.result.DATA.RESULT.map((r) => [r.SUCCESS, r.ERRORS])).toEqual([
				[true, undefined],
				[false, ['Message not found']],
			]);
			expect(sb.openLines.messages()[0].text).toBe('Hi there');
			const removal = await app('imconnector.delete.messages', {
				CONNECTOR: 'n8n_chat',
				LINE: 1,
				MESSAGES: [{ user: { id: 'u1' }, message: { id: 'm-Hi' }, chat: { id: 'c1' } }],
			});
			expect(removal.body.result).toEqual({
				SUCCESS: true,
				DATA: {
					RESULT: [{ user: '1000', message: { id: 'm-Hi' }, chat: { id: 'c1' }, SUCCESS: true }],
				},
			});
			expect(sb.openLines.messages()[0].deleted).toBe(true);
		});
	});

	describe('operators and events', () => {
		let chatId;
		beforeEach(async () => {
			await register();
			await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1, ACTIVE: 1 });
			for (const event of [
				'ONIMCONNECTORMESSAGEADD',
				'ONIMCONNECTORMESSAGEUPDATE',
				'ONIMCONNECTORMESSAGEDELETE',
				'ONIMCONNECTORDIALOGSTART',
				'ONIMCONNECTORDIALOGFINISH',
				'ONIMCONNECTORSTATUSDELETE',
				'ONIMCONNECTORLINEDELETE',
			]) {
				await result('event.bind', { event, handler: `${hs.url}/app` });
				await result('event.bind', { event, handler: `${hs.url}/other` }, 'other.app');
			}
			await send([message('Hi')]);
			chatId = sb.openLines.chats()[0].ID;
			await sb.flushEvents();
			hs.received.length = 0;
		});

		it("sends an operator's answer to the connector's app only, signed, with its files", async () => {
			const reply = sb.openLines.reply({
				chatId,
				text: 'Hello Ann',
				files: [{ name: 'a.png', content: Buffer.from('png'), mimeType: 'image/png' }],
			});
			await sb.flushEvents();
			expect(hs.received.map((r) => r.path)).toEqual(['/app']);
			const [delivery] = hs.received;
			expect(delivery.headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(delivery.body).toContain('data%5BMESSAGES%5D%5B0%5D%5Bim%5D%5Bchat_id%5D=');
			expect(delivery.form.auth.application_token).toBe(sb.applicationToken);
			const [entry] = delivery.form.data.MESSAGES;
			expect(delivery.form.data).toMatchObject({ CONNECTOR: 'n8n_chat', LINE: '1' });
			expect(entry).toMatchObject({
				im: { chat_id: String(chatId), message_id: String(reply.messageId) },
				message: { user_id: '1', text: '[b]Sandbox Admin:[/b] [br]Hello Ann' },
				chat: { id: 'c1' },
			});
			const [file] = entry.message.files;
			expect(file).toMatchObject({ name: 'a.png', type: 'image', mime: 'image/png', size: '3' });
			expect(file.downloadLink.startsWith(`${sb.url}/rest/download.json?token=`)).toBe(true);
			expect(Buffer.from(await (await fetch(file.downloadLink)).arrayBuffer()).toString()).toBe(
				'png',
			);
		});

		it('keeps delivery statuses and sends edits with the channel ids they told', async () => {
			const { messageId } = sb.openLines.reply({ chatId, text: 'Hello' });
			const status = {
				CONNECTOR: 'n8n_chat',
				LINE: 1,
				MESSAGES: [
					{
						im: { chat_id: chatId, message_id: messageId },
						message: { id: ['wamid.1'], date: 1773265999 },
						chat: { id: 'c1' },
					},
				],
			};
			expect(await result('imconnector.send.status.delivery', status)).toEqual({
				SUCCESS: true,
				DATA: [],
			});
			expect(await result('imconnector.send.status.reading', status)).toEqual({
				SUCCESS: true,
				DATA: [],
			});
			const stored = sb.openLines.messages(chatId).find((m) => m.ID === messageId);
			expect([stored.delivered, stored.connectorMid]).toEqual([true, ['wamid.1']]);
			expect(sb.openLines.statusReports().map((r) => r.method)).toEqual([
				'imconnector.send.status.delivery',
				'imconnector.send.status.reading',
			]);
			sb.openLines.edit({ messageId, text: 'Hello!' });
			sb.openLines.remove({ messageId });
			await sb.flushEvents();
			const own = hs.received.filter((r) => r.path === '/app');
			expect(own.map((r) => [r.form.event, r.form.data.MESSAGES[0].message])).toEqual([
				['ONIMCONNECTORMESSAGEADD', { user_id: '1', text: '[b]Sandbox Admin:[/b] [br]Hello' }],
				[
					'ONIMCONNECTORMESSAGEUPDATE',
					{ id: ['wamid.1'], text: '[b]Sandbox Admin:[/b] [br]Hello!' },
				],
				['ONIMCONNECTORMESSAGEDELETE', { id: 'wamid.1' }],
			]);
		});

		it('finishes dialogs, opens the next session, and tells of removed connectors and lines', async () => {
			const chat = () => sb.openLines.chats()[0];
			const first = chat().session.ID;
			expect(await result('imopenlines.operator.another.finish', { CHAT_ID: chatId })).toBe(true);
			expect(chat().session.closed).toBe(true);
			await send([message('Back again')]);
			expect(chat().session).toMatchObject({ closed: false, parentId: first });
			const line = sb.openLines.addLine({ name: 'Second' });
			await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: line.ID, ACTIVE: 1 });
			await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1, ACTIVE: 0 });
			expect(await result('imopenlines.config.delete', { CONFIG_ID: line.ID })).toBe(true);
			await sb.flushEvents();
			expect(
				hs.received.filter((r) => r.path === '/app').map((r) => [r.form.event, r.form.data]),
			).toEqual([
				[
					'ONIMCONNECTORDIALOGFINISH',
					{
						CONNECTOR: 'n8n_chat',
						LINE: '1',
						DATA: [
							{
								connector: { connector_id: 'n8n_chat', line_id: '1', chat_id: 'c1', user_id: 'u1' },
								session: { id: String(first), closed: 'Y', parent_id: '0', close_term: '0' },
								chat: { id: String(chatId) },
								user: { id: 'u1' },
							},
						],
					},
				],
				['ONIMCONNECTORDIALOGSTART', expect.objectContaining({ CONNECTOR: 'n8n_chat' })],
				['ONIMCONNECTORSTATUSDELETE', { connector: 'n8n_chat', line: '1' }],
				['ONIMCONNECTORLINEDELETE', String(line.ID)],
			]);
			expect(received().every(([event]) => event.startsWith('ONIMCONNECTOR'))).toBe(true);
		});

		it('transfers to an operator or a line, and names what is wrong', async () => {
			const transfer = (params) =>
				app('imopenlines.operator.transfer', { CHAT_ID: chatId, ...params });
			expect((await transfer({ TRANSFER_ID: 2 })).body.result).toBe(true);
			expect(sb.openLines.chats()[0].operatorId).toBe(2);
			expect((await transfer({ TRANSFER_ID: 'queue1' })).body.result).toBe(true);
			expect((await transfer({ TRANSFER_ID: 99 })).body.error).toBe('OPERATOR_WRONG');
			expect((await transfer({})).body.error).toBe('TRANSFER_ID_EMPTY');
			const noChat = await app('imopenlines.operator.transfer', { TRANSFER_ID: 2 });
			expect(noChat.body.error).toBe('CHAT_ID_EMPTY');
		});

		it('gives the history of a session', async () => {
			sb.openLines.reply({ chatId, text: 'Hello' });
			const history = await result('imopenlines.session.history.get', { CHAT_ID: chatId });
			expect(Object.values(history.message).map((m) => [m.text, m.senderid])).toEqual(
				expect.arrayContaining([
					['Hi', '1000'],
					['Hello', '1'],
				]),
			);
			expect(history.chat[chatId].entityId).toBe('n8n_chat|1|c1|u1');
			const unknown = await app('imopenlines.dialog.get', { CHAT_ID: 5 });
			expect([unknown.status, unknown.body.error]).toEqual([400, 'ACCESS_ERROR']);
		});
	});

	describe('lines', () => {
		it('lists and gets lines (false for an unknown one)', async () => {
			sb.openLines.addLine({ name: 'Sales', active: false });
			expect(
				await result('imopenlines.config.list.get', { PARAMS: { select: ['ID', 'LINE_NAME'] } }),
			).toEqual([
				{ ID: '1', LINE_NAME: 'Open Channel' },
				{ ID: '2', LINE_NAME: 'Sales' },
			]);
			expect(
				await result('imopenlines.config.list.get', { PARAMS: { filter: { ACTIVE: 'N' } } }),
			).toEqual([expect.objectContaining({ ID: '2', ACTIVE: 'N' })]);
			expect(await result('imopenlines.config.get', { CONFIG_ID: 1 })).toMatchObject({
				ID: '1',
				ACTIVE: 'Y',
			});
			expect(await result('imopenlines.config.get', { CONFIG_ID: 7 })).toBe(false);
			const empty = await app('imopenlines.config.get', {});
			expect(empty.body.error).toBe('CONFIG_ID_EMPTY');
		});
	});

	it('drives operators through the control API', async () => {
		await register();
		await result('imconnector.activate', { CONNECTOR: 'n8n_chat', LINE: 1, ACTIVE: 1 });
		await send([message('Hi')]);
		const [chat] = sb.openLines.chats();
		const control = (path, body) =>
			fetch(`${sb.url}/_sandbox/openlines${path}`, {
				method: body ? 'POST' : 'GET',
				headers: { 'content-type': 'application/json' },
				body: body && JSON.stringify(body),
			}).then((r) => r.json());
		const reply = await control('/reply', {
			chatId: chat.ID,
			text: 'Here you are',
			files: [{ name: 'a.txt', content: Buffer.from('abc').toString('base64') }],
		});
		expect(reply).toMatchObject({ chatId: chat.ID, messageId: expect.any(Number) });
		const snapshot = await control('');
		expect(snapshot.messages.map((m) => [m.from, m.text, m.files.map((f) => f.size)])).toEqual([
			['customer', 'Hi', []],
			['operator', 'Here you are', [3]],
		]);
		expect(await control('/finish', { chatId: chat.ID })).toEqual({ queued: 0 });
		expect(sb.openLines.chats()[0].session.closed).toBe(true);
	});
});

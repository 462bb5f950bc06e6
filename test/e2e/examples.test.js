// Every workflow in examples/ is imported into a real n8n (with the packed package installed as a
// community package) and executed against the sandbox portal, unchanged.
const {
	prepareN8n,
	startSandbox,
	webhookCredential,
	oauthCredential,
	loadExamples,
	nodeOutput,
	cleanUp,
} = require('./harness');
const { portalCall } = require('../helpers/portalCall');
const { createWhatsAppSandbox } = require('../../sandbox/whatsapp');
const { seedDemo } = require('../../sandbox/bitrix24/demo');

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The credential the new-task example's trigger reads its outgoing-webhook token from. */
const OUTGOING_TOKEN = 'e2e-outgoing-webhook-application-token';
const outgoingTokenCredential = {
	id: 'b24OutgoingTokn1',
	name: 'Bitrix24 (outgoing webhook token)',
	type: 'bitrix24ApplicationTokenApi',
	data: { applicationToken: OUTGOING_TOKEN },
};

/** A REST call as the sandbox's local app (OAuth), as an app's own code makes it. */
async function appCall(sandbox, method, params = {}) {
	const response = await fetch(`${sandbox.url}/rest/${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...params, auth: sandbox.issueTokens({ userId: 1 }).access_token }),
	});
	const body = await response.json();
	if (body.error) throw new Error(`${method}: ${body.error_description || body.error}`);
	return body.result;
}

/** The WhatsApp connector, registered by the app and active on line 1 (again: it updates). */
async function setUpWhatsAppConnector(sandbox) {
	const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>';
	await appCall(sandbox, 'imconnector.register', {
		ID: 'n8n_whatsapp',
		NAME: 'WhatsApp (n8n)',
		ICON: { DATA_IMAGE: `data:image/svg+xml,${encodeURIComponent(svg)}` },
		PLACEMENT_HANDLER: 'https://n8n.example.com/settings',
	});
	await appCall(sandbox, 'imconnector.activate', { CONNECTOR: 'n8n_whatsapp', LINE: 1, ACTIVE: 1 });
}

/** The WhatsApp Cloud API fake the WhatsApp examples talk to (started with the suite). */
let whatsapp;
const WHATSAPP_CREDENTIAL = { id: 'waSandboxCloud1', name: 'WhatsApp Cloud (sandbox)' };
const CUSTOMER = '4915112345678';

/** Waits until `find` returns something; events and polls reach n8n asynchronously. */
async function eventually(find, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = find();
		if (found) return found;
		if (Date.now() > deadline) throw new Error('Timed out waiting for the workflow to act');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** What each example must do; an example without an entry here fails the suite. */
const EXPECTATIONS = {
	'call-any-method.json': {
		async run(n8n, workflow, sandbox) {
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const me = nodeOutput(run, 'Who am I (user.current)');
			expect(me[0].json.result.ID).toBe('1');
			const mine = nodeOutput(run, 'My leads (crm.lead.list)');
			const expected = sandbox.leads().filter((lead) => lead.ASSIGNED_BY_ID === '1');
			expect(mine.map((item) => item.json.ID)).toEqual(expected.map((lead) => lead.ID).reverse());
		},
	},
	'copy-new-leads-to-spreadsheet.json': {
		/** Published and polled by n8n itself, every minute as the example says. */
		active: true,
		async run(n8n, workflow, sandbox) {
			const files = () => sandbox.diskFiles().filter((file) => file.NAME.startsWith('new-leads-'));
			const polls = () => sandbox.log.filter((entry) => entry.restMethod === 'crm.lead.list');
			// The first poll after activation only notes where the table ends.
			await eventually(() => polls().length > 0, 75000);
			expect(files()).toEqual([]);
			for (const title of ['Polled A', 'Polled B', 'Polled C'])
				await portalCall(sandbox, 'crm.lead.add', { fields: { TITLE: title } });
			const [file] = await eventually(() => (files().length ? files() : undefined), 75000);
			expect(file.NAME).toMatch(/^new-leads-\d{4}-\d\d-\d\d-\d{4}\.xlsx$/);
			expect(file.content.subarray(0, 2).toString()).toBe('PK');
			expect(files()).toHaveLength(1);
		},
	},
	'message-responsible-on-new-task.json': {
		webhook: '/webhook/7e2f5c18-6d4a-4b9e-8c1f-b24f0e7a1c05/webhook',
		async run(n8n, workflow, sandbox) {
			// Outgoing-webhook mode: the portal admin registers the trigger's URL by hand.
			sandbox.addOutgoingWebhook({
				url: `${n8n.url}${this.webhook}`,
				events: ['ONTASKADD'],
				applicationToken: OUTGOING_TOKEN,
			});
			const forged = sandbox.addOutgoingWebhook({
				url: `${n8n.url}${this.webhook}`,
				events: ['ONTASKADD'],
			});
			const { task } = await portalCall(sandbox, 'tasks.task.add', {
				fields: { TITLE: 'Call the new supplier', RESPONSIBLE_ID: 2 },
			});
			const message = await eventually(() =>
				sandbox.messages().find((m) => m.MESSAGE.includes('Call the new supplier')),
			);
			expect(message).toMatchObject({
				DIALOG_ID: '2',
				MESSAGE: 'New task for you: [b]Call the new supplier[/b]',
			});
			const deliveries = sandbox.eventLog().filter((entry) => entry.event === 'ONTASKADD');
			expect(deliveries.map((entry) => entry.status).sort()).toEqual([200, 401]);
			expect(
				sandbox.messages().filter((m) => m.MESSAGE.includes('Call the new supplier')),
			).toHaveLength(1);
			sandbox.removeOutgoingWebhook(forged.id);
			expect(task.id).toBeDefined();
		},
	},
	'notify-chat-when-deal-won.json': {
		webhook: '/webhook/4c7d1e90-2a5b-4f6e-9b3c-b24f0e7a1c04/webhook',
		async run(n8n, workflow, sandbox) {
			// OAuth2 mode: activation subscribed the trigger itself.
			const bound = sandbox
				.eventBindings()
				.filter((b) => b.handler === `${n8n.url}${this.webhook}`);
			// ONAPPTEST: how the trigger learns the app's token (event.test on activation).
			expect(bound.map((b) => b.event)).toEqual(['ONAPPTEST', 'ONCRMDEALUPDATE']);
			const won = await portalCall(sandbox, 'crm.deal.add', {
				fields: { TITLE: 'Big order', OPPORTUNITY: 5000, CURRENCY_ID: 'EUR' },
			});
			const lost = await portalCall(sandbox, 'crm.deal.add', { fields: { TITLE: 'Small order' } });
			await portalCall(sandbox, 'crm.deal.update', { id: lost, fields: { STAGE_ID: 'LOSE' } });
			await portalCall(sandbox, 'crm.deal.update', { id: won, fields: { STAGE_ID: 'WON' } });
			const message = await eventually(() =>
				sandbox.messages().find((m) => m.MESSAGE.startsWith('[b]Deal won![/b]')),
			);
			expect(message).toMatchObject({
				DIALOG_ID: 'chat7',
				MESSAGE: '[b]Deal won![/b] Big order — 5000.00 EUR',
			});
			await sandbox.flushEvents();
			expect(sandbox.messages().filter((m) => m.MESSAGE.includes('Small order'))).toEqual([]);
		},
	},
	'open-lines-reply-to-whatsapp.json': {
		webhook: '/webhook/8b3e1f2a-6c4d-4a9b-8e7f-1a2b3c4d5e62/webhook',
		async run(n8n, workflow, sandbox) {
			const customer = '4915177770000';
			const toCustomer = () => whatsapp.sent.filter((message) => message.to === customer);
			// The trigger accepts events once it learned the app's token from its ONAPPTEST.
			const trigger = `${n8n.url}${this.webhook}`;
			await eventually(() =>
				sandbox
					.eventLog()
					.find((e) => e.event === 'ONAPPTEST' && e.handler === trigger && e.status === 200),
			);
			// The customer wrote on WhatsApp a moment ago (the 24-hour window is open), and the
			// message reached Open Lines through the connector the trigger set up on activation.
			whatsapp.limits.customerWrote(whatsapp.phoneNumberId, customer);
			await appCall(sandbox, 'imconnector.send.messages', {
				CONNECTOR: 'n8n_whatsapp',
				LINE: 1,
				MESSAGES: [
					{
						user: { id: customer, name: 'Grace', phone: `+${customer}` },
						message: {
							id: 'wamid.IN-GRACE-1',
							date: Math.floor(Date.now() / 1000),
							text: 'Do you have the price list?',
						},
						chat: { id: customer },
					},
				],
			});
			const chat = sandbox.openLines.chats().find((entry) => entry.externalChatId === customer);

			// The operator answers with text and a file: both go to the customer's WhatsApp.
			const pdf = Buffer.from('%PDF-1.4 price list');
			sandbox.openLines.reply({
				chatId: chat.ID,
				text: 'Here it is',
				files: [{ name: 'price-list.pdf', content: pdf, mimeType: 'application/pdf' }],
			});
			await sandbox.flushEvents();
			const sent = await eventually(() => (toCustomer().length >= 2 ? toCustomer() : undefined));
			expect(sent.map((message) => message.type)).toEqual(['text', 'document']);
			expect(sent[0].content.body).toBe('Here it is');
			expect(whatsapp.media.find((media) => media.id === sent[1].content.id).data.equals(pdf)).toBe(
				true,
			);
			expect(JSON.parse(sent[0].bizOpaqueCallbackData)).toMatchObject({
				src: 'n8n-conversation',
				chat: customer,
				olChat: chat.ID,
				line: 1,
				connector: 'n8n_whatsapp',
			});

			// More than 24 hours later WhatsApp refuses free-form messages: the template goes instead, once.
			whatsapp.limits.closeWindow(whatsapp.phoneNumberId, customer);
			sandbox.openLines.reply({ chatId: chat.ID, text: 'Your order shipped' });
			await sandbox.flushEvents();
			const all = await eventually(() => (toCustomer().length >= 3 ? toCustomer() : undefined));
			expect(all[2]).toMatchObject({
				type: 'template',
				content: {
					name: 'conversation_reopen',
					language: { code: 'en_US' },
					components: [
						{ type: 'body', parameters: [{ type: 'text', text: 'Your order shipped' }] },
					],
				},
			});
			const refused = whatsapp.log.filter(
				(entry) =>
					entry.kind === 'messages' && entry.params.to === customer && entry.errorCode === 131047,
			);
			expect(refused).toHaveLength(1);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(toCustomer()).toHaveLength(3);
		},
	},
	'whatsapp-to-open-lines.json': {
		webhook: '/webhook/5d2a7c1e-3b4f-4e8a-9c6d-7a1b2c3d4e51/webhook',
		async run(n8n, workflow, sandbox) {
			// Publishing made the trigger its number's callback (Meta's webhook override): the fake
			// sent Meta's verification GET to n8n and got the challenge back.
			expect(whatsapp.state.phoneOverrides.get(whatsapp.phoneNumberId)?.url).toBe(
				`${n8n.url}${this.webhook}`,
			);
			await setUpWhatsAppConnector(sandbox);
			const ada = sandbox.contacts().find((contact) => contact.NAME === 'Ada');

			// Text and a file reach the operators; the CRM tracker binds Ada by her mobile number.
			const pdf = Buffer.from('%PDF-1.4 order 1042');
			const text = await whatsapp.receive({
				from: CUSTOMER,
				name: 'Ada Lovelace',
				text: 'Hello from WhatsApp',
			});
			const file = await whatsapp.receive({
				from: CUSTOMER,
				name: 'Ada Lovelace',
				type: 'document',
				data: pdf,
				mimeType: 'application/pdf',
				fileName: 'order.pdf',
				caption: 'My order',
			});
			expect([text.delivery.status, file.delivery.status]).toEqual([200, 200]);
			const chat = sandbox.openLines
				.chats()
				.find((entry) => entry.connector === 'n8n_whatsapp' && entry.externalChatId === CUSTOMER);
			expect(chat).toMatchObject({
				externalChatId: CUSTOMER,
				crm: { type: 'CONTACT', id: Number(ada.ID) },
			});
			const arrived = sandbox.openLines.messages(chat.ID);
			expect(arrived.map((m) => [m.text, m.externalId])).toEqual([
				['Hello from WhatsApp', text.message.id],
				['My order', file.message.id],
			]);
			expect(arrived[1].files[0].content.equals(pdf)).toBe(true);

			// Nothing lost: Bitrix24 fails once, so n8n answers Meta 500; Meta's retry goes in, once.
			sandbox.faults.add({
				type: 'status',
				status: 500,
				probability: 1,
				times: 1,
				match: { restMethod: 'imconnector.send.messages' },
			});
			const failed = await whatsapp.receive({
				from: CUSTOMER,
				name: 'Ada Lovelace',
				text: 'Are you there?',
			});
			expect(failed.delivery.status).toBe(500);
			expect(
				sandbox.openLines.messages(chat.ID).filter((m) => m.text === 'Are you there?'),
			).toHaveLength(0);
			const retried = await whatsapp.redeliver(failed.delivery);
			expect(retried.status).toBe(200);
			expect(
				sandbox.openLines.messages(chat.ID).filter((m) => m.text === 'Are you there?'),
			).toHaveLength(1);

			// An operator's answer went out to WhatsApp with its Open Lines IDs (as Send Conversation
			// Message sends it); its delivered and read statuses come back to Open Lines.
			const answer = sandbox.openLines.reply({ chatId: chat.ID, text: 'Yes, here' });
			const sent = await fetch(`${whatsapp.graphUrl}/${whatsapp.phoneNumberId}/messages`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${whatsapp.accessToken}`,
					'content-type': 'application/json',
				},
				body: JSON.stringify({
					messaging_product: 'whatsapp',
					to: CUSTOMER,
					type: 'text',
					text: { body: 'Yes, here' },
					biz_opaque_callback_data: JSON.stringify({
						src: 'n8n-conversation',
						msg: String(answer.messageId),
						chat: CUSTOMER,
						line: 1,
						connector: 'n8n_whatsapp',
						olChat: chat.ID,
					}),
				}),
			}).then((response) => response.json());
			const wamid = sent.messages[0].id;
			expect((await whatsapp.status({ messageId: wamid, status: 'sent' })).status).toBe(200);
			expect((await whatsapp.status({ messageId: wamid, status: 'delivered' })).status).toBe(200);
			expect((await whatsapp.status({ messageId: wamid, status: 'read' })).status).toBe(200);
			const reports = sandbox.openLines
				.statusReports()
				.filter((report) => report.connector === 'n8n_whatsapp');
			expect(reports.map((report) => report.method)).toEqual([
				'imconnector.send.status.delivery',
				'imconnector.send.status.reading',
			]);
			const operatorMessage = sandbox.openLines
				.messages(chat.ID)
				.find((m) => m.ID === answer.messageId);
			expect(operatorMessage).toMatchObject({ delivered: true, connectorMid: [wamid] });
		},
	},
	'open-lines-contact-from-phone.json': {
		webhook: '/webhook/webform/messages',
		async run(n8n, workflow, sandbox) {
			const post = async (body) => {
				const response = await fetch(`${n8n.url}/webhook/webform/messages`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				expect(response.status).toBe(200);
				return await response.json();
			};
			const first = await post({
				name: 'Jana',
				phone: '+49 170 7654321',
				text: 'Is my order on its way?',
			});
			// The same person writes again with her national number: the same contact and dialog.
			const again = await post({ name: 'Jana Kowalski', phone: '0170 7654321', text: 'Any news?' });
			expect(first).toEqual({
				contactId: expect.any(Number),
				newContact: true,
				openLinesChatId: expect.any(Number),
			});
			expect(again).toEqual({ ...first, newContact: false });
			const contact = sandbox.contacts().find((c) => Number(c.ID) === first.contactId);
			expect(contact).toMatchObject({ NAME: 'Jana Kowalski', SOURCE_ID: 'WEB' });
			expect(contact.PHONE.map((phone) => phone.VALUE)).toEqual(['+491707654321']);
			const chat = sandbox.openLines.chats().find((c) => c.ID === first.openLinesChatId);
			expect(chat).toMatchObject({
				connector: 'n8n_webform',
				externalChatId: `contact-${first.contactId}`,
				crm: { type: 'CONTACT', id: first.contactId },
			});
			expect(sandbox.openLines.messages(chat.ID).map((m) => m.text)).toEqual([
				'Is my order on its way?',
				'Any news?',
			]);
		},
	},
	'open-lines-web-chat-bridge.json': {
		webhook: '/webhook/webchat/messages',
		async run(n8n, workflow, sandbox) {
			const trigger = `${n8n.url}/webhook/2e8d4b6a-7c1f-4a3e-9d5b-b24f0e7a1c11/webhook`;
			// Publishing set the connector up on line 1 and subscribed the trigger, which learned
			// the app's token from the ONAPPTEST its activation asked for.
			expect(sandbox.openLines.connectors().find((c) => c.ID === 'n8n_webchat')).toMatchObject({
				NAME: 'n8n web chat',
				activeLines: [1],
			});
			await eventually(() =>
				sandbox
					.eventLog()
					.find((e) => e.event === 'ONAPPTEST' && e.handler === trigger && e.status === 200),
			);
			const sent = await fetch(`${n8n.url}/webhook/webchat/messages`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					chatId: 'visitor-42',
					name: 'Ada Visitor',
					text: 'Do you ship to Berlin?',
				}),
			});
			expect(sent.status).toBe(200);
			const { openLinesChatId } = await sent.json();
			expect(sandbox.openLines.messages(openLinesChatId).map((m) => m.text)).toEqual([
				'Do you ship to Berlin?',
			]);

			const { messageId } = sandbox.openLines.reply({
				chatId: openLinesChatId,
				text: 'We do, in two days.',
			});
			const poll = async () =>
				(await fetch(`${n8n.url}/webhook/webchat/replies?chatId=visitor-42`)).json();
			const answered = await eventually(() => {
				const stored = sandbox.openLines.messages(openLinesChatId).find((m) => m.ID === messageId);
				return stored.delivered ? stored : undefined;
			});
			expect(answered.delivered).toBe(true);
			expect(await poll()).toEqual({
				chatId: 'visitor-42',
				replies: [
					{
						id: String(messageId),
						from: 'Sandbox Admin',
						text: 'We do, in two days.',
						at: expect.any(String),
					},
				],
			});
			expect((await poll()).replies).toEqual([]);
		},
	},
	'create-lead-from-website-form.json': {
		webhook: '/webhook/bitrix24-new-lead',
		async run(n8n, workflow, sandbox) {
			const before = sandbox.leads().length;
			const response = await fetch(`${n8n.url}/webhook/bitrix24-new-lead`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'Grace Hopper',
					email: 'grace@example.com',
					phone: '+1 555 0100',
					message: 'Call me',
				}),
			});
			expect(response.status).toBe(200);
			const body = await response.json();
			const leads = sandbox.leads();
			expect(leads).toHaveLength(before + 1);
			const lead = leads[leads.length - 1];
			expect(body).toEqual({ id: Number(lead.ID) });
			expect(lead).toMatchObject({
				TITLE: 'Website inquiry: Grace Hopper',
				NAME: 'Grace Hopper',
				SOURCE_ID: 'WEB',
				COMMENTS: 'Call me',
			});
			expect(lead.EMAIL[0].VALUE).toBe('grace@example.com');

			// A form that sends only some fields: nothing reads "undefined" in Bitrix24.
			const partial = await fetch(`${n8n.url}/webhook/bitrix24-new-lead`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'only-email@example.com' }),
			});
			expect(partial.status).toBe(200);
			const { id } = await partial.json();
			const sparse = sandbox.leads().find((l) => Number(l.ID) === id);
			expect(sparse.TITLE).toBe('Website inquiry: only-email@example.com');
			expect(JSON.stringify(sparse)).not.toContain('undefined');
		},
	},
	'export-leads-to-csv.json': {
		async run(n8n, workflow, sandbox) {
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			expect(nodeOutput(run, 'Get all leads')).toHaveLength(sandbox.leads().length);
			const [file] = nodeOutput(run, 'Convert to CSV');
			expect(file.binary.data).toMatchObject({ fileName: 'leads.csv', mimeType: 'text/csv' });
		},
	},
	'move-stale-deals-on-schedule.json': {
		async run(n8n, workflow, sandbox) {
			const untouchedForAWeek = (deal) => Date.parse(deal.DATE_MODIFY) < Date.now() - WEEK_MS;
			const stale = sandbox
				.deals()
				.filter((deal) => deal.STAGE_ID === 'NEW' && untouchedForAWeek(deal));
			const fresh = sandbox
				.deals()
				.filter((deal) => deal.STAGE_ID === 'NEW' && !untouchedForAWeek(deal));
			expect(stale.length).toBeGreaterThan(0);
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const moved = nodeOutput(run, 'Move to Preparation');
			expect(moved.map((item) => String(item.json.id)).sort()).toEqual(
				stale.map((deal) => deal.ID).sort(),
			);
			const after = new Map(sandbox.deals().map((deal) => [deal.ID, deal.STAGE_ID]));
			for (const deal of stale) expect(after.get(deal.ID)).toBe('PREPARATION');
			for (const deal of fresh) expect(after.get(deal.ID)).toBe('NEW');
		},
	},
	'upsert-contacts-from-spreadsheet.json': {
		async run(n8n, workflow, sandbox) {
			const first = await n8n.execute(workflow.id);
			expect(first.status).toBe('success');
			expect(
				nodeOutput(first, 'Create or update contact').map((item) => item.json.created),
			).toEqual([false, true, true]);
			const again = await n8n.execute(workflow.id);
			expect(
				nodeOutput(again, 'Create or update contact').map((item) => item.json.updated),
			).toEqual([true, true, true]);
			const byEmail = new Map(
				sandbox.contacts().map((contact) => [contact.EMAIL[0].VALUE, contact]),
			);
			expect(byEmail.size).toBe(3);
			expect(byEmail.get('ada@example.com')).toMatchObject({
				NAME: 'Ada',
				LAST_NAME: 'Lovelace',
				POST: 'Analyst',
			});
		},
	},
	'create-task-from-form.json': {
		webhook: '/webhook/bitrix24-new-task',
		async run(n8n, workflow, sandbox) {
			const post = async (body) => {
				const response = await fetch(`${n8n.url}/webhook/bitrix24-new-task`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				expect(response.status).toBe(200);
				return await response.json();
			};
			const known = await post({
				title: 'Prepare the quarterly report',
				details: 'Numbers from [b]Q3[/b]',
				requester: 'Ada',
				assigneeEmail: 'manager@sandbox.local',
				due: '2026-12-15T17:00:00',
			});
			const unknown = await post({
				title: 'Fix the printer',
				details: 'Third floor',
				requester: 'Grace',
				assigneeEmail: 'nobody@example.com',
				due: '2026-12-16T09:00:00',
			});
			const tasks = new Map(sandbox.tasks().map((task) => [Number(task.id), task]));
			expect(known).toEqual({ taskId: expect.any(Number), responsibleId: 2 });
			expect(tasks.get(known.taskId)).toMatchObject({
				title: 'Prepare the quarterly report',
				description: 'Numbers from [b]Q3[/b][br][br]Requested by Ada',
				responsibleId: '2',
				tags: ['request'],
			});
			expect(tasks.get(known.taskId).deadline).toMatch(/^2026-12-15T17:00:00/);
			expect(unknown.responsibleId).toBe(1);
			expect(tasks.get(unknown.taskId).title).toBe('Fix the printer');

			const bare = await post({ title: 'Water the plants' });
			const task = sandbox.tasks().find((t) => Number(t.id) === bare.taskId);
			expect(task.title).toBe('Water the plants');
			expect(JSON.stringify(task)).not.toContain('undefined');
		},
	},
	'daily-task-digest.json': {
		async run(n8n, workflow, sandbox) {
			const notifiedBefore = sandbox.notifications().length;
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const open = nodeOutput(run, 'Open tasks due by tonight');
			expect(open.map((item) => item.json.title).sort()).toEqual([
				'Call Ann about the offer',
				'Chase the overdue invoice',
				'Send the contract draft',
			]);
			const sent = sandbox.notifications().slice(notifiedBefore);
			const byUser = new Map(sent.map((n) => [String(n.USER_ID), n.MESSAGE]));
			expect(byUser.size).toBe(2);
			expect(byUser.get('1')).toBe(
				'[b]Your open tasks due by today[/b][br]Call Ann about the offer[br]Chase the overdue invoice',
			);
			expect(byUser.get('2')).toBe(
				'[b]Your open tasks due by today[/b][br]Send the contract draft',
			);
		},
	},
	'save-email-attachment-to-disk.json': {
		webhook: '/webhook/bitrix24-email-attachment',
		async run(n8n, workflow, sandbox) {
			const bytes = Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 31) % 256));
			const send = async () => {
				const form = new FormData();
				form.append('from', 'ada@example.com');
				form.append('subject', 'Signed contract');
				form.append('attachment', new Blob([bytes], { type: 'application/pdf' }), 'contract.pdf');
				const response = await fetch(`${n8n.url}/webhook/bitrix24-email-attachment`, {
					method: 'POST',
					body: form,
				});
				expect(response.status).toBe(200);
				return await response.json();
			};
			const first = await send();
			const second = await send();
			const files = new Map(sandbox.diskFiles().map((file) => [Number(file.ID), file]));
			expect(files.get(first.fileId)).toMatchObject({ NAME: 'contract.pdf', STORAGE_ID: 1 });
			expect(files.get(second.fileId).NAME).toBe('contract (1).pdf');
			const task = sandbox.tasks().find((t) => Number(t.id) === first.taskId);
			expect(task).toMatchObject({
				title: 'Review the attachment from ada@example.com',
				description: 'Subject: Signed contract',
				ufTaskWebdavFiles: [`n${first.fileId}`],
			});
			expect(files.get(first.fileId).content.equals(bytes)).toBe(true);
		},
	},
	'sync-employees-to-spreadsheet.json': {
		async run(n8n, workflow, sandbox) {
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const active = sandbox.users().filter((user) => user.ACTIVE !== false);
			const rows = nodeOutput(run, 'Spreadsheet columns');
			expect(rows.map((row) => row.json.ID)).toEqual(active.map((user) => Number(user.ID)));
			expect(rows.find((row) => row.json.Email === 'dev@example.com').json).toEqual({
				ID: expect.any(Number),
				Name: 'Dana Dev',
				Email: 'dev@example.com',
				Position: 'Developer',
				Phones: '+1 555 0101, +1 555 0102',
				Departments: '1',
			});
			const [file] = nodeOutput(run, 'Employees.xlsx');
			expect(file.binary.data).toMatchObject({ fileName: 'employees.xlsx' });
		},
	},
	'update-lead-status.json': {
		async run(n8n, workflow, sandbox) {
			const newBefore = sandbox.leads().filter((lead) => lead.STATUS_ID === 'NEW').length;
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const updated = nodeOutput(run, 'Set status In progress');
			expect(updated).toHaveLength(10);
			expect(updated.every((item) => item.json.updated === true)).toBe(true);
			expect(sandbox.leads().filter((lead) => lead.STATUS_ID === 'NEW')).toHaveLength(
				newBefore - 10,
			);
			const ids = new Set(updated.map((item) => String(item.json.id)));
			for (const lead of sandbox.leads().filter((lead) => ids.has(lead.ID))) {
				expect(lead).toMatchObject({ STATUS_ID: 'IN_PROCESS', COMMENTS: 'Picked up by n8n' });
			}
		},
	},
};

describe('example workflows in a real n8n', () => {
	const examples = loadExamples();
	let n8n;
	let sandbox;

	beforeAll(async () => {
		// The portal `npm start` shows: every example must find something to act on in it.
		sandbox = await startSandbox();
		await seedDemo(sandbox);
		whatsapp = createWhatsAppSandbox();
		await whatsapp.start();
		n8n = await prepareN8n('examples');
		await n8n.importCredentials([
			webhookCredential(sandbox),
			oauthCredential(sandbox),
			outgoingTokenCredential,
			{ ...WHATSAPP_CREDENTIAL, type: 'whatsAppCloudApi', data: whatsapp.credentials() },
		]);
		await n8n.importWorkflows(examples.map(({ workflow }) => workflow));
	});

	afterAll(async () => {
		await cleanUp(n8n);
		await sandbox?.stop();
		await whatsapp?.stop();
	});

	it('has an expectation for every example', () => {
		expect(examples.map((example) => example.file).filter((file) => !EXPECTATIONS[file])).toEqual(
			[],
		);
	});

	const whenStarted = (file) => EXPECTATIONS[file]?.webhook || EXPECTATIONS[file]?.active;
	for (const { file, workflow } of loadExamples().filter(({ file }) => !whenStarted(file))) {
		it(`runs ${file}`, async () => {
			await EXPECTATIONS[file].run(n8n, workflow, sandbox);
		});
	}

	describe('with n8n started and the triggered examples published', () => {
		beforeAll(async () => {
			for (const { file, workflow } of examples) {
				if (whenStarted(file)) await n8n.publishWorkflow(workflow.id);
			}
			await n8n.start();
			for (const { file } of examples)
				if (EXPECTATIONS[file]?.webhook) await n8n.waitForWebhook(EXPECTATIONS[file].webhook);
		});

		for (const { file, workflow } of loadExamples().filter(({ file }) => whenStarted(file))) {
			it(`runs ${file}`, async () => {
				await EXPECTATIONS[file].run(n8n, workflow, sandbox);
			}, 180000);
		}
	});
});

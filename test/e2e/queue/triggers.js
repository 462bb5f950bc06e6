// Every trigger of the package, as the queue-mode suite runs it: one entry each. A new trigger
// (Open Lines, a channel, a WebSocket trigger) is proven in queue mode by adding its entry here;
// the suite applies the same checks to every entry (test/e2e/queueMode.test.js):
//   - exactly one execution per event (`perEvent`) or per poll that found something, each event's
//     id in exactly one execution and one action, nothing lost, nothing run twice;
//   - each execution queued by the process that runs the trigger and run by one worker;
//   - the trigger's own portal calls made by that process, the action's by workers only.
// Where a trigger runs (`runsOn`), in n8n 2.40.7 queue mode:
//   'webhook' — webhook() runs in the process that receives the request: the webhook process;
//   'main'    — poll() and trigger() (a WebSocket trigger too) run on the leader main only.
const {
	webhookCredential,
	oauthCredential,
	WEBHOOK_CREDENTIAL,
	OAUTH_CREDENTIAL,
} = require('../harness');
const { createWhatsAppSandbox } = require('../../../sandbox/whatsapp');

const PACKAGE = 'n8n-nodes-bitrix24';
/** Every action posts `<marker> <event id>` here; the markers tell the triggers apart. */
const DIALOG = 'chat7';

const OUTGOING_TOKEN = 'queue-e2e-outgoing-webhook-application-token';
const TOKEN_CREDENTIAL = { id: 'b24QueueToken001', name: 'Bitrix24 (queue outgoing token)' };

/**
 * A REST call as a portal user makes one (updating a deal, adding a task). The workflows' requests
 * share the portal's rate limit with these: a refused call (503 QUERY_LIMIT_EXCEEDED, not
 * executed) is sent again.
 */
async function userCall(sandbox, method, params) {
	for (;;) {
		const response = await fetch(`${sandbox.webhookUrl}${method}.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(params),
		});
		const body = await response.json();
		if (body.error === 'QUERY_LIMIT_EXCEEDED') {
			await new Promise((resolve) => setTimeout(resolve, 500));
			continue;
		}
		if (body.error) throw new Error(`${method}: ${body.error_description || body.error}`);
		return body.result;
	}
}

/** A REST call as the portal's local app (OAuth), as an app's own code makes it; retried alike. */
async function appCall(sandbox, method, params) {
	for (;;) {
		const response = await fetch(`${sandbox.url}/rest/${method}.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...params, auth: sandbox.issueTokens({ userId: 1 }).access_token }),
		});
		const body = await response.json();
		if (body.error === 'QUERY_LIMIT_EXCEEDED') {
			await new Promise((resolve) => setTimeout(resolve, 500));
			continue;
		}
		if (body.error) throw new Error(`${method}: ${body.error_description || body.error}`);
		return body.result;
	}
}

/** Waits until `find()` returns something truthy; only a wait, never an assertion on time. */
async function eventually(find, what, timeoutMs = 120000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await find();
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Waits until an OAuth2 trigger bound `event` and answered the portal's ONAPPTEST proof. */
async function subscribedAndProven(sandbox, handler, event, what) {
	await eventually(
		() =>
			sandbox.eventBindings().some((b) => b.handler === handler && b.event === event) &&
			sandbox
				.eventLog()
				.some((e) => e.event === 'ONAPPTEST' && e.handler === handler && e.status === 200),
		what,
	);
}

/** Trigger → Bitrix24 (Message → Send) posting `<marker> <id>` for every item. */
function workflow({ id, name, trigger, marker, idExpression, auth }) {
	const credentials =
		auth === 'oAuth2'
			? { bitrix24OAuth2Api: { id: OAUTH_CREDENTIAL.id, name: OAUTH_CREDENTIAL.name } }
			: { bitrix24WebhookApi: { id: WEBHOOK_CREDENTIAL.id, name: WEBHOOK_CREDENTIAL.name } };
	return {
		id,
		name,
		nodes: [
			{ id: 't', position: [0, 0], ...trigger },
			{
				id: 'a',
				name: 'Post to chat',
				type: `${PACKAGE}.bitrix24`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					authentication: auth,
					resource: 'message',
					operation: 'send',
					dialogId: DIALOG,
					message: `=${marker} {{ ${idExpression} }}`,
				},
				credentials,
			},
		],
		connections: { [trigger.name]: { main: [[{ node: 'Post to chat', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const sentIds = (sandbox, marker) =>
	sandbox
		.messages()
		.filter((m) => m.DIALOG_ID === DIALOG && m.MESSAGE.startsWith(`${marker} `))
		.map((m) => m.MESSAGE.slice(marker.length + 1));

/**
 * @typedef {object} Context
 * @property {import('../../../sandbox/bitrix24').Sandbox} sandbox
 * @property {import('./deployment').QueueDeployment} deployment
 * @property {import('./attribution').RequestAttribution} attribution
 *
 * @typedef {object} TriggerCase
 * @property {string} name
 * @property {'webhook' | 'main'} runsOn
 * @property {boolean} perEvent one execution per event (webhooks), or one per poll that found any
 * @property {string} triggerNode
 * @property {object} workflow
 * @property {(sandbox: any) => object[]} credentials
 * @property {(ctx: Context) => void | Promise<void>} [seed] before n8n starts (a channel fake
 *   it needs is started here)
 * @property {string} [webhookPath] production path the webhook process must serve
 * @property {(ctx: Context) => Promise<void>} ready waits until the trigger listens
 * @property {(ctx: Context) => Promise<string[]>} fire raises the events; returns their ids
 * @property {(item: object) => string} eventId of one output item of the trigger
 * @property {(ctx: Context) => string[]} actionIds ids the action posted
 * @property {string[]} triggerCalls portal methods the trigger calls while running (by `runsOn`)
 * @property {(ctx: Context) => object[]} [triggerRequests] the requests the trigger makes, when
 *   they are not portal REST calls (a WebSocket trigger's upgrade to a push server: see below)
 * @property {string[]} actionCalls portal methods the action calls (by workers; the Bitrix24 node
 *   sends its items' calls in `batch` requests)
 * @property {(ctx: Context) => object} [deliveries] for pushed events: the delivery log of the
 *   portal (or of the channel fake that pushes them)
 * @property {(ctx: Context) => Promise<void>} [stop] after n8n stopped: stops what seed() started
 */

/** @type {TriggerCase[]} */
const TRIGGERS = [
	(() => {
		const webhookId = '0d5f3c2a-7b41-4c8e-9a6d-b24a0e11c001';
		const marker = 'queue-oauth-deal';
		const events = 20;
		return {
			name: 'Bitrix24 Trigger, OAuth2 (subscribes itself): deal updated',
			runsOn: 'webhook',
			perEvent: true,
			triggerNode: 'Deal updated',
			workflow: workflow({
				id: 'queueOAuthDeal01',
				name: 'Queue: deal updated (OAuth2)',
				auth: 'oAuth2',
				marker,
				idExpression: '$json.id',
				trigger: {
					name: 'Deal updated',
					type: `${PACKAGE}.bitrix24Trigger`,
					typeVersion: 2,
					webhookId,
					parameters: { authentication: 'oAuth2', events: ['ONCRMDEALUPDATE'], fetchRecord: true },
					credentials: {
						bitrix24OAuth2Api: { id: OAUTH_CREDENTIAL.id, name: OAUTH_CREDENTIAL.name },
					},
				},
			}),
			credentials: (sandbox) => [oauthCredential(sandbox)],
			seed({ sandbox }) {
				sandbox.seedDeals(events, (i) => ({ TITLE: `Queue deal ${i + 1}` }));
			},
			webhookPath: `/webhook/${webhookId}/webhook`,
			handler(ctx) {
				return `${ctx.deployment.webhookUrl}${this.webhookPath}`;
			},
			async ready(ctx) {
				await subscribedAndProven(
					ctx.sandbox,
					this.handler(ctx),
					'ONCRMDEALUPDATE',
					'the OAuth2 trigger to subscribe and learn its application token',
				);
			},
			async fire({ sandbox }) {
				const ids = sandbox
					.deals()
					.slice(-events)
					.map((deal) => deal.ID);
				for (const id of ids)
					await userCall(sandbox, 'crm.deal.update', { id, fields: { STAGE_ID: 'PREPARATION' } });
				return ids;
			},
			eventId: (item) => String(item.id),
			actionIds: ({ sandbox }) => sentIds(sandbox, marker),
			triggerCalls: ['crm.deal.get'],
			actionCalls: ['im.message.add', 'batch'],
			deliveries(ctx) {
				return ctx.sandbox
					.eventLog()
					.filter((e) => e.event === 'ONCRMDEALUPDATE' && e.handler === this.handler(ctx));
			},
		};
	})(),
	(() => {
		const webhookId = '0d5f3c2a-7b41-4c8e-9a6d-b24a0e11c002';
		const marker = 'queue-outgoing-task';
		const events = 20;
		return {
			name: 'Bitrix24 Trigger, outgoing webhook: task added',
			runsOn: 'webhook',
			perEvent: true,
			triggerNode: 'Task added',
			workflow: workflow({
				id: 'queueOutgoingT01',
				name: 'Queue: task added (outgoing webhook)',
				auth: 'webhook',
				marker,
				idExpression: '$json.id',
				trigger: {
					name: 'Task added',
					type: `${PACKAGE}.bitrix24Trigger`,
					typeVersion: 2,
					webhookId,
					parameters: { authentication: 'webhook', events: ['ONTASKADD'], fetchRecord: true },
					credentials: {
						bitrix24WebhookApi: { id: WEBHOOK_CREDENTIAL.id, name: WEBHOOK_CREDENTIAL.name },
						bitrix24ApplicationTokenApi: TOKEN_CREDENTIAL,
					},
				},
			}),
			credentials: (sandbox) => [
				webhookCredential(sandbox),
				{
					...TOKEN_CREDENTIAL,
					type: 'bitrix24ApplicationTokenApi',
					data: { applicationToken: OUTGOING_TOKEN },
				},
			],
			webhookPath: `/webhook/${webhookId}/webhook`,
			handler(ctx) {
				return `${ctx.deployment.webhookUrl}${this.webhookPath}`;
			},
			async ready(ctx) {
				await ctx.deployment.webhook.waitForWebhook(this.webhookPath, { timeoutMs: 120000 });
				// The portal admin registers the URL by hand (Developer resources → Outgoing webhook).
				ctx.sandbox.addOutgoingWebhook({
					url: this.handler(ctx),
					events: ['ONTASKADD'],
					applicationToken: OUTGOING_TOKEN,
				});
			},
			async fire({ sandbox }) {
				const ids = [];
				for (let i = 1; i <= events; i++) {
					const { task } = await userCall(sandbox, 'tasks.task.add', {
						fields: { TITLE: `Queue task ${i}`, RESPONSIBLE_ID: 1 },
					});
					ids.push(String(task.id));
				}
				return ids;
			},
			eventId: (item) => String(item.id),
			actionIds: ({ sandbox }) => sentIds(sandbox, marker),
			triggerCalls: ['tasks.task.get'],
			actionCalls: ['im.message.add', 'batch'],
			deliveries(ctx) {
				return ctx.sandbox
					.eventLog()
					.filter((e) => e.event === 'ONTASKADD' && e.handler === this.handler(ctx));
			},
		};
	})(),
	(() => {
		const marker = 'queue-polled-lead';
		const events = 5;
		return {
			name: 'Bitrix24 Polling Trigger: lead created',
			runsOn: 'main',
			perEvent: false,
			triggerNode: 'New leads',
			workflow: workflow({
				id: 'queuePolledLd01',
				name: 'Queue: new leads (polling)',
				auth: 'webhook',
				marker,
				idExpression: '$json.ID',
				trigger: {
					name: 'New leads',
					type: `${PACKAGE}.bitrix24PollingTrigger`,
					typeVersion: 1,
					parameters: {
						authentication: 'webhook',
						resource: 'lead',
						event: 'created',
						pollTimes: { item: [{ mode: 'everyMinute' }] },
					},
					credentials: {
						bitrix24WebhookApi: { id: WEBHOOK_CREDENTIAL.id, name: WEBHOOK_CREDENTIAL.name },
					},
				},
			}),
			credentials: (sandbox) => [webhookCredential(sandbox)],
			async ready({ attribution }) {
				// The poll at activation only notes where the table ends.
				await eventually(() => attribution.calls('crm.lead.list').length > 0, 'the first poll');
			},
			async fire({ sandbox }) {
				// One batch request: the portal adds all leads before it answers any poll, so one poll
				// finds all of them.
				const cmd = {};
				for (let i = 1; i <= events; i++)
					cmd[`l${i}`] = `crm.lead.add?fields[TITLE]=Queue%20lead%20${i}`;
				const { result, result_error: errors } = await userCall(sandbox, 'batch', { halt: 1, cmd });
				if (Object.keys(result).length !== events)
					throw new Error(`batch: ${JSON.stringify(errors)}`);
				return Object.values(result).map(String);
			},
			eventId: (item) => String(item.ID),
			actionIds: ({ sandbox }) => sentIds(sandbox, marker),
			triggerCalls: ['crm.lead.list'],
			actionCalls: ['im.message.add', 'batch'],
		};
	})(),
	(() => {
		const webhookId = '0d5f3c2a-7b41-4c8e-9a6d-b24a0e11c004';
		const marker = 'queue-openlines-answer';
		const connector = 'n8n_queue_chat';
		const customer = 'queue-customer-1';
		const events = 10;
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>';
		return {
			name: "Bitrix24 Open Lines Trigger: operators' answers (ONIMCONNECTORMESSAGEADD)",
			runsOn: 'webhook',
			perEvent: true,
			triggerNode: 'Operator answered',
			workflow: workflow({
				id: 'queueOpenLines01',
				name: "Queue: operators' answers (Open Lines)",
				auth: 'oAuth2',
				marker,
				idExpression: '$json.message.id',
				trigger: {
					name: 'Operator answered',
					type: `${PACKAGE}.bitrix24OpenLinesTrigger`,
					typeVersion: 1,
					webhookId,
					parameters: {
						connector,
						lines: '1',
						events: ['ONIMCONNECTORMESSAGEADD'],
						// The connector is the app's, set up by the test (seed): the trigger's activation makes
						// `batch` requests for it otherwise, which would not tell them from the action's.
						setUpConnector: false,
						// Each answer carries a file the trigger downloads: its own portal request, made
						// where the trigger runs. (The customer look-up goes in a `batch` request, which
						// would not tell the trigger's requests from the action's.)
						options: { downloadFiles: true, includeCustomer: false },
					},
					credentials: {
						bitrix24OAuth2Api: { id: OAUTH_CREDENTIAL.id, name: OAUTH_CREDENTIAL.name },
					},
				},
			}),
			credentials: (sandbox) => [oauthCredential(sandbox)],
			async seed({ sandbox }) {
				// The app registered its connector and activated it on line 1.
				await appCall(sandbox, 'imconnector.register', {
					ID: connector,
					NAME: 'Queue chat (n8n)',
					ICON: { DATA_IMAGE: `data:image/svg+xml,${encodeURIComponent(svg)}` },
					PLACEMENT_HANDLER: 'https://n8n.example.com/settings',
				});
				await appCall(sandbox, 'imconnector.activate', {
					CONNECTOR: connector,
					LINE: 1,
					ACTIVE: 1,
				});
				// A customer writes through the connector (the channel's side): the chat opens. Before n8n
				// starts: the line's CRM tracker adds a lead for the new customer, which the polling
				// trigger must not take for one of its events.
				await appCall(sandbox, 'imconnector.send.messages', {
					CONNECTOR: connector,
					LINE: 1,
					MESSAGES: [
						{
							user: { id: customer, name: 'Queue customer' },
							message: {
								id: 'queue-in-1',
								date: Math.floor(Date.now() / 1000),
								text: 'Hello',
							},
							chat: { id: customer },
						},
					],
				});
			},
			webhookPath: `/webhook/${webhookId}/webhook`,
			handler(ctx) {
				return `${ctx.deployment.webhookUrl}${this.webhookPath}`;
			},
			async ready(ctx) {
				await subscribedAndProven(
					ctx.sandbox,
					this.handler(ctx),
					'ONIMCONNECTORMESSAGEADD',
					'the Open Lines trigger to subscribe and learn its application token',
				);
			},
			async fire({ sandbox }) {
				const chat = sandbox.openLines
					.chats()
					.find((entry) => entry.connector === connector && entry.externalChatId === customer);
				if (!chat) throw new Error('the customer chat did not open');
				const ids = [];
				for (let i = 1; i <= events; i++) {
					const { messageId } = sandbox.openLines.reply({
						chatId: chat.ID,
						text: `Queue answer ${i}`,
						files: [{ name: `answer-${i}.txt`, content: Buffer.from(`answer ${i}`) }],
					});
					ids.push(String(messageId));
				}
				return ids;
			},
			eventId: (item) => String(item.message.id),
			actionIds: ({ sandbox }) => sentIds(sandbox, marker),
			triggerCalls: ['download'],
			actionCalls: ['im.message.add', 'batch'],
			deliveries(ctx) {
				return ctx.sandbox
					.eventLog()
					.filter((e) => e.event === 'ONIMCONNECTORMESSAGEADD' && e.handler === this.handler(ctx));
			},
		};
	})(),
	(() => {
		const webhookId = '0d5f3c2a-7b41-4c8e-9a6d-b24a0e11c005';
		const marker = 'queue-whatsapp-message';
		const credential = { id: 'waQueueCloud0001', name: 'WhatsApp Cloud (queue sandbox)' };
		const events = 10;
		/** The WhatsApp Cloud API fake: Meta's Graph API and its signed webhook deliveries. */
		let whatsapp;
		return {
			name: "WhatsApp Cloud Trigger: customers' messages (signed Meta webhooks)",
			runsOn: 'webhook',
			perEvent: true,
			triggerNode: 'WhatsApp message',
			workflow: workflow({
				id: 'queueWhatsApp001',
				name: "Queue: customers' WhatsApp messages",
				auth: 'webhook',
				marker,
				idExpression: '$json.message.id',
				trigger: {
					name: 'WhatsApp message',
					type: `${PACKAGE}.whatsAppCloudTrigger`,
					typeVersion: 1,
					webhookId,
					parameters: {
						webhookSetup: 'manual',
						events: ['messages'],
						phoneNumbers: 'credential',
						respond: 'onReceived',
						// Each message carries a document the trigger downloads from the Graph API: its own
						// requests, made where the trigger runs.
						downloadMedia: true,
					},
					credentials: { whatsAppCloudApi: credential },
				},
			}),
			async seed(ctx) {
				whatsapp = createWhatsAppSandbox();
				await whatsapp.start();
				ctx.attribution.watch(whatsapp.server, 'whatsapp');
			},
			credentials: (sandbox) => [
				webhookCredential(sandbox),
				{ ...credential, type: 'whatsAppCloudApi', data: whatsapp.credentials() },
			],
			webhookPath: `/webhook/${webhookId}/webhook`,
			handler(ctx) {
				return `${ctx.deployment.webhookUrl}${this.webhookPath}`;
			},
			async ready(ctx) {
				await ctx.deployment.webhook.waitForWebhook(this.webhookPath, { timeoutMs: 120000 });
				// Manual setup: the callback URL and verify token entered in the app dashboard; Meta's
				// verification GET goes to the webhook process.
				await whatsapp.setCallback(this.handler(ctx), whatsapp.credentials().verifyToken);
			},
			async fire() {
				const ids = [];
				for (let i = 1; i <= events; i++) {
					const { message, delivery } = await whatsapp.receive({
						from: `49151000000${String(i).padStart(2, '0')}`,
						name: `Queue customer ${i}`,
						type: 'document',
						data: Buffer.from(`%PDF-1.4 queue ${i}`),
						mimeType: 'application/pdf',
						fileName: `queue-${i}.pdf`,
						caption: `Queue message ${i}`,
					});
					if (delivery.status !== 200) throw new Error(`delivery ${i}: ${delivery.status}`);
					ids.push(String(message.id));
				}
				return ids;
			},
			eventId: (item) => String(item.message.id),
			actionIds: ({ sandbox }) => sentIds(sandbox, marker),
			triggerCalls: [],
			// The media look-ups and downloads at the fake (nothing else of n8n's goes there).
			triggerRequests: (ctx) => ctx.attribution.entries.filter((e) => e.server === 'whatsapp'),
			actionCalls: ['im.message.add', 'batch'],
			deliveries(ctx) {
				return whatsapp.deliveries
					.filter((d) => d.url === this.handler(ctx))
					.map((d) => ({ handler: d.url, status: d.status }));
			},
			async stop() {
				await whatsapp?.stop();
			},
		};
	})(),
	// A WebSocket trigger goes here as { runsOn: 'main', perEvent: true, ... }: its trigger() holds
	// the connection on the leader main only, so each pushed event makes one execution. Its push
	// server's connections are traced with `ctx.attribution.watch(pushServer.server, 'push')` in
	// seed(), and `triggerRequests: (ctx) => ctx.attribution.entries.filter((e) => e.server ===
	// 'push')` then shows they all came from the main: one connection, not one per process.
];

/** The requests a trigger itself made (polls, record fetches, WebSocket connections). */
const triggerRequests = (c, ctx) =>
	c.triggerRequests ? c.triggerRequests(ctx) : ctx.attribution.calls(...c.triggerCalls);

module.exports = { TRIGGERS, eventually, triggerRequests, DIALOG };

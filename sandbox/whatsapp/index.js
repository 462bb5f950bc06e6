'use strict';

/**
 * A local fake of the WhatsApp Cloud API (Meta Graph API) for tests, the bridge examples and
 * the demo: messages, media, templates, error codes, sending limits, signed webhook delivery.
 *
 *   const { createWhatsAppSandbox } = require('./sandbox/whatsapp');
 *   const wa = createWhatsAppSandbox();
 *   await wa.start();
 *   await fetch(`${wa.graphUrl}/${wa.phoneNumberId}/messages`, { … });
 *   await wa.stop();
 *
 * README.md lists the options, the JavaScript and control APIs; PROTOCOL.md the facts it follows.
 */

const http = require('node:http');
const crypto = require('node:crypto');

const { graphError, webhookError } = require('./errors');
const { metaJson, signature } = require('./meta-json');
const { Limits } = require('./limits');
const { parseMultipart } = require('./multipart');
const graph = require('./graph');
const { controlRoute } = require('./control');

const DEFAULTS = {
	port: 0,
	host: '127.0.0.1',
	appId: '1000000000000001',
	appSecret: 'sandbox-app-secret',
	accessToken: 'EAAsandboxSystemUserToken',
	wabaId: '2000000000000002',
	wabaName: 'Sandbox Business',
	phoneNumbers: [
		{ id: '3000000000000003', display: '+1 555-010-0001', verifiedName: 'Sandbox Shop' },
		{ id: '3000000000000004', display: '+1 555-010-0002', verifiedName: 'Sandbox Support' },
	],
	throughput: 80,
	pairRate: { burst: 45, intervalMs: 6000 },
	window: true,
	autoApproveTemplates: true,
	autoStatuses: [],
	undeliverable: [],
	seed: 7,
};

/** Templates every fresh sandbox has (approved), so pickers and template sends find some. */
function defaultTemplates(wabaId) {
	return [
		{
			name: 'hello_world',
			language: 'en_US',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
				{ type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API.' },
				{ type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
			],
		},
		{
			name: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
				{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships on {{3}}.', example: { body_text: [['Ann', 'A-17', 'Monday']] } },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}' },
						{ type: 'QUICK_REPLY', text: 'Stop updates' },
					],
				},
			],
		},
		{
			name: 'conversation_reopen',
			language: 'en_US',
			category: 'UTILITY',
			components: [
				{ type: 'BODY', text: 'We have an answer to your question: {{1}}. Reply to continue the conversation.' },
			],
		},
		{
			name: 'conversation_reopen',
			language: 'de',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'Wir haben eine Antwort auf Ihre Frage: {{1}}. Antworten Sie, um fortzufahren.' }],
		},
	].map((template) => ({ ...template, wabaId, status: 'APPROVED' }));
}

function createWhatsAppSandbox(options = {}) {
	const config = { ...DEFAULTS, ...options };
	const now = options.now ?? (() => Date.now());
	const limits = new Limits(now, {
		throughput: config.throughput,
		pairRate: config.pairRate,
		window: config.window,
	});

	/** @type {any} */
	const sb = {
		options: config,
		appId: config.appId,
		appSecret: config.appSecret,
		accessToken: config.accessToken,
		wabaId: config.wabaId,
		phoneNumberId: config.phoneNumbers[0].id,
		phoneNumbers: config.phoneNumbers,
		limits,
		url: '',
		graphUrl: '',
		server: null,
		state: null,
	};

	function reset() {
		limits.reset();
		sb.state = {
			templates: new Map(),
			media: new Map(),
			/** messages the business sent, in order */
			sent: [],
			/** messages marked as read */
			read: [],
			log: [],
			deliveries: [],
			faults: [],
			expiredTokens: new Set(),
			undeliverable: new Set(config.undeliverable.map(String)),
			autoStatuses: [...config.autoStatuses],
			appSubscription: null,
			wabaSubscription: null,
			phoneOverrides: new Map(),
			pending: new Set(),
			random: mulberry32(config.seed),
		};
		for (const template of defaultTemplates(config.wabaId)) addTemplate(template);
	}

	function addTemplate(template) {
		const id = template.id ?? graph.newId('9');
		const stored = { parameterFormat: 'POSITIONAL', ...template, id };
		sb.state.templates.set(id, stored);
		return stored;
	}

	const phoneById = (id) => config.phoneNumbers.find((phone) => phone.id === String(id));
	const displayDigits = (phone) => phone.display.replace(/\D/g, '');

	// ----------------------------------------------------------------------------------------
	// Webhooks

	/** Where Meta sends a field's webhook for a phone number (override order, PROTOCOL.md §4.3). */
	function callbackFor(field, phoneNumberId) {
		const overridable = ['messages', 'message_echoes', 'smb_message_echoes', 'calls'];
		if (overridable.includes(field)) {
			const phoneOverride = sb.state.phoneOverrides.get(String(phoneNumberId));
			if (phoneOverride) return phoneOverride.url;
			if (sb.state.wabaSubscription?.overrideUrl) return sb.state.wabaSubscription.overrideUrl;
		}
		return sb.state.appSubscription?.url ?? null;
	}

	/**
	 * Delivers one webhook change as Meta does: escaped JSON, signed with the app secret, POSTed
	 * once (the fake records instead of retrying). `tamper` lets tests send what Meta never would.
	 * @param {{field: string, value: object, phoneNumberId?: string, url?: string,
	 *   tamper?: {secret?: string, unsigned?: boolean, signatureHeader?: string, body?: (text: string) => string}}} change
	 */
	async function deliver({ field, value, phoneNumberId, url, tamper = {} }) {
		const envelope = {
			object: 'whatsapp_business_account',
			entry: [{ id: config.wabaId, changes: [{ value, field }] }],
		};
		let body = metaJson(envelope);
		const signed = signature(tamper.secret ?? config.appSecret, body);
		if (tamper.body) body = tamper.body(body);
		const target = url ?? callbackFor(field, phoneNumberId);
		const record = {
			n: sb.state.deliveries.length + 1,
			at: now(),
			field,
			url: target,
			body,
			status: null,
			response: null,
			error: null,
		};
		sb.state.deliveries.push(record);
		if (!target) {
			record.error = 'no callback URL is subscribed';
			return record;
		}
		const headers = { 'content-type': 'application/json' };
		if (!tamper.unsigned) headers['x-hub-signature-256'] = tamper.signatureHeader ?? signed;
		try {
			const response = await fetch(target, { method: 'POST', headers, body });
			record.status = response.status;
			record.response = (await response.text()).slice(0, 2000);
		} catch (error) {
			record.error = error.message;
		}
		return record;
	}

	/**
	 * Meta's retry of a delivery that did not get a 200: the same bytes and signature to the same
	 * URL, recorded as a new delivery.
	 */
	async function redeliver(record) {
		const again = {
			n: sb.state.deliveries.length + 1,
			at: now(),
			field: record.field,
			url: record.url,
			body: record.body,
			status: null,
			response: null,
			error: null,
			retryOf: record.n,
		};
		sb.state.deliveries.push(again);
		try {
			const response = await fetch(record.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(config.appSecret, record.body) },
				body: record.body,
			});
			again.status = response.status;
			again.response = (await response.text()).slice(0, 2000);
		} catch (error) {
			again.error = error.message;
		}
		return again;
	}

	/** Runs a delivery in the background; `sb.idle()` waits for all of them. */
	function background(task) {
		const promise = Promise.resolve()
			.then(task)
			.catch(() => undefined);
		sb.state.pending.add(promise);
		promise.finally(() => sb.state.pending.delete(promise));
		return promise;
	}

	/** Meta's verification GET; true when the endpoint echoed the challenge. */
	async function verifyCallback(url, verifyToken) {
		const challenge = String(Math.floor(sb.state.random() * 1e9) + 1);
		const target = new URL(url);
		target.searchParams.set('hub.mode', 'subscribe');
		target.searchParams.set('hub.challenge', challenge);
		target.searchParams.set('hub.verify_token', String(verifyToken ?? ''));
		try {
			const response = await fetch(target);
			return response.status === 200 && (await response.text()) === challenge;
		} catch {
			return false;
		}
	}

	function metadataOf(phone) {
		return { display_phone_number: displayDigits(phone), phone_number_id: phone.id };
	}

	/**
	 * A customer writes to a business number: stores any media, opens the 24-hour window and
	 * delivers the `messages` webhook. Returns the message as delivered and the delivery record.
	 */
	async function receive(input) {
		const phone = phoneById(input.phoneNumberId ?? sb.phoneNumberId);
		if (!phone) throw new Error(`Unknown phone number id ${input.phoneNumberId}`);
		const from = String(input.from ?? '4915112345678').replace(/\D/g, '');
		const timestamp = String(Math.floor((input.at ?? now()) / 1000));
		const message = { from, id: input.id ?? graph.wamid(), timestamp, type: input.type ?? 'text' };
		if (input.context) message.context = { from: displayDigits(phone), id: input.context };
		if (message.type === 'text') message.text = { body: String(input.text ?? '') };
		if (graph.MEDIA_TYPES.includes(message.type)) {
			const data = Buffer.isBuffer(input.data)
				? input.data
				: Buffer.from(String(input.data ?? ''), 'base64');
			const stored = storeMedia(phone.id, data, input.mimeType ?? 'application/octet-stream', input.fileName);
			message[message.type] = {
				...(input.caption ? { caption: input.caption } : {}),
				...(message.type === 'document' && input.fileName ? { filename: input.fileName } : {}),
				mime_type: stored.mimeType,
				sha256: stored.sha256,
				id: stored.id,
			};
		}
		for (const kind of ['interactive', 'button', 'location', 'reaction', 'contacts', 'referral']) {
			if (input[kind] !== undefined) message[kind] = input[kind];
		}
		if (input.errors) message.errors = input.errors;
		limits.customerWrote(phone.id, from, input.at ?? now());
		const value = {
			messaging_product: 'whatsapp',
			metadata: metadataOf(phone),
			contacts: [{ profile: { name: input.name ?? 'Zoë Customer' }, wa_id: from }],
			messages: [message],
		};
		const delivery = await deliver({ field: 'messages', value, phoneNumberId: phone.id, tamper: input.tamper });
		return { message, value, delivery };
	}

	/** A status of a message the business sent. */
	async function status({ messageId, status: name, errorCode, errorDetails, at, tamper }) {
		const sent = sb.state.sent.find((message) => message.id === messageId);
		const phone = phoneById(sent?.phoneNumberId ?? sb.phoneNumberId);
		const recipient = sent?.to ?? '4915112345678';
		const entry = {
			id: messageId,
			status: name,
			timestamp: String(Math.floor((at ?? now()) / 1000)),
			recipient_id: recipient,
		};
		if (name !== 'failed') {
			entry.conversation = {
				id: `conv${crypto.createHash('sha1').update(recipient).digest('hex').slice(0, 16)}`,
				origin: { type: sent?.type === 'template' ? 'utility' : 'service' },
			};
			entry.pricing = {
				billable: sent?.type === 'template',
				pricing_model: 'PMP',
				category: sent?.type === 'template' ? 'utility' : 'service',
				type: sent?.type === 'template' ? 'regular' : 'free_customer_service',
			};
		}
		if (sent?.bizOpaqueCallbackData !== undefined)
			entry.biz_opaque_callback_data = sent.bizOpaqueCallbackData;
		if (name === 'failed') entry.errors = [webhookError(errorCode ?? 131026, errorDetails)];
		if (sent) sent.statuses.push(name);
		const value = { messaging_product: 'whatsapp', metadata: metadataOf(phone), statuses: [entry] };
		return await deliver({ field: 'messages', value, phoneNumberId: phone.id, tamper });
	}

	/** A message the business sent from elsewhere (the WhatsApp Business app: `smb_message_echoes`). */
	async function echo({ to, text, field = 'smb_message_echoes', phoneNumberId, id }) {
		const phone = phoneById(phoneNumberId ?? sb.phoneNumberId);
		const value = {
			messaging_product: 'whatsapp',
			metadata: metadataOf(phone),
			message_echoes: [
				{
					from: displayDigits(phone),
					to: String(to).replace(/\D/g, ''),
					id: id ?? graph.wamid(),
					timestamp: String(Math.floor(now() / 1000)),
					type: 'text',
					text: { body: text },
				},
			],
		};
		return await deliver({ field, value, phoneNumberId: phone.id });
	}

	function storeMedia(phoneNumberId, data, mimeType, fileName) {
		const id = graph.newId('1');
		const stored = {
			id,
			phoneNumberId,
			data,
			mimeType,
			fileName,
			sha256: crypto.createHash('sha256').update(data).digest('hex'),
			hash: crypto.randomBytes(8).toString('hex'),
			at: now(),
		};
		sb.state.media.set(id, stored);
		return stored;
	}

	// ----------------------------------------------------------------------------------------
	// Graph API

	function authOf(req, params) {
		const header = String(req.headers.authorization ?? '');
		const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
		return bearer ?? (params.access_token !== undefined ? String(params.access_token) : undefined);
	}

	/** null when the token may call; else the error answer. */
	function checkToken(token, { appOnly = false } = {}) {
		if (!token) return graphError(104);
		const appToken = `${config.appId}|${config.appSecret}`;
		if (appOnly) return token === appToken ? null : graphError(190, { message: '(#190) Invalid OAuth access token - Cannot parse access token' });
		if (token === config.accessToken && !sb.state.expiredTokens.has(token)) return null;
		if (sb.state.expiredTokens.has(token)) return graphError(190);
		return graphError(190, { message: 'Invalid OAuth access token - Cannot parse access token' });
	}

	function fire(kind, n) {
		for (const fault of sb.state.faults) {
			if (fault.remaining <= 0) continue;
			if (fault.match?.kind && fault.match.kind !== kind) continue;
			let fires = fault.on ? fault.on.includes(n) : true;
			if (fires && fault.probability !== undefined) fires = sb.state.random() < fault.probability;
			if (!fires) continue;
			fault.remaining--;
			return fault;
		}
		return null;
	}

	/** Which route a request is, before it runs (for the log and faults). */
	function classify(method, parts) {
		const [id, edge] = parts;
		if (parts.length === 2 && edge === 'messages' && method === 'POST') return 'messages';
		if (parts.length === 2 && edge === 'media' && method === 'POST') return 'media.upload';
		if (parts.length === 2 && edge === 'message_templates') return `templates.${method.toLowerCase()}`;
		if (parts.length === 2 && edge === 'subscribed_apps') return `subscribed_apps.${method.toLowerCase()}`;
		if (parts.length === 2 && edge === 'subscriptions') return `app.subscriptions.${method.toLowerCase()}`;
		if (parts.length === 1) {
			if (phoneById(id)) return method === 'POST' ? 'phone.update' : 'phone.get';
			if (id === config.wabaId) return 'waba.get';
			if (sb.state.media.has(id)) return method === 'DELETE' ? 'media.delete' : 'media.get';
			if (sb.state.templates.has(id)) return 'template.get';
			return `object.${method.toLowerCase()}`;
		}
		return 'unknown';
	}

	async function graphRoute(req, parts, params, files) {
		const method = req.method;
		const [id, edge] = parts;
		const kind = classify(method, parts);
		const appOnly = kind.startsWith('app.subscriptions');
		const denied = checkToken(authOf(req, params), { appOnly });
		if (denied) return denied;

		if (kind === 'messages') return sendMessage(id, params);
		if (kind === 'media.upload') return uploadMedia(id, params, files);
		if (kind === 'phone.get') return phoneGet(id, params);
		if (kind === 'phone.update') return await phoneUpdate(id, params);
		if (kind === 'waba.get') return graph.ok({ id: config.wabaId, name: config.wabaName });
		if (kind === 'media.get') {
			const media = sb.state.media.get(id);
			return graph.ok({
				messaging_product: 'whatsapp',
				url: `${sb.url}/whatsapp_business/attachments/?mid=${media.id}&ext=${Math.floor(now() / 1000)}&hash=${media.hash}`,
				mime_type: media.mimeType,
				sha256: media.sha256,
				file_size: media.data.length,
				id: media.id,
			});
		}
		if (kind === 'media.delete') {
			sb.state.media.delete(id);
			return graph.ok({ success: true });
		}
		if (kind === 'template.get') return graph.ok(graph.templatePublic(sb.state.templates.get(id), fieldsOf(params)));
		if (kind.startsWith('templates.')) {
			if (id !== config.wabaId) return unknownObject(id);
			if (method === 'GET') return listTemplates(params);
			if (method === 'POST') return createTemplate(params);
			if (method === 'DELETE') return deleteTemplate(params);
		}
		if (kind.startsWith('subscribed_apps.')) {
			if (id !== config.wabaId) return unknownObject(id);
			return await subscribedApps(method, params);
		}
		if (appOnly) {
			if (id !== config.appId) return unknownObject(id);
			return await appSubscriptions(method, params);
		}
		if (edge === undefined) return unknownObject(id);
		return graphError(100, { message: `(#100) Unknown path components: /${edge}`, details: `Unknown path components: /${edge}` });
	}

	function unknownObject(id) {
		return graphError(100, {
			message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
			details: `Object with ID '${id}' does not exist.`,
		});
	}

	const fieldsOf = (params) =>
		params.fields ? String(params.fields).split(',').map((field) => field.trim()).filter(Boolean) : undefined;

	function sendMessage(phoneNumberId, body) {
		const phone = phoneById(phoneNumberId);
		if (!phone) return unknownObject(phoneNumberId);
		const problem = graph.checkMessage(body, sb.state);
		if (problem) return problem;
		if (body.status === 'read') {
			const known = sb.state.sent.some((m) => m.id === body.message_id) || /^wamid\./.test(String(body.message_id ?? ''));
			if (!known) return graph.invalid('message_id is not a message of this number.');
			sb.state.read.push({ messageId: body.message_id, typingIndicator: body.typing_indicator ?? null, at: now() });
			return graph.ok({ success: true });
		}
		const type = body.type ?? 'text';
		if (type === 'template') {
			const templateProblem = graph.checkTemplateMessage(sb.state.templates, config.wabaId, body.template);
			if (templateProblem) return templateProblem;
		}
		const to = String(body.to).replace(/\D/g, '');
		if (to.length < 7 || to.length > 15) return graph.invalid(`${body.to} is not a valid phone number.`);
		const refused = limits.admit(phone.id, to, { template: type === 'template' });
		if (refused) return graphError(refused);
		const id = graph.wamid();
		sb.state.sent.push({
			id,
			phoneNumberId: phone.id,
			to,
			type,
			content: graph.messageContent(body),
			context: body.context ?? null,
			bizOpaqueCallbackData: body.biz_opaque_callback_data,
			at: now(),
			statuses: [],
		});
		scheduleStatuses(id, to);
		const message = { id };
		if (type === 'template') message.message_status = 'accepted';
		return graph.ok({ messaging_product: 'whatsapp', contacts: [{ input: String(body.to), wa_id: to }], messages: [message] });
	}

	function scheduleStatuses(messageId, to) {
		const sequence = sb.state.undeliverable.has(to) ? ['failed'] : sb.state.autoStatuses;
		if (!sequence.length) return;
		background(async () => {
			for (const name of sequence) await status({ messageId, status: name, errorCode: 131026 });
		});
	}

	function uploadMedia(phoneNumberId, fields, files) {
		if (!phoneById(phoneNumberId)) return unknownObject(phoneNumberId);
		if (fields.messaging_product !== 'whatsapp') return graph.invalid('messaging_product must be "whatsapp".');
		const file = files?.file;
		if (!file) return graph.missing('The parameter file is required.');
		const mimeType = String(fields.type ?? file.mimeType);
		const kind = graph.mediaTypeOfMime(mimeType);
		const rule = graph.MEDIA_RULES[kind];
		if (file.data.length === 0 || file.data.length > rule.maxBytes) {
			return graphError(131053, { details: `A ${kind} file must be 1 byte to ${rule.maxBytes} bytes.` });
		}
		const stored = storeMedia(phoneNumberId, file.data, mimeType, file.fileName);
		return graph.ok({ id: stored.id });
	}

	function phoneGet(id, params) {
		const phone = phoneById(id);
		const full = {
			verified_name: phone.verifiedName,
			display_phone_number: phone.display,
			id: phone.id,
			quality_rating: 'GREEN',
			code_verification_status: 'VERIFIED',
			platform_type: 'CLOUD_API',
			throughput: { level: 'STANDARD' },
			webhook_configuration: {
				...(sb.state.phoneOverrides.get(phone.id) ? { phone_number: sb.state.phoneOverrides.get(phone.id).url } : {}),
				...(sb.state.wabaSubscription?.overrideUrl ? { whatsapp_business_account: sb.state.wabaSubscription.overrideUrl } : {}),
				...(sb.state.appSubscription ? { application: sb.state.appSubscription.url } : {}),
			},
		};
		const fields = fieldsOf(params) ?? ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'];
		const picked = { id: phone.id };
		for (const field of fields) if (field in full) picked[field] = full[field];
		return graph.ok(picked);
	}

	async function phoneUpdate(id, params) {
		const configuration = parseJsonParam(params.webhook_configuration);
		if (!configuration || typeof configuration !== 'object') return graph.missing('webhook_configuration is required.');
		const url = configuration.override_callback_uri;
		if (url === '' || url === null) {
			sb.state.phoneOverrides.delete(String(id));
			return graph.ok({ success: true });
		}
		if (!(await verifyCallback(url, configuration.verify_token))) return graphError(2200);
		sb.state.phoneOverrides.set(String(id), { url, verifyToken: configuration.verify_token });
		return graph.ok({ success: true });
	}

	async function subscribedApps(method, params) {
		if (method === 'GET') {
			const subscription = sb.state.wabaSubscription;
			return graph.ok({
				data: subscription
					? [
							{
								whatsapp_business_api_data: { id: config.appId, link: `https://www.facebook.com/games/?app_id=${config.appId}`, name: 'Sandbox App' },
								...(subscription.overrideUrl ? { override_callback_uri: subscription.overrideUrl } : {}),
							},
						]
					: [],
			});
		}
		if (method === 'DELETE') {
			sb.state.wabaSubscription = null;
			return graph.ok({ success: true });
		}
		const overrideUrl = params.override_callback_uri;
		if (overrideUrl) {
			if (!(await verifyCallback(overrideUrl, params.verify_token))) return graphError(2200);
		}
		sb.state.wabaSubscription = { overrideUrl: overrideUrl || null };
		return graph.ok({ success: true });
	}

	async function appSubscriptions(method, params) {
		if (method === 'GET') {
			const subscription = sb.state.appSubscription;
			return graph.ok({
				data: subscription
					? [
							{
								object: 'whatsapp_business_account',
								callback_url: subscription.url,
								active: true,
								fields: subscription.fields.map((name) => ({ name, version: 'v25.0' })),
							},
						]
					: [],
			});
		}
		if (method === 'DELETE') {
			sb.state.appSubscription = null;
			return graph.ok({ success: true });
		}
		if (params.object !== 'whatsapp_business_account') return graph.invalid('object must be whatsapp_business_account.');
		if (!params.callback_url) return graph.missing('callback_url is required.');
		if (!(await verifyCallback(params.callback_url, params.verify_token))) return graphError(2200);
		const fields = String(params.fields ?? 'messages').split(',').map((field) => field.trim()).filter(Boolean);
		sb.state.appSubscription = { url: params.callback_url, verifyToken: params.verify_token, fields };
		return graph.ok({ success: true });
	}

	function listTemplates(params) {
		let rows = [...sb.state.templates.values()].filter((template) => template.wabaId === config.wabaId);
		if (params.status) {
			const wanted = String(params.status).toUpperCase().split(',');
			rows = rows.filter((template) => wanted.includes(template.status));
		}
		if (params.name) rows = rows.filter((template) => template.name.includes(String(params.name)));
		if (params.language) rows = rows.filter((template) => template.language === String(params.language));
		const limit = Math.max(1, Math.min(Number(params.limit) || 25, 100));
		const start = params.after ? Number(Buffer.from(String(params.after), 'base64').toString()) || 0 : 0;
		const page = rows.slice(start, start + limit);
		const cursor = (n) => Buffer.from(String(n)).toString('base64');
		const body = {
			data: page.map((template) => graph.templatePublic(template, fieldsOf(params))),
			paging: { cursors: { before: cursor(start), after: cursor(start + page.length) } },
		};
		if (start + page.length < rows.length) {
			const next = new URL(`${sb.graphUrl}/${config.wabaId}/message_templates`);
			for (const [key, value] of Object.entries(params)) if (key !== 'access_token' && key !== 'after') next.searchParams.set(key, String(value));
			next.searchParams.set('after', cursor(start + page.length));
			body.paging.next = next.toString();
		}
		return graph.ok(body);
	}

	function createTemplate(params) {
		const components = parseJsonParam(params.components);
		if (!params.name || !params.language || !params.category) {
			return graph.missing('name, language and category are required.');
		}
		if (!/^[a-z0-9_]{1,512}$/.test(String(params.name))) {
			return graph.invalid('The template name may contain lower-case letters, digits and underscores.');
		}
		if (!Array.isArray(components) || !components.some((c) => String(c.type).toUpperCase() === 'BODY')) {
			return graph.missing('components with a BODY are required.');
		}
		const exists = [...sb.state.templates.values()].some(
			(template) => template.name === params.name && template.language === params.language,
		);
		if (exists) {
			return graphError(100, {
				message: 'Invalid parameter',
				details: `Content in this language already exists: ${params.name} (${params.language})`,
			});
		}
		const category = String(params.category).toUpperCase();
		const stored = addTemplate({
			wabaId: config.wabaId,
			name: String(params.name),
			language: String(params.language),
			category,
			components,
			status: config.autoApproveTemplates ? 'APPROVED' : 'PENDING',
			parameterFormat: String(params.parameter_format ?? 'POSITIONAL').toUpperCase(),
		});
		return graph.ok({ id: stored.id, status: stored.status, category });
	}

	function deleteTemplate(params) {
		if (!params.name) return graph.missing('name is required.');
		const matches = [...sb.state.templates.values()].filter(
			(template) => template.name === params.name && (!params.hsm_id || template.id === String(params.hsm_id)),
		);
		if (!matches.length) {
			return graphError(100, { details: `Message template "${params.name}" not found.` });
		}
		for (const template of matches) sb.state.templates.delete(template.id);
		return graph.ok({ success: true });
	}

	// ----------------------------------------------------------------------------------------
	// HTTP

	function logEntry(req, parts, kind, params, version) {
		const entry = {
			n: sb.state.log.length + 1,
			at: now(),
			httpMethod: req.method,
			path: `/${parts.join('/')}`,
			version,
			kind,
			status: null,
			errorCode: null,
			executed: false,
			dropped: false,
			params: scrub(params),
		};
		sb.state.log.push(entry);
		return entry;
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://sandbox');
		const raw = await readBody(req);
		if (url.pathname.startsWith('/_sandbox/')) {
			const answer = await controlRoute(sb, req.method, url.pathname.slice('/_sandbox/'.length), url, raw);
			return send(res, answer.status, answer.body);
		}
		if (url.pathname === '/whatsapp_business/attachments/' || url.pathname === '/whatsapp_business/attachments') {
			return downloadMedia(req, res, url);
		}
		const match = /^\/(v\d+\.\d+)\/(.*)$/.exec(url.pathname);
		if (!match) {
			const answer = graphError(2500, { message: 'Unknown path components', details: 'The path must start with the Graph API version, e.g. /v25.0/.' });
			return send(res, 400, answer.body);
		}
		const parts = match[2].split('/').filter(Boolean);
		const params = Object.fromEntries(url.searchParams);
		let files;
		const contentType = String(req.headers['content-type'] ?? '');
		if (contentType.startsWith('multipart/form-data')) {
			const parsed = parseMultipart(raw, contentType);
			if (!parsed) return send(res, 400, graphError(100, { details: 'The multipart body could not be read.' }).body);
			Object.assign(params, parsed.fields);
			files = parsed.files;
		} else if (raw.length) {
			const text = raw.toString('utf8');
			if (contentType.startsWith('application/json')) {
				try {
					Object.assign(params, JSON.parse(text));
				} catch {
					return send(res, 400, graphError(100, { details: 'The request body is not valid JSON.' }).body);
				}
			} else {
				Object.assign(params, Object.fromEntries(new URLSearchParams(text)));
			}
		}
		const kind = classify(req.method, parts);
		const entry = logEntry(req, parts, kind, files ? { ...params, file: describeFile(files.file) } : params, match[1]);
		const fault = fire(kind, entry.n);
		if (fault?.type === 'dropBefore') {
			entry.dropped = true;
			return req.socket.destroy();
		}
		if (fault?.type === 'error') {
			const answer = graphError(fault.code, fault.details ? { details: fault.details } : {});
			entry.status = answer.status;
			entry.errorCode = fault.code;
			return send(res, answer.status, answer.body);
		}
		const answer = await graphRoute(req, parts, params, files);
		entry.status = answer.status;
		entry.errorCode = answer.body?.error?.code ?? null;
		entry.executed = answer.status < 400;
		if (fault?.type === 'dropAfter') {
			entry.dropped = true;
			return req.socket.destroy();
		}
		return send(res, answer.status, answer.body);
	}

	function downloadMedia(req, res, url) {
		const token = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
		const media = sb.state.media.get(String(url.searchParams.get('mid')));
		const entry = logEntry(req, ['whatsapp_business', 'attachments'], 'media.download', { mid: url.searchParams.get('mid') }, null);
		const denied = checkToken(token);
		if (denied) {
			// The download host answers a missing or wrong token with 404, not a Graph error.
			entry.status = 404;
			return send(res, 404, 'Not Found', 'text/plain');
		}
		if (!media || url.searchParams.get('hash') !== media.hash) {
			entry.status = 404;
			return send(res, 404, 'Not Found', 'text/plain');
		}
		entry.status = 200;
		entry.executed = true;
		res.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.data.length });
		res.end(media.data);
	}

	function send(res, status, body, type = 'application/json') {
		if (res.headersSent) return;
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, { 'content-type': type === 'application/json' ? 'application/json; charset=UTF-8' : type });
		res.end(text);
	}

	Object.assign(sb, {
		reset,
		addTemplate,
		deliver,
		redeliver,
		receive,
		status,
		echo,
		verifyCallback,
		storeMedia: (data, mimeType, fileName, phoneNumberId = sb.phoneNumberId) =>
			storeMedia(phoneNumberId, data, mimeType, fileName),
		sign: (body, secret = config.appSecret) => signature(secret, body),
		metaJson,
		faults: {
			add(fault) {
				if (!['error', 'dropBefore', 'dropAfter'].includes(fault?.type)) throw new Error('fault.type: error, dropBefore or dropAfter');
				if (fault.type === 'error' && !Number.isInteger(fault.code)) throw new Error('An error fault needs a Meta error `code`');
				if (!fault.on && fault.probability === undefined && fault.times === undefined) throw new Error('A fault needs `on`, `probability` or `times`');
				sb.state.faults.push({ ...fault, remaining: fault.times ?? Infinity });
			},
			clear() {
				sb.state.faults = [];
			},
			list() {
				return sb.state.faults.map(({ remaining, ...fault }) => ({ ...fault, remaining }));
			},
		},
		expireToken() {
			sb.state.expiredTokens.add(config.accessToken);
		},
		/** Sets the app's callback URL as the App Dashboard does (after the verification GET). */
		async setCallback(url, verifyToken, fields = ['messages']) {
			if (!(await verifyCallback(url, verifyToken))) throw new Error(`Callback verification failed for ${url}`);
			sb.state.appSubscription = { url, verifyToken, fields };
		},
		setAutoStatuses(statuses) {
			sb.state.autoStatuses = [...statuses];
		},
		setUndeliverable(waIds) {
			sb.state.undeliverable = new Set(waIds.map((id) => String(id).replace(/\D/g, '')));
		},
		/** Resolves when every background webhook delivery has finished. */
		async idle() {
			while (sb.state.pending.size) await Promise.all([...sb.state.pending]);
		},
		async start() {
			sb.server = http.createServer((req, res) => {
				handle(req, res).catch((error) => send(res, 500, { error: { message: String(error?.message ?? error), code: 1 } }));
			});
			await new Promise((resolve) => sb.server.listen(config.port, config.host, resolve));
			const { port } = sb.server.address();
			sb.url = `http://${config.host}:${port}`;
			sb.graphUrl = `${sb.url}/v25.0`;
			return sb;
		},
		async stop() {
			await sb.idle();
			if (!sb.server) return;
			sb.server.closeAllConnections?.();
			await new Promise((resolve) => sb.server.close(resolve));
			sb.server = null;
		},
		/** Credential data for a WhatsApp Cloud API credential pointing at this fake. */
		credentials(overrides = {}) {
			return {
				accessToken: config.accessToken,
				appSecret: config.appSecret,
				phoneNumberId: sb.phoneNumberId,
				businessAccountId: config.wabaId,
				graphApiVersion: 'v25.0',
				verifyToken: 'sandbox-verify-token',
				appId: config.appId,
				baseUrl: sb.url,
				...overrides,
			};
		},
	});
	Object.defineProperties(sb, {
		log: { get: () => sb.state.log, enumerable: true },
		sent: { get: () => sb.state.sent, enumerable: true },
		read: { get: () => sb.state.read, enumerable: true },
		deliveries: { get: () => sb.state.deliveries, enumerable: true },
		templates: { get: () => [...sb.state.templates.values()], enumerable: true },
		media: { get: () => [...sb.state.media.values()], enumerable: true },
	});
	sb.clearLog = () => {
		sb.state.log = [];
	};
	reset();
	return sb;
}

function parseJsonParam(value) {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

function describeFile(file) {
	return file ? { fileName: file.fileName, mimeType: file.mimeType, size: file.data.length } : undefined;
}

/** The request log never holds a token or secret. */
function scrub(params) {
	const copy = { ...params };
	if ('access_token' in copy) copy.access_token = '***';
	if ('verify_token' in copy) copy.verify_token = '***';
	const configuration = parseJsonParam(copy.webhook_configuration);
	if (configuration && typeof configuration === 'object' && 'verify_token' in configuration) {
		copy.webhook_configuration = { ...configuration, verify_token: '***' };
	}
	return copy;
}

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks);
}

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { createWhatsAppSandbox, defaultTemplates };

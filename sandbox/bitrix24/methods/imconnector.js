'use strict';

/**
 * Open Lines connectors, `imconnector.*` (PROTOCOL.md §7.12): register / unregister / list,
 * activate (ACTIVE=0 deactivates; there is no imconnector.deactivate), status,
 * connector.data.set, send / update / delete messages and the delivery and reading statuses.
 * Application context only (a webhook gets 403 WRONG_AUTH_TYPE), scope `imopenlines`. Answers
 * follow the documented bodies: register and unregister answer `{result: true}` (or
 * `{result: false, error, error_description}` with HTTP 200), activate and data.set a bare
 * `true`, the message methods `{SUCCESS, DATA: {RESULT: [...]}}` with one entry per message.
 */

const { RestError, Errors } = require('../errors');
const { upperKeys, strval, intval, isPhpArray, phpEntries, PhpObject } = require('../php');
const { BUILT_IN_CONNECTORS, activationKey, isActive } = require('../openlines/state');
const desk = require('../openlines/desk');

/** Events of connectors, scope `imconnector` (PROTOCOL.md §6.4). */
const CONNECTOR_EVENTS = [
	'ONIMCONNECTORMESSAGEADD',
	'ONIMCONNECTORMESSAGEUPDATE',
	'ONIMCONNECTORMESSAGEDELETE',
	'ONIMCONNECTORDIALOGSTART',
	'ONIMCONNECTORDIALOGFINISH',
	'ONIMCONNECTORSTATUSDELETE',
	'ONIMCONNECTORLINEDELETE',
];

/** A file is fetched for at most this long; a slower one is kept as failed. */
const FILE_FETCH_TIMEOUT_MS = 10000;

/** `imconnector.register`'s switches and their documented defaults. */
const CONNECTOR_FLAGS = {
	DEL_EXTERNAL_MESSAGES: true,
	EDIT_INTERNAL_MESSAGES: true,
	DEL_INTERNAL_MESSAGES: true,
	NEWSLETTER: true,
	NEED_SYSTEM_MESSAGES: true,
	NEED_SIGNATURE: true,
	CHAT_GROUP: false,
};

/** A documented boolean as JSON (true/false) or form text (Y/N, 1/0, true/false). */
function flag(value, fallback) {
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'boolean') return value;
	return !['', '0', 'n', 'false'].includes(strval(value).trim().toLowerCase());
}

const missing = (name) => Errors.argument(`Argument '${name}' is null or empty`, name);

/** The documented `{result: false, error, error_description}` answer (HTTP 200). */
const refused = (error, description) => ({ result: false, error, error_description: description });

const openLinesOf = (ctx) => ctx.state.extras.openLines;

/** CONNECTOR and LINE of a call, both required. */
function connectorAndLine(q) {
	const connector = strval(q.CONNECTOR ?? '')
		.trim()
		.toLowerCase();
	if (!connector) throw missing('CONNECTOR');
	if (q.LINE === undefined || q.LINE === null || strval(q.LINE) === '') throw missing('LINE');
	return { connector, line: intval(q.LINE) };
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function register(params, ctx) {
	const q = upperKeys(params);
	const id = typeof q.ID === 'string' ? q.ID.trim().toLowerCase() : '';
	if (!id) return refused('CONNECTOR_ID_REQUIRED', 'Connector ID is not specified');
	if (id.includes('.'))
		return refused(
			'APPLICATION_REGISTRATION_ERROR_POINT',
			'Application registration error. Using a dot in the connector identifier is not allowed',
		);
	if (typeof q.NAME !== 'string' || !q.NAME.trim())
		return refused('NAME_REQUIRED', 'Connector name is not specified');
	const icon = isPhpArray(q.ICON) ? upperKeys(q.ICON) : {};
	if (typeof icon.DATA_IMAGE !== 'string' || !icon.DATA_IMAGE)
		return refused('ICON_REQUIRED', 'Connector icon is not specified');
	if (typeof q.PLACEMENT_HANDLER !== 'string' || !q.PLACEMENT_HANDLER.trim())
		return refused('NO_PLACEMENT_HANDLER', 'Failed to get embedding handler URL');
	const ol = openLinesOf(ctx);
	const existing = ol.connectors.get(id);
	if (desk.isBuiltIn(id) || (existing && existing.clientId !== ctx.auth.clientId))
		return refused('APPLICATION_REGISTRATION_ERROR', 'Application registration error');
	ol.connectors.set(id, {
		ID: id,
		NAME: q.NAME.trim(),
		clientId: /** @type {string} */ (ctx.auth.clientId),
		ICON: icon,
		ICON_DISABLED: isPhpArray(q.ICON_DISABLED) ? upperKeys(q.ICON_DISABLED) : null,
		PLACEMENT_HANDLER: q.PLACEMENT_HANDLER.trim(),
		flags: Object.fromEntries(
			Object.entries(CONNECTOR_FLAGS).map(([name, fallback]) => [name, flag(q[name], fallback)]),
		),
	});
	return { result: true };
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function unregister(params, ctx) {
	const q = upperKeys(params);
	const id = strval(q.ID ?? '')
		.trim()
		.toLowerCase();
	const ol = openLinesOf(ctx);
	const connector = ol.connectors.get(id);
	if (!connector || connector.clientId !== ctx.auth.clientId)
		return refused('APPLICATION_UNREGISTRATION_ERROR', 'Error unregistering the application');
	for (const [key, activation] of ol.activations) {
		if (!key.startsWith(`${id}|`)) continue;
		if (activation.active) statusDeleted(ctx, id, Number(key.slice(id.length + 1)));
		ol.activations.delete(key);
	}
	ol.connectors.delete(id);
	return { result: true };
}

/** ONIMCONNECTORSTATUSDELETE: the connector no longer works on a line. */
function statusDeleted(ctx, connector, line) {
	desk.raise(
		ctx.state,
		connector,
		'ONIMCONNECTORSTATUSDELETE',
		{ connector, line },
		ctx.auth.userId,
	);
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function list(params, ctx) {
	const custom = [...openLinesOf(ctx).connectors.values()].map((c) => [c.ID, c.NAME]);
	return { ...BUILT_IN_CONNECTORS, ...Object.fromEntries(custom) };
}

/** The connector of a call, which must be a custom one; IMCONNECTOR_NO_CORRECT_PROVIDER otherwise. */
function customConnector(ctx, id) {
	const connector = openLinesOf(ctx).connectors.get(id);
	if (!connector)
		throw new RestError(
			'IMCONNECTOR_NO_CORRECT_PROVIDER',
			'Failed to find a suitable provider for the connector',
		);
	return connector;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function activate(params, ctx) {
	const q = upperKeys(params);
	const { connector, line } = connectorAndLine(q);
	if (q.ACTIVE === undefined || q.ACTIVE === null) throw missing('ACTIVE');
	customConnector(ctx, connector);
	const ol = openLinesOf(ctx);
	const key = activationKey(connector, line);
	const was = ol.activations.get(key);
	const active = flag(q.ACTIVE, false);
	ol.activations.set(key, { active, data: was?.data ?? null });
	if (was?.active && !active) statusDeleted(ctx, connector, line);
	return true;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function status(params, ctx) {
	const q = upperKeys(params);
	const connector = strval(q.CONNECTOR ?? '')
		.trim()
		.toLowerCase();
	if (!connector) throw missing('CONNECTOR');
	const line = intval(q.LINE ?? 0);
	const ol = openLinesOf(ctx);
	const configured = line > 0 && ol.connectors.has(connector) && isActive(ol, connector, line);
	return {
		LINE: line,
		CONNECTOR: connector,
		ERROR: false,
		CONFIGURED: configured,
		STATUS: configured && ol.lines.get(line)?.ACTIVE === 'Y',
	};
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function dataSet(params, ctx) {
	const q = upperKeys(params);
	const { connector, line } = connectorAndLine(q);
	if (!isPhpArray(q.DATA) || phpEntries(q.DATA).length === 0) throw missing('DATA');
	customConnector(ctx, connector);
	const ol = openLinesOf(ctx);
	const key = activationKey(connector, line);
	const data = upperKeys(q.DATA);
	ol.activations.set(key, {
		active: ol.activations.get(key)?.active ?? false,
		data: Object.fromEntries(
			['ID', 'URL', 'URL_IM', 'NAME'].filter((k) => k in data).map((k) => [k, strval(data[k])]),
		),
	});
	return true;
}

/**
 * CONNECTOR, LINE and MESSAGES of a message method, checked as documented: the connector must
 * be a custom one, the line active and the connector active on it (NOT_ACTIVE_LINE otherwise;
 * that an inactive connector also answers NOT_ACTIVE_LINE is field-reported, UNCONFIRMED by the
 * docs), every message an array with `user`, `message` and `chat`.
 */
function messageCall(params, ctx) {
	const q = upperKeys(params);
	const { connector, line } = connectorAndLine(q);
	if (q.MESSAGES === undefined || q.MESSAGES === null || q.MESSAGES === '')
		throw missing('MESSAGES');
	if (!isPhpArray(q.MESSAGES))
		throw Errors.argument("The value of an argument 'MESSAGES' must be of type array", 'MESSAGES');
	const messages = phpEntries(q.MESSAGES).map(([, m]) => m);
	if (!messages.every(isPhpArray))
		throw Errors.argument(
			'The MESSAGES parameter must be an array of messages (arrays)',
			'MESSAGES',
		);
	if (!messages.every((m) => ['user', 'message', 'chat'].every((k) => isPhpArray(m[k]))))
		throw Errors.argument(
			'The incorrect structure of a message inside MESSAGES parameter',
			'MESSAGES',
		);
	customConnector(ctx, connector);
	const ol = openLinesOf(ctx);
	if (ol.lines.get(line)?.ACTIVE !== 'Y' || !isActive(ol, connector, line))
		throw new RestError('NOT_ACTIVE_LINE', 'The line with this ID is inactive or does not exist');
	return { connector, line, messages };
}

/** A per-message failure (texts are sandbox wording; the docs give none). */
const failed = (entry, ...errors) => ({ ...entry, SUCCESS: false, ERRORS: errors });

/** Fetches a customer's file the way Bitrix24 does: it must be downloadable from its URL. */
async function fetchFile(url, name) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(FILE_FETCH_TIMEOUT_MS) });
		if (!response.ok) return { name, url, error: `HTTP ${response.status}` };
		const type = response.headers.get('content-type')?.split(';')[0].trim();
		return { name, url, mimeType: type, content: Buffer.from(await response.arrayBuffer()) };
	} catch (error) {
		return { name, url, error: String(/** @type {Error} */ (error).message) };
	}
}

const filesOf = (message) =>
	phpEntries(message.files)
		.map(([, f]) => f)
		.filter(isPhpArray)
		.map((f) => ({ url: strval(f.url), name: strval(f.name) }));

/** The chat of a message's external chat and user, when it exists. */
function existingChat(ctx, connector, line, m) {
	const ol = openLinesOf(ctx);
	const grouped = ol.connectors.get(connector)?.flags.CHAT_GROUP === true;
	const code = `${connector}|${line}|${strval(m.chat.id)}|${grouped ? 0 : strval(m.user.id)}`;
	return ol.chats.get(ol.chatByCode.get(code) ?? -1);
}

/** The customer's message a call names by `message.id`, in the chat of its user and chat. */
function customerMessage(ctx, chat, externalId) {
	return [...openLinesOf(ctx).messages.values()].find(
		(m) => m.chatId === chat.ID && m.externalId === externalId && !m.deleted,
	);
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
async function sendMessages(params, ctx) {
	const { connector, line, messages } = messageCall(params, ctx);
	const result = [];
	for (const m of messages) {
		const user = m.user;
		const message = m.message;
		const files = filesOf(message);
		const entry = {
			message: {
				id: strval(message.id),
				date: new PhpObject(),
				text: strval(message.text),
				files: [],
			},
			chat: { id: strval(m.chat.id) },
		};
		if (m.chat.name !== undefined) entry.chat.name = strval(m.chat.name);
		if (!strval(user.id)) {
			result.push(failed(entry, 'User ID is not specified'));
			continue;
		}
		if (!strval(m.chat.id)) {
			result.push(failed(entry, 'Chat ID is not specified'));
			continue;
		}
		if (!strval(message.text) && files.length === 0) {
			result.push(failed(entry, 'Message text or files are not specified'));
			continue;
		}
		const chat = desk.chatForCustomer(ctx.state, {
			connector,
			line,
			chat: m.chat,
			user,
			customer: {
				name: user.name && strval(user.name),
				lastName: user.last_name && strval(user.last_name),
				phone: user.phone && strval(user.phone),
				email: user.email && strval(user.email),
			},
		});
		const operatorId = intval(message.user_id ?? 0);
		desk.addMessage(ctx.state, chat, {
			authorId: operatorId > 0 ? operatorId : chat.userId,
			from: operatorId > 0 ? 'operator' : 'customer',
			text: strval(message.text),
			files: await Promise.all(files.map((f) => fetchFile(f.url, f.name))),
			externalId: strval(message.id) || null,
		});
		entry.message.files = files;
		const extra = {};
		if (strval(user.skip_phone_validate) === 'Y') extra.skip_phone_validate = 'Y';
		if (strval(message.disable_crm) === 'Y') extra.disable_tracker = 'Y';
		result.push({
			user: String(chat.userId),
			...entry,
			...(Object.keys(extra).length ? { extra } : {}),
			SUCCESS: true,
			session: { ID: String(chat.session.ID), CHAT_ID: String(chat.ID) },
		});
	}
	return { SUCCESS: result.every((r) => r.SUCCESS), DATA: { RESULT: result } };
}

/** @param {'update'|'delete'} action */
function changeMessages(action) {
	return async (params, ctx) => {
		const { connector, line, messages } = messageCall(params, ctx);
		const result = [];
		for (const m of messages) {
			const externalId = strval(m.message.id);
			const entry = {
				user: '',
				message: { id: externalId },
				chat: { id: strval(m.chat.id) },
			};
			const chat = existingChat(ctx, connector, line, m);
			const stored = chat && customerMessage(ctx, chat, externalId);
			if (!stored) {
				result.push(failed(entry, 'Message not found'));
				continue;
			}
			entry.user = String(chat.userId);
			if (action === 'delete') stored.deleted = true;
			else {
				if (m.message.text !== undefined) stored.text = strval(m.message.text);
				const files = filesOf(m.message);
				if (files.length)
					stored.files = await Promise.all(files.map((f) => fetchFile(f.url, f.name)));
				entry.message = { id: externalId, date: new PhpObject(), text: stored.text };
			}
			result.push({ ...entry, SUCCESS: true });
		}
		return { SUCCESS: result.every((r) => r.SUCCESS), DATA: { RESULT: result } };
	};
}

/**
 * Delivery and reading statuses of operators' messages. Delivery marks the message delivered
 * (and so read) and keeps the channel's ids of it for later edits; reading is a stub on the real
 * server (the docs' internal note), so it changes nothing here either. Both are recorded in
 * `statusReports`.
 * @param {'delivery'|'reading'} kind
 */
function statusReport(kind) {
	return (params, ctx) => {
		const q = upperKeys(params);
		const { connector, line } = connectorAndLine(q);
		if (!isPhpArray(q.MESSAGES) || phpEntries(q.MESSAGES).length === 0) throw missing('MESSAGES');
		customConnector(ctx, connector);
		const ol = openLinesOf(ctx);
		const entries = phpEntries(q.MESSAGES).map(([, m]) => m);
		ol.statusReports.push({
			method: `imconnector.send.status.${kind}`,
			connector,
			line,
			messages: structuredClone(entries),
		});
		if (kind === 'delivery') {
			for (const m of entries.filter(isPhpArray)) {
				const im = isPhpArray(m.im) ? m.im : {};
				const stored = ol.messages.get(intval(im.message_id));
				if (!stored || stored.chatId !== intval(im.chat_id) || stored.from !== 'operator') continue;
				stored.delivered = true;
				const ids = isPhpArray(m.message) ? m.message.id : undefined;
				const channelIds = isPhpArray(ids) ? phpEntries(ids).map(([, v]) => strval(v)) : [];
				for (const id of channelIds.filter(Boolean))
					if (!stored.connectorMid.includes(id)) stored.connectorMid.push(id);
			}
		}
		return { SUCCESS: true, DATA: [] };
	};
}

/** @param {import('./registry').MethodRegistry} registry */
function register_(registry) {
	const opts = { scope: 'imopenlines', authTypes: /** @type {Array<'oauth'>} */ (['oauth']) };
	registry.registerEvents(CONNECTOR_EVENTS);
	registry.register('imconnector.register', register, opts);
	registry.register('imconnector.unregister', unregister, opts);
	registry.register('imconnector.list', list, opts);
	registry.register('imconnector.activate', activate, opts);
	registry.register('imconnector.status', status, opts);
	registry.register('imconnector.connector.data.set', dataSet, opts);
	registry.register('imconnector.send.messages', sendMessages, opts);
	registry.register('imconnector.update.messages', changeMessages('update'), opts);
	registry.register('imconnector.delete.messages', changeMessages('delete'), opts);
	registry.register('imconnector.send.status.delivery', statusReport('delivery'), opts);
	registry.register('imconnector.send.status.reading', statusReport('reading'), opts);
}

module.exports = { register: register_, CONNECTOR_EVENTS, CONNECTOR_FLAGS };

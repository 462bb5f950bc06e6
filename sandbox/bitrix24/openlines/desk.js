'use strict';

/**
 * What happens in Open Lines around the REST calls (PROTOCOL.md §7.12): connector chats open a
 * session on a customer's first message (and again after a finished one), the CRM tracker binds
 * the session to a record, and operators answer, edit, delete, transfer and finish. Operators'
 * actions raise the `ONIMCONNECTOR*` events (§6.4), sent only to the handlers of the application
 * that registered the connector.
 */

const crypto = require('node:crypto');
const { nextId } = require('../extras');
const { findUser } = require('../users');
const { leads } = require('../methods/crm-lead');
const { BUILT_IN_CONNECTORS } = require('./state');

/** Portal users standing for external users get IDs from here up. */
const FIRST_EXTERNAL_USER_ID = 1000;

const openLinesOf = (state) => state.extras.openLines;

/** @param {import('../index').SandboxState} state @param {string} connector @param {string} event @param {unknown} data @param {number} userId */
function raise(state, connector, event, data, userId) {
	const owner = openLinesOf(state).connectors.get(connector);
	if (!owner) return 0;
	return state.events.emit(event, /** @type {any} */ (data), { userId, clientId: owner.clientId });
}

/**
 * The portal user that stands for an external user of a connector (created on first contact).
 * @param {import('../index').SandboxState} state @param {string} connector @param {string} externalUserId
 */
function portalUserFor(state, connector, externalUserId) {
	const users = openLinesOf(state).externalUsers;
	const key = `${connector}|${externalUserId}`;
	let id = users.get(key);
	if (id === undefined) {
		id = FIRST_EXTERNAL_USER_ID + users.size;
		users.set(key, id);
	}
	return id;
}

const digits = (value) => String(value ?? '').replace(/\D/g, '');

/**
 * The CRM tracker, simplified: a session is bound to the oldest contact, else lead, holding the
 * customer's phone (compared by digits); with none, a lead is created when the line says so.
 * @param {import('../index').SandboxState} state
 * @param {import('./state').Chat} chat
 * @param {{name?: string, lastName?: string, phone?: string, email?: string}} customer
 */
function track(state, chat, customer) {
	const line = openLinesOf(state).lines.get(chat.line);
	if (!line || line.CRM !== 'Y') return;
	const phone = digits(customer.phone);
	if (phone) {
		for (const [type, table] of [
			['CONTACT', 'contacts'],
			['LEAD', 'leads'],
		]) {
			const row = state.store
				.table(table)
				.ascending()
				.find((r) => (r.FM.PHONE || []).some((v) => digits(v.VALUE) === phone));
			if (row) {
				chat.crm = { type, id: row.ID };
				return;
			}
		}
	}
	if (line.CRM_CREATE !== 'lead') return;
	const fields = {
		TITLE: `${[customer.name, customer.lastName].filter(Boolean).join(' ') || 'Guest'} - ${line.LINE_NAME}`,
		SOURCE_ID: 'OPENLINES',
	};
	if (customer.name) fields.NAME = customer.name;
	if (customer.lastName) fields.LAST_NAME = customer.lastName;
	if (customer.phone) fields.PHONE = [{ VALUE: customer.phone, VALUE_TYPE: 'WORK' }];
	if (customer.email) fields.EMAIL = [{ VALUE: customer.email, VALUE_TYPE: 'WORK' }];
	chat.crm = { type: 'LEAD', id: leads.insert(state, fields, { userId: line.QUEUE[0] ?? 1 }).ID };
}

/** The `DATA` entry of the dialog events. @param {import('./state').Chat} chat */
function dialogData(chat) {
	return {
		connector: {
			connector_id: chat.connector,
			line_id: chat.line,
			chat_id: chat.externalChatId,
			user_id: chat.externalUserId,
		},
		session: {
			id: chat.session.ID,
			closed: chat.session.closed ? 'Y' : 'N',
			parent_id: chat.session.parentId,
			close_term: 0,
		},
		chat: { id: chat.ID },
		user: { id: chat.externalUserId },
	};
}

/** Opens a session (the chat's first, or the next after a finished one). */
function startSession(state, chat, customer) {
	const parentId = chat.session ? chat.session.ID : 0;
	chat.session = { ID: nextId(state.extras, 'olSession'), closed: false, parentId };
	chat.sessionIds.push(chat.session.ID);
	track(state, chat, customer);
	raise(state, chat.connector, 'ONIMCONNECTORDIALOGSTART', dialogEvent(chat), chat.userId);
}

const dialogEvent = (chat) => ({
	CONNECTOR: chat.connector,
	LINE: chat.line,
	DATA: [dialogData(chat)],
});

/**
 * The chat of an external chat and user (one per user; per chat with CHAT_GROUP), with an open
 * session: what `imconnector.send.messages` writes into.
 * @param {import('../index').SandboxState} state
 * @param {{connector: string, line: number, chat: Record<string, any>, user: Record<string, any>,
 *   customer: {name?: string, lastName?: string, phone?: string, email?: string}}} spec
 * @returns {import('./state').Chat}
 */
function chatForCustomer(state, { connector, line, chat: externalChat, user, customer }) {
	const ol = openLinesOf(state);
	const grouped = ol.connectors.get(connector)?.flags.CHAT_GROUP === true;
	const externalChatId = String(externalChat.id);
	const externalUserId = String(user.id);
	const userCode = `${connector}|${line}|${externalChatId}|${grouped ? 0 : externalUserId}`;
	let chat = ol.chats.get(ol.chatByCode.get(userCode) ?? -1);
	if (!chat) {
		const name = [customer.name, customer.lastName].filter(Boolean).join(' ') || 'Guest';
		chat = {
			ID: nextId(state.extras, 'olChat') + 1000,
			userCode,
			connector,
			line,
			externalChatId,
			externalUserId,
			userId: portalUserFor(state, connector, externalUserId),
			name: `${externalChat.name || name} - ${ol.lines.get(line)?.LINE_NAME ?? ''}`,
			url: String(externalChat.url ?? ''),
			session: /** @type {any} */ (null),
			sessionIds: [],
			operatorId: ol.lines.get(line)?.QUEUE[0] ?? 1,
			crm: null,
			dateCreate: state.clock.format(state.clock.now()),
		};
		ol.chats.set(chat.ID, chat);
		ol.chatByCode.set(userCode, chat.ID);
	}
	if (!chat.session || chat.session.closed) startSession(state, chat, customer);
	return chat;
}

/**
 * Stores a message in a chat.
 * @param {import('../index').SandboxState} state @param {import('./state').Chat} chat
 * @param {Partial<import('./state').ChatMessage>} fields
 */
function addMessage(state, chat, fields) {
	/** @type {import('./state').ChatMessage} */
	const message = {
		ID: nextId(state.extras, 'olMessage') + 5000,
		chatId: chat.ID,
		sessionId: chat.session.ID,
		authorId: chat.userId,
		from: 'customer',
		text: '',
		files: [],
		externalId: null,
		connectorMid: [],
		delivered: false,
		deleted: false,
		date: state.clock.format(state.clock.now()),
		...fields,
	};
	openLinesOf(state).messages.set(message.ID, message);
	return message;
}

const operatorName = (state, userId) => {
	const user = findUser(state.users, userId);
	return `${user.NAME} ${user.LAST_NAME}`.trim();
};

/** The text an operator's message reaches the channel with: signed unless NEED_SIGNATURE is off. */
function signed(state, chat, text, userId) {
	const connector = openLinesOf(state).connectors.get(chat.connector);
	return connector?.flags.NEED_SIGNATURE === false
		? text
		: `[b]${operatorName(state, userId)}:[/b] [br]${text}`;
}

/** One `MESSAGES` entry of the operator message events. */
function operatorMessageEntry(state, chat, message, messageFields) {
	return {
		im: { chat_id: chat.ID, message_id: message.ID },
		message: messageFields,
		chat: { id: chat.externalChatId },
	};
}

/** A `files` entry as the hub reads them from ONIMCONNECTORMESSAGEADD (UNCONFIRMED by the docs). */
function eventFile(state, file) {
	const disk = state.extras.disk.files.get(/** @type {number} */ (file.diskFileId));
	const link = `${state.baseUrl || ''}/rest/download.json?token=${encodeURIComponent(disk.TOKEN)}`;
	const image = /^image\//.test(file.mimeType || '');
	return {
		name: file.name,
		type: image ? 'image' : 'file',
		mime: file.mimeType || 'application/octet-stream',
		size: disk.SIZE,
		link,
		downloadLink: link,
	};
}

/**
 * Keeps an operator's file on Disk (in the operator's storage) so it can be downloaded.
 * @param {import('../index').SandboxState} state @param {number} userId
 * @param {{name: string, content: Buffer, mimeType?: string}} file
 */
function storeOperatorFile(state, userId, { name, content, mimeType }) {
	const disk = state.extras.disk;
	const id = nextId(state.extras, 'diskObject');
	const now = state.clock.now();
	const token = `disk|${crypto.randomBytes(12).toString('hex')}`;
	disk.files.set(id, {
		ID: id,
		NAME: name,
		STORAGE_ID: 0,
		PARENT_ID: 0,
		FILE_ID: nextId(state.extras, 'bFile'),
		SIZE: content.length,
		content,
		CREATED_BY: userId,
		CREATE_TIME: now,
		UPDATE_TIME: now,
		TOKEN: token,
	});
	disk.tokens.set(token, id);
	return { name, mimeType, content, diskFileId: id };
}

/**
 * An operator answers in a connector chat: ONIMCONNECTORMESSAGEADD.
 * @param {import('../index').SandboxState} state
 * @param {{chatId: number, text?: string, files?: Array<{name: string, content: Buffer, mimeType?: string}>, userId?: number}} spec
 */
function operatorReply(state, { chatId, text = '', files = [], userId }) {
	const chat = chatOf(state, chatId);
	const author = userId ?? chat.operatorId;
	if (chat.session.closed) throw new Error(`the dialog of chat ${chat.ID} is finished`);
	if (!text && files.length === 0) throw new Error('an operator message needs text or files');
	const message = addMessage(state, chat, {
		authorId: author,
		from: 'operator',
		text,
		files: files.map((file) => storeOperatorFile(state, author, file)),
	});
	const fields = { user_id: author, text: signed(state, chat, text, author) };
	if (message.files.length) fields.files = message.files.map((file) => eventFile(state, file));
	const queued = raise(
		state,
		chat.connector,
		'ONIMCONNECTORMESSAGEADD',
		{
			CONNECTOR: chat.connector,
			LINE: chat.line,
			MESSAGES: [operatorMessageEntry(state, chat, message, fields)],
		},
		author,
	);
	return { messageId: message.ID, chatId: chat.ID, queued };
}

/** An operator's own message, by ID. */
function operatorMessage(state, messageId) {
	const message = openLinesOf(state).messages.get(Number(messageId));
	if (!message || message.from !== 'operator' || message.deleted)
		throw new Error(`no operator message ${messageId}`);
	return message;
}

/**
 * An operator edits a message: ONIMCONNECTORMESSAGEUPDATE with the channel's ids of it (as the
 * delivery status told them).
 * @param {import('../index').SandboxState} state @param {{messageId: number, text: string}} spec
 */
function operatorEdit(state, { messageId, text }) {
	const message = operatorMessage(state, messageId);
	const chat = chatOf(state, message.chatId);
	message.text = text;
	const queued = raise(
		state,
		chat.connector,
		'ONIMCONNECTORMESSAGEUPDATE',
		{
			CONNECTOR: chat.connector,
			LINE: chat.line,
			MESSAGES: [
				operatorMessageEntry(state, chat, message, {
					id: message.connectorMid,
					text: signed(state, chat, text, message.authorId),
				}),
			],
		},
		message.authorId,
	);
	return { messageId: message.ID, queued };
}

/** An operator deletes a message: ONIMCONNECTORMESSAGEDELETE. @param {import('../index').SandboxState} state @param {{messageId: number}} spec */
function operatorDelete(state, { messageId }) {
	const message = operatorMessage(state, messageId);
	const chat = chatOf(state, message.chatId);
	message.deleted = true;
	const queued = raise(
		state,
		chat.connector,
		'ONIMCONNECTORMESSAGEDELETE',
		{
			CONNECTOR: chat.connector,
			LINE: chat.line,
			MESSAGES: [operatorMessageEntry(state, chat, message, { id: message.connectorMid[0] ?? '' })],
		},
		message.authorId,
	);
	return { messageId: message.ID, queued };
}

/**
 * The dialog ends: the session closes and ONIMCONNECTORDIALOGFINISH goes out.
 * @param {import('../index').SandboxState} state @param {import('./state').Chat} chat @param {number} userId
 */
function finishDialog(state, chat, userId) {
	if (chat.session.closed) return 0;
	chat.session.closed = true;
	return raise(state, chat.connector, 'ONIMCONNECTORDIALOGFINISH', dialogEvent(chat), userId);
}

/**
 * A line is deleted: the connectors active on it stop there and hear ONIMCONNECTORLINEDELETE
 * (`data` is the line's ID). False when there was no such line.
 * @param {import('../index').SandboxState} state @param {number} id @param {number} userId
 */
function deleteLine(state, id, userId) {
	const ol = openLinesOf(state);
	if (!ol.lines.delete(id)) return false;
	const connectors = new Set();
	for (const key of [...ol.activations.keys()]) {
		const [connector, line] = key.split('|');
		if (Number(line) !== id) continue;
		connectors.add(connector);
		ol.activations.delete(key);
	}
	for (const connector of connectors)
		raise(state, connector, 'ONIMCONNECTORLINEDELETE', id, userId);
	return true;
}

/** A connector chat by its Bitrix24 chat ID; throws for any other. */
function chatOf(state, chatId) {
	const chat = openLinesOf(state).chats.get(Number(chatId));
	if (!chat) throw new Error(`no Open Lines chat ${chatId}`);
	return chat;
}

const isBuiltIn = (id) => Object.prototype.hasOwnProperty.call(BUILT_IN_CONNECTORS, id);

module.exports = {
	raise,
	chatForCustomer,
	addMessage,
	operatorReply,
	operatorEdit,
	operatorDelete,
	finishDialog,
	deleteLine,
	chatOf,
	isBuiltIn,
	operatorName,
};

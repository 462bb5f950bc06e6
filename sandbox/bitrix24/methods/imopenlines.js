'use strict';

/**
 * Open Lines, `imopenlines.*` (PROTOCOL.md §7.12): lines (`config.list.get`, `config.get`,
 * `config.add`, `config.delete`), dialogs of connector chats (`dialog.get`,
 * `session.history.get`) and what operators do with them (`operator.finish`,
 * `operator.another.finish`, `operator.transfer`). Scope `imopenlines`, webhooks allowed.
 */

const { RestError } = require('../errors');
const { upperKeys, strval, intval, isPhpArray, phpEntries } = require('../php');
const { findUser } = require('../users');
const desk = require('../openlines/desk');

const openLinesOf = (ctx) => ctx.state.extras.openLines;

/** config.list.get answers at most this many lines per call. */
const MAX_LIMIT = 200;

function publicLine(line) {
	return {
		ID: String(line.ID),
		LINE_NAME: line.LINE_NAME,
		ACTIVE: line.ACTIVE,
		CRM: line.CRM,
		CRM_CREATE: line.CRM_CREATE,
		QUEUE_TYPE: 'evenly',
		DATE_CREATE: line.DATE_CREATE,
	};
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function configList(params, ctx) {
	const q = upperKeys(params);
	const p = isPhpArray(q.PARAMS) ? q.PARAMS : {};
	const options = isPhpArray(q.OPTIONS) ? upperKeys(q.OPTIONS) : {};
	const filter = isPhpArray(p.filter) ? upperKeys(p.filter) : {};
	const select = isPhpArray(p.select) ? phpEntries(p.select).map(([, v]) => strval(v)) : [];
	const limit = Math.min(Math.max(intval(p.limit ?? 50) || 50, 1), MAX_LIMIT);
	const offset = Math.max(intval(p.offset ?? 0), 0);
	const rows = [...openLinesOf(ctx).lines.values()]
		.sort((a, b) => a.ID - b.ID)
		.filter((line) =>
			Object.entries(filter).every(
				([key, value]) => strval(publicLine(line)[key]) === strval(value),
			),
		)
		.slice(offset, offset + limit);
	return rows.map((line) => {
		const row = publicLine(line);
		const picked = select.length
			? Object.fromEntries(Object.entries(row).filter(([key]) => select.includes(key)))
			: row;
		if (strval(options.QUEUE) === 'Y') picked.QUEUE = [...line.QUEUE];
		return picked;
	});
}

const configIdOf = (q) => {
	const id = intval(q.CONFIG_ID ?? 0);
	if (id <= 0) throw new RestError('CONFIG_ID_EMPTY', "Config ID can't be empty");
	return id;
};

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function configGet(params, ctx) {
	const q = upperKeys(params);
	const line = openLinesOf(ctx).lines.get(configIdOf(q));
	if (!line) return false;
	const row = publicLine(line);
	if (strval(q.WITH_QUEUE) === 'Y') row.QUEUE = [...line.QUEUE];
	return row;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function configAdd(params, ctx) {
	const q = upperKeys(params);
	const p = isPhpArray(q.PARAMS) ? upperKeys(q.PARAMS) : {};
	const ol = openLinesOf(ctx);
	const id = ol.nextLineId++;
	ol.lines.set(id, {
		ID: id,
		LINE_NAME: strval(p.LINE_NAME) || `Open Channel ${id}`,
		ACTIVE: strval(p.ACTIVE) === 'N' ? 'N' : 'Y',
		CRM: strval(p.CRM) === 'N' ? 'N' : 'Y',
		CRM_CREATE: strval(p.CRM_CREATE) || 'lead',
		QUEUE: [ctx.auth.userId],
		DATE_CREATE: ctx.state.clock.format(ctx.state.clock.now()),
	});
	return id;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function configDelete(params, ctx) {
	return desk.deleteLine(ctx.state, configIdOf(upperKeys(params)), ctx.auth.userId);
}

/** `entity_data_1`: "Y|LEAD|1209|N|N|<session>|<start ts>|0|0|0" (the session is the 6th field). */
function entityData1(chat) {
	const crm = chat.crm ?? { type: 'NONE', id: 0 };
	return `Y|${crm.type}|${crm.id}|N|N|${chat.session.ID}|0|0|0|0`;
}

/** `entity_data_2`: the CRM bindings, "LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0". */
function entityData2(chat) {
	const id = (type) => (chat.crm?.type === type ? chat.crm.id : 0);
	return ['LEAD', 'COMPANY', 'CONTACT', 'DEAL'].map((type) => `${type}|${id(type)}`).join('|');
}

const accessError = () =>
	new RestError('ACCESS_ERROR', 'You do not have access to the specified dialog');

/** The chat a dialog call names by CHAT_ID, DIALOG_ID (`chat123`), SESSION_ID or USER_CODE. */
function chatOfDialog(q, ctx) {
	const ol = openLinesOf(ctx);
	let chat;
	if (q.CHAT_ID !== undefined) chat = ol.chats.get(intval(q.CHAT_ID));
	else if (q.DIALOG_ID !== undefined) {
		const match = /^chat(\d+)$/.exec(strval(q.DIALOG_ID));
		chat = match ? ol.chats.get(Number(match[1])) : undefined;
	} else if (q.SESSION_ID !== undefined) {
		const session = intval(q.SESSION_ID);
		chat = [...ol.chats.values()].find((c) => c.sessionIds.includes(session));
	} else if (q.USER_CODE !== undefined)
		chat = ol.chats.get(ol.chatByCode.get(strval(q.USER_CODE)) ?? -1);
	if (!chat) throw accessError();
	return chat;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function dialogGet(params, ctx) {
	const chat = chatOfDialog(upperKeys(params), ctx);
	const count = [...openLinesOf(ctx).messages.values()].filter((m) => m.chatId === chat.ID).length;
	return {
		id: chat.ID,
		parent_chat_id: 0,
		parent_message_id: 0,
		name: chat.name,
		description: null,
		owner: chat.operatorId,
		extranet: false,
		avatar: '',
		type: 'lines',
		message_count: count,
		entity_type: 'LINES',
		entity_id: chat.userCode,
		entity_data_1: entityData1(chat),
		entity_data_2: entityData2(chat),
		entity_data_3: 'N',
		date_create: chat.dateCreate,
		message_type: 'L',
		entity_link: { type: 'LINES', url: chat.url, id: chat.userCode },
		manager_list: [chat.operatorId],
		dialog_id: `chat${chat.ID}`,
	};
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function historyGet(params, ctx) {
	const q = upperKeys(params);
	const ol = openLinesOf(ctx);
	const sessionId = q.SESSION_ID !== undefined ? intval(q.SESSION_ID) : undefined;
	const chat = chatOfDialog(sessionId !== undefined ? { SESSION_ID: sessionId } : q, ctx);
	const session = sessionId ?? chat.session.ID;
	const messages = [...ol.messages.values()]
		.filter((m) => m.chatId === chat.ID && m.sessionId === session && !m.deleted)
		.sort((a, b) => b.ID - a.ID);
	const users = {};
	const files = {};
	const message = {};
	for (const m of messages) {
		const user = findUser(ctx.state.users, m.authorId);
		users[m.authorId] = {
			id: String(m.authorId),
			name:
				m.from === 'customer'
					? chat.name.split(' - ')[0]
					: desk.operatorName(ctx.state, m.authorId),
			connector: m.from === 'customer',
			bot: false,
			firstName: m.from === 'customer' ? '' : user.NAME,
			lastName: m.from === 'customer' ? '' : user.LAST_NAME,
		};
		const fileIds = m.files.map((file, i) => {
			const id = m.ID * 100 + i;
			files[id] = {
				id,
				chatid: chat.ID,
				name: file.name,
				size: file.content?.length ?? 0,
				type: 'file',
			};
			return id;
		});
		message[m.ID] = {
			id: String(m.ID),
			chatid: String(chat.ID),
			senderid: String(m.authorId),
			recipientid: `chat${chat.ID}`,
			date: m.date,
			text: m.text,
			params: {
				...(m.connectorMid.length ? { connectorMid: [...m.connectorMid] } : {}),
				...(fileIds.length ? { fileId: fileIds } : {}),
			},
		};
	}
	return {
		chatId: chat.ID,
		sessionId: session,
		userId: `chat${chat.ID}`,
		message,
		usersMessage: { [`chat${chat.ID}`]: messages.map((m) => String(m.ID)) },
		users,
		chat: {
			[chat.ID]: {
				id: String(chat.ID),
				name: chat.name,
				entityType: 'LINES',
				entityId: chat.userCode,
				entityData1: entityData1(chat),
				entityData2: entityData2(chat),
			},
		},
		files,
	};
}

/** The open-line chat of an operator call: CHAT_ID, checked as the operator methods do. */
function operatorChat(q, ctx, emptyCode) {
	const id = intval(q.CHAT_ID ?? 0);
	if (id <= 0) {
		throw emptyCode === 'CHAT_ID_EMPTY'
			? new RestError('CHAT_ID_EMPTY', "Chat ID can't be empty")
			: new RestError('CHAT_ID', 'The provided chat identifier is incorrect');
	}
	const chat = openLinesOf(ctx).chats.get(id);
	if (!chat) throw new RestError('CHAT_TYPE', 'The specified chat is not an open line');
	return chat;
}

/** operator.finish (the caller's own dialog) and operator.another.finish (anyone's). */
function finish(own) {
	return (params, ctx) => {
		const chat = operatorChat(upperKeys(params), ctx, 'CHAT_ID');
		if (own && chat.operatorId !== ctx.auth.userId)
			throw new RestError(
				'ACCESS_DENIED',
				'You cannot open this conversation as you do not have sufficient rights',
			);
		desk.finishDialog(ctx.state, chat, ctx.auth.userId);
		return true;
	};
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function transfer(params, ctx) {
	const q = upperKeys(params);
	const chat = operatorChat(q, ctx, 'CHAT_ID_EMPTY');
	const target = strval(q.TRANSFER_ID ?? '').trim();
	const queue = /^queue(\d+)$/.exec(target);
	const lineId = queue ? Number(queue[1]) : q.QUEUE_ID !== undefined ? intval(q.QUEUE_ID) : 0;
	const userId =
		!queue && target ? intval(target) : q.USER_ID !== undefined ? intval(q.USER_ID) : 0;
	const ol = openLinesOf(ctx);
	const wrong = () => new RestError('OPERATOR_WRONG', 'You cannot redirect to this operator');
	if (lineId > 0) {
		const line = ol.lines.get(lineId);
		if (!line || line.ACTIVE !== 'Y') throw wrong();
		chat.operatorId = line.QUEUE[0] ?? chat.operatorId;
		return true;
	}
	if (userId > 0) {
		if (!ctx.state.users.some((u) => u.ID === userId && u.ACTIVE !== false)) throw wrong();
		chat.operatorId = userId;
		return true;
	}
	throw new RestError('TRANSFER_ID_EMPTY', "Queue ID or User ID can't be empty");
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const opts = { scope: 'imopenlines' };
	registry.register('imopenlines.config.list.get', configList, opts);
	registry.register('imopenlines.config.get', configGet, opts);
	registry.register('imopenlines.config.add', configAdd, opts);
	registry.register('imopenlines.config.delete', configDelete, opts);
	registry.register('imopenlines.dialog.get', dialogGet, opts);
	registry.register('imopenlines.session.history.get', historyGet, opts);
	registry.register('imopenlines.operator.finish', finish(true), opts);
	registry.register('imopenlines.operator.another.finish', finish(false), opts);
	registry.register('imopenlines.operator.transfer', transfer, opts);
}

module.exports = { register };

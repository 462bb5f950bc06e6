'use strict';

/**
 * Messenger (PROTOCOL.md §7.10): `im.notify.system.add`, `im.notify.personal.add`,
 * `im.message.add`. Nothing is delivered; messages and notifications are stored in
 * `state.extras.messages` / `state.extras.notifications` (`sb.messages()`, `sb.notifications()`).
 * Chats are not modelled: any `chatN`/`sgN` dialog is accepted; a user id must be a portal user.
 */

const { RestError } = require('../errors');
const { upperKeys, strval, intval, isPhpArray } = require('../php');
const { nextId } = require('../extras');

const ATTACH_LIMIT = 60000;

// Texts are sandbox wording; the codes follow PROTOCOL.md (§7.10).
const E = {
	userIdEmpty: () => new RestError('USER_ID_EMPTY', "User ID can't be empty"),
	messageEmpty: () => new RestError('MESSAGE_EMPTY', "Message can't be empty"),
	attachOversize: () =>
		new RestError('ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach'),
	userNotFound: () => new RestError('USER_NOT_FOUND', 'User not found'),
	dialogId: () => new RestError('DIALOG_ID_EMPTY', "Dialog ID can't be empty"),
	chatId: () => new RestError('CHAT_ID', 'Chat ID is incorrect'),
};

function attachSize(attach) {
	return attach === undefined ? 0 : JSON.stringify(attach).length;
}

/** @param {'system'|'personal'} type */
function notify(type) {
	return (params, ctx) => {
		const q = upperKeys(params);
		const userId = intval(q.USER_ID);
		if (userId <= 0) throw E.userIdEmpty();
		const message = strval(isPhpArray(q.MESSAGE) ? '' : q.MESSAGE).trim();
		if (!message && q.ATTACH === undefined) throw E.messageEmpty();
		if (attachSize(q.ATTACH) > ATTACH_LIMIT) throw E.attachOversize();
		if (!ctx.state.users.some((u) => u.ID === userId)) return false;
		const id = nextId(ctx.state.extras, 'notification');
		ctx.state.extras.notifications.push({
			ID: id,
			TYPE: type,
			USER_ID: userId,
			FROM_USER_ID: type === 'personal' ? ctx.auth.userId : 0,
			MESSAGE: message,
			MESSAGE_OUT: q.MESSAGE_OUT !== undefined ? strval(q.MESSAGE_OUT) : null,
			TAG: q.TAG !== undefined ? strval(q.TAG) : null,
			SUB_TAG: q.SUB_TAG !== undefined ? strval(q.SUB_TAG) : null,
			ATTACH: q.ATTACH ?? null,
			DATE: ctx.state.clock.format(ctx.state.clock.now()),
		});
		return id;
	};
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const opts = { scope: 'im' };
	registry.register('im.notify.system.add', notify('system'), opts);
	registry.register('im.notify.personal.add', notify('personal'), opts);
	registry.register(
		'im.message.add',
		(params, ctx) => {
			const q = upperKeys(params);
			const dialog = strval(q.DIALOG_ID).trim();
			if (!dialog) throw E.dialogId();
			let chatId = null;
			let toUserId = null;
			const chat = /^(chat|sg)(\d+)$/i.exec(dialog);
			if (chat) {
				chatId = Number(chat[2]);
				if (chatId <= 0) throw E.chatId();
			} else if (/^\d+$/.test(dialog)) {
				toUserId = Number(dialog);
				if (!ctx.state.users.some((u) => u.ID === toUserId)) throw E.userNotFound();
			} else {
				throw E.chatId();
			}
			const message = strval(isPhpArray(q.MESSAGE) ? '' : q.MESSAGE).trim();
			if (!message && q.ATTACH === undefined) throw E.messageEmpty();
			if (attachSize(q.ATTACH) > ATTACH_LIMIT) throw E.attachOversize();
			const id = nextId(ctx.state.extras, 'message');
			ctx.state.extras.messages.push({
				ID: id,
				DIALOG_ID: dialog,
				CHAT_ID: chatId,
				TO_USER_ID: toUserId,
				AUTHOR_ID: ctx.auth.userId,
				MESSAGE: message,
				SYSTEM: q.SYSTEM === 'Y' || q.SYSTEM === true ? 'Y' : 'N',
				URL_PREVIEW: q.URL_PREVIEW === 'N' ? 'N' : 'Y',
				REPLY_ID: q.REPLY_ID !== undefined ? intval(q.REPLY_ID) : null,
				ATTACH: q.ATTACH ?? null,
				KEYBOARD: q.KEYBOARD ?? null,
				DATE: ctx.state.clock.format(ctx.state.clock.now()),
			});
			return id;
		},
		opts,
	);
}

module.exports = { register };

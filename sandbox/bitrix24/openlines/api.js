'use strict';

/**
 * Open Lines from the portal's side, for tests and the demo (`sb.openLines`, and the control
 * API under `/_sandbox/openlines/`): lines, connectors, chats and their messages, the statuses
 * reported, and what operators do — answer (ONIMCONNECTORMESSAGEADD), edit, delete, finish.
 */

const desk = require('./desk');
const { CONNECTOR_FLAGS } = require('../methods/imconnector');

class OpenLinesDesk {
	/** @param {import('../index').Sandbox} sandbox */
	constructor(sandbox) {
		this.sandbox = sandbox;
	}

	get state() {
		return this.sandbox.state;
	}

	get data() {
		return this.state.extras.openLines;
	}

	/** Lines as stored: {ID, LINE_NAME, ACTIVE, CRM, CRM_CREATE, QUEUE}. */
	lines() {
		return [...this.data.lines.values()].map((line) => structuredClone(line));
	}

	/**
	 * Adds a line (as imopenlines.config.add does).
	 * @param {{name?: string, active?: boolean, crm?: boolean, queue?: number[]}} [spec]
	 */
	addLine({ name, active = true, crm = true, queue = [1] } = {}) {
		const id = this.data.nextLineId++;
		this.data.lines.set(id, {
			ID: id,
			LINE_NAME: name || `Open Channel ${id}`,
			ACTIVE: active ? 'Y' : 'N',
			CRM: crm ? 'Y' : 'N',
			CRM_CREATE: 'lead',
			QUEUE: [...queue],
			DATE_CREATE: this.state.clock.format(this.state.clock.now()),
		});
		return { ...this.data.lines.get(id) };
	}

	/** Deletes a line; the connectors active on it hear ONIMCONNECTORLINEDELETE. @param {number} id */
	deleteLine(id) {
		return desk.deleteLine(this.state, Number(id), 1);
	}

	/**
	 * Registers a connector for an application (by default the local app) and activates it on
	 * lines, as the app's own imconnector.register and imconnector.activate calls would.
	 * @param {{id: string, name?: string, clientId?: string, lines?: number[]}} spec
	 */
	addConnector({ id, name, clientId = this.sandbox.options.oauth.clientId, lines = [] }) {
		const connector = String(id).toLowerCase();
		this.data.connectors.set(connector, {
			ID: connector,
			NAME: name || connector,
			clientId,
			ICON: {
				DATA_IMAGE: 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http://www.w3.org/2000/svg%22/%3E',
			},
			ICON_DISABLED: null,
			PLACEMENT_HANDLER: 'https://example.com/connector',
			flags: { ...CONNECTOR_FLAGS },
		});
		for (const line of lines)
			this.data.activations.set(`${connector}|${line}`, { active: true, data: null });
		return this.connectors().find((c) => c.ID === connector);
	}

	/** Registered connectors with the lines they are active on. */
	connectors() {
		return [...this.data.connectors.values()].map((connector) => ({
			...structuredClone(connector),
			activeLines: [...this.data.activations]
				.filter(([key, a]) => a.active && key.startsWith(`${connector.ID}|`))
				.map(([key]) => Number(key.split('|')[1])),
			lineData: Object.fromEntries(
				[...this.data.activations]
					.filter(([key, a]) => a.data && key.startsWith(`${connector.ID}|`))
					.map(([key, a]) => [key.split('|')[1], { ...a.data }]),
			),
		}));
	}

	/** Connector chats: {ID, userCode, connector, line, externalChatId, externalUserId, userId, session, crm, operatorId}. */
	chats() {
		return [...this.data.chats.values()].map((chat) => structuredClone(chat));
	}

	/** Messages (of one chat), oldest first; file content as a Buffer. @param {number} [chatId] */
	messages(chatId) {
		return [...this.data.messages.values()]
			.filter((m) => chatId === undefined || m.chatId === Number(chatId))
			.map((m) => ({
				...m,
				files: m.files.map((f) => ({ ...f })),
				connectorMid: [...m.connectorMid],
			}));
	}

	/** Delivery and reading statuses as received: {method, connector, line, messages}. */
	statusReports() {
		return structuredClone(this.data.statusReports);
	}

	/**
	 * An operator answers in a chat: ONIMCONNECTORMESSAGEADD goes to the connector's app.
	 * @param {{chatId: number, text?: string, files?: Array<{name: string, content: Buffer|string, mimeType?: string}>, userId?: number}} spec
	 *   file content: a Buffer, or base64 text
	 */
	reply({ chatId, text, files = [], userId }) {
		return desk.operatorReply(this.state, {
			chatId,
			text,
			userId,
			files: files.map((file) => ({
				...file,
				content: Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'base64'),
			})),
		});
	}

	/** An operator edits a message: ONIMCONNECTORMESSAGEUPDATE. @param {{messageId: number, text: string}} spec */
	edit(spec) {
		return desk.operatorEdit(this.state, spec);
	}

	/** An operator deletes a message: ONIMCONNECTORMESSAGEDELETE. @param {{messageId: number}} spec */
	remove(spec) {
		return desk.operatorDelete(this.state, spec);
	}

	/** The dialog is finished: ONIMCONNECTORDIALOGFINISH. @param {{chatId: number, userId?: number}} spec */
	finish({ chatId, userId = 1 }) {
		return { queued: desk.finishDialog(this.state, desk.chatOf(this.state, chatId), userId) };
	}
}

/** Copies without file contents, for the JSON control API. */
const withoutContent = (messages) =>
	messages.map((m) => ({
		...m,
		files: m.files.map(({ content, ...file }) => ({ ...file, size: content?.length ?? 0 })),
	}));

/** @type {Record<string, (sandbox: import('../index').Sandbox, body: any) => unknown>} */
const CONTROL_ROUTES = {
	'GET /_sandbox/openlines': (sb) => ({
		lines: sb.openLines.lines(),
		connectors: sb.openLines.connectors(),
		chats: sb.openLines.chats(),
		messages: withoutContent(sb.openLines.messages()),
		statusReports: sb.openLines.statusReports(),
	}),
	'POST /_sandbox/openlines/lines': (sb, body) => sb.openLines.addLine(body),
	'POST /_sandbox/openlines/connectors': (sb, body) => sb.openLines.addConnector(body),
	'POST /_sandbox/openlines/lines/delete': (sb, body) => ({
		deleted: sb.openLines.deleteLine(body.id),
	}),
	'POST /_sandbox/openlines/reply': (sb, body) => sb.openLines.reply(body),
	'POST /_sandbox/openlines/edit': (sb, body) => sb.openLines.edit(body),
	'POST /_sandbox/openlines/delete': (sb, body) => sb.openLines.remove(body),
	'POST /_sandbox/openlines/finish': (sb, body) => sb.openLines.finish(body),
};

module.exports = { OpenLinesDesk, CONTROL_ROUTES };

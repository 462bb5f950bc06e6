'use strict';

/**
 * Open Lines data (PROTOCOL.md §7.12): lines, connectors of applications and where they are
 * active, the chats the connectors open (one per external user, keyed by USER_CODE), their
 * sessions, messages and the delivery statuses reported for them. Lives in `state.extras`, so
 * `sb.reset()` starts it over.
 */

/** Connectors every portal has; they cannot be registered, activated or sent to by apps. */
const BUILT_IN_CONNECTORS = {
	livechat: 'Live Chat',
	telegrambot: 'Telegram',
	network: 'Bitrix24.Network',
};

/**
 * @typedef {object} OpenLine
 * @property {number} ID
 * @property {string} LINE_NAME
 * @property {'Y'|'N'} ACTIVE
 * @property {'Y'|'N'} CRM whether the CRM tracker runs
 * @property {string} CRM_CREATE what the tracker creates for an unknown customer
 * @property {number[]} QUEUE operators
 * @property {string} DATE_CREATE
 *
 * @typedef {object} Connector
 * @property {string} ID lower case
 * @property {string} NAME
 * @property {string} clientId the application that registered it
 * @property {Record<string, any>} ICON
 * @property {Record<string, any>|null} ICON_DISABLED
 * @property {string} PLACEMENT_HANDLER
 * @property {Record<string, boolean>} flags DEL_EXTERNAL_MESSAGES, NEED_SIGNATURE, CHAT_GROUP, …
 *
 * @typedef {object} Session
 * @property {number} ID
 * @property {boolean} closed
 * @property {number} parentId
 *
 * @typedef {object} Chat
 * @property {number} ID Bitrix24's chat id (`chat{ID}` as a dialog)
 * @property {string} userCode `connector|line|chat id|user id`
 * @property {string} connector
 * @property {number} line
 * @property {string} externalChatId
 * @property {string} externalUserId
 * @property {number} userId the portal user standing for the external user
 * @property {string} name
 * @property {string} url
 * @property {Session} session
 * @property {number[]} sessionIds every session, oldest first
 * @property {number} operatorId
 * @property {{type: string, id: number}|null} crm the record the tracker bound
 * @property {string} dateCreate
 *
 * @typedef {object} ChatFile
 * @property {string} name
 * @property {string} [url] where Bitrix24 fetched it from (customers' files)
 * @property {string} [mimeType]
 * @property {Buffer} [content]
 * @property {string} [error] why it could not be fetched
 * @property {number} [diskFileId] operators' files, kept on Disk
 *
 * @typedef {object} ChatMessage
 * @property {number} ID Bitrix24's message id
 * @property {number} chatId
 * @property {number} sessionId
 * @property {number} authorId portal user (the external user's stand-in for customers)
 * @property {'customer'|'operator'} from
 * @property {string} text
 * @property {ChatFile[]} files
 * @property {string|null} externalId the channel's id of a customer's message
 * @property {string[]} connectorMid the channel's ids of an operator's message (told by delivery statuses)
 * @property {boolean} delivered
 * @property {boolean} deleted
 * @property {string} date
 */

function createOpenLines() {
	return {
		/** @type {Map<number, OpenLine>} */
		lines: new Map([
			[
				1,
				{
					ID: 1,
					LINE_NAME: 'Open Channel',
					ACTIVE: 'Y',
					CRM: 'Y',
					CRM_CREATE: 'lead',
					QUEUE: [1],
					DATE_CREATE: '',
				},
			],
		]),
		nextLineId: 2,
		/** @type {Map<string, Connector>} */
		connectors: new Map(),
		/** @type {Map<string, {active: boolean, data: Record<string, any>|null}>} by `connector|line` */
		activations: new Map(),
		/** @type {Map<number, Chat>} */
		chats: new Map(),
		/** @type {Map<string, number>} USER_CODE → chat ID */
		chatByCode: new Map(),
		/** @type {Map<number, ChatMessage>} */
		messages: new Map(),
		/** @type {Map<string, number>} `connector|external user id` → portal user standing for them */
		externalUsers: new Map(),
		/** @type {Array<{method: string, connector: string, line: number, messages: any[]}>} status calls as received */
		statusReports: [],
	};
}

const activationKey = (connector, line) => `${connector}|${line}`;

/** @param {ReturnType<typeof createOpenLines>} ol @param {string} connector @param {number} line */
function isActive(ol, connector, line) {
	return ol.activations.get(activationKey(connector, line))?.active === true;
}

module.exports = { createOpenLines, BUILT_IN_CONNECTORS, activationKey, isActive };

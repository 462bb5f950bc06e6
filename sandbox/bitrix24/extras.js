'use strict';

const { createOpenLines } = require('./openlines/state');

/**
 * In-memory data of the non-CRM areas (tasks, calendar, messenger, disk, Open Lines). Plain Maps/arrays with
 * their own ID counters; `sb.reset()` replaces the whole object.
 */
function createExtras() {
	return {
		/** @type {Map<number, any>} tasks by ID */
		tasks: new Map(),
		/** @type {Array<any>} task comments {ID, TASK_ID, AUTHOR_ID, POST_MESSAGE, POST_DATE} */
		taskComments: [],
		/** @type {Array<any>} checklist items */
		checklist: [],
		/** @type {Array<any>} elapsed-time records */
		elapsed: [],
		/** @type {Map<number, any>} calendar events by ID */
		events: new Map(),
		/** @type {Array<any>} chat messages */
		messages: [],
		/** @type {Array<any>} notifications */
		notifications: [],
		disk: {
			/** @type {Map<number, any>} */
			folders: new Map(),
			/** @type {Map<number, any>} */
			files: new Map(),
			/** @type {Map<string, number>} download token → file ID */
			tokens: new Map(),
			/** @type {Map<string, number>} public link code (`/~code`) → file ID */
			links: new Map(),
		},
		/** Open Lines: lines, connectors, chats (sandbox/bitrix24/openlines/) */
		openLines: createOpenLines(),
		/** @type {Map<string, number>} */
		seq: new Map(),
	};
}

/** Next ID of a named counter. @param {ReturnType<typeof createExtras>} extras @param {string} name */
function nextId(extras, name) {
	const v = (extras.seq.get(name) || 0) + 1;
	extras.seq.set(name, v);
	return v;
}

module.exports = { createExtras, nextId };

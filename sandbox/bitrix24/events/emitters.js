'use strict';

/**
 * Which events a successful REST call raises (PROTOCOL.md §6.4 and the event pages of the
 * official docs), with the `data` of each. The dispatcher calls `before` ahead of the method
 * handler (to read state the call is about to change) and `after` once it has succeeded; batch
 * sub-calls go through the dispatcher too, so each command raises its own events.
 *
 * Payload shapes:
 * - CRM legacy entities, activities, quotes: `{FIELDS: {ID}}`;
 * - smart processes and smart invoices (crm.item.*): `{FIELDS: {ID, ENTITY_TYPE_ID}}`, sent as
 *   ONCRMDYNAMICITEM* and as the per-type ONCRMDYNAMICITEM*_{entityTypeId}; crm.item.* on types 1–4
 *   raises the entity's own events (ONCRMLEADADD…), on quotes (7) ONCRMQUOTE*;
 * - deal moved to another pipeline: ONCRMDEALUPDATE, then ONCRMDEALMOVETOCATEGORY
 *   `{FIELDS: {ID, CATEGORY_ID, STAGE_ID}}` (the pair and its order are UNCONFIRMED);
 * - timeline comments: `{ID}` (no FIELDS level, as the docs show it);
 * - tasks: `{FIELDS_BEFORE, FIELDS_AFTER, IS_ACCESSIBLE_BEFORE, IS_ACCESSIBLE_AFTER}` with the
 *   literal string "undefined" for the missing parts; task comments the same with
 *   `{ID, TASK_ID}` (+ `ACTION: EDIT|DEL` after update/delete);
 * - ONUSERADD: user fields; calendar entries: `{id}` (lower-case key).
 */

const { intval, strval, isPhpArray } = require('../php');
const { deals } = require('../methods/crm-deal');

/**
 * @typedef {[string, Record<string, unknown>]} RaisedEvent event name (UPPER) and its data
 *
 * @typedef {object} Emitter
 * @property {(params: Record<string, any>, state: import('../index').SandboxState) => any} [before]
 *   snapshot taken before the handler runs
 * @property {(call: {params: Record<string, any>, result: any, before: any,
 *   state: import('../index').SandboxState}) => RaisedEvent[]} after
 */

const UNDEFINED = 'undefined';

/** Case-insensitive param lookup. @param {Record<string, any>} params @param {string} name lower-case */
function param(params, name) {
	for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === name) return value;
	return undefined;
}

/** ID of a legacy call (`id` / `ID`). */
const legacyId = (params) => intval(param(params, 'id') ?? 0);

/** @type {Map<string, Emitter>} */
const EMITTERS = new Map();

/** @param {string} method @param {Emitter} emitter */
function on(method, emitter) {
	EMITTERS.set(method, emitter);
}

/** `{FIELDS: {ID}}` */
const fieldsId = (id) => ({ FIELDS: { ID: id } });

// ----- legacy CRM entities and activities -----

for (const [entity, EVENT] of [
	['lead', 'LEAD'],
	['deal', 'DEAL'],
	['contact', 'CONTACT'],
	['company', 'COMPANY'],
	['activity', 'ACTIVITY'],
]) {
	on(`crm.${entity}.add`, { after: ({ result }) => [[`ONCRM${EVENT}ADD`, fieldsId(result)]] });
	on(`crm.${entity}.delete`, {
		after: ({ params }) => [[`ONCRM${EVENT}DELETE`, fieldsId(legacyId(params))]],
	});
	if (entity !== 'deal') {
		on(`crm.${entity}.update`, {
			after: ({ params }) => [[`ONCRM${EVENT}UPDATE`, fieldsId(legacyId(params))]],
		});
	}
}
on('crm.activity.todo.add', { after: ({ result }) => [['ONCRMACTIVITYADD', fieldsId(result.id)]] });

/** The pipeline of a stored deal, or undefined. */
function dealCategory(state, id) {
	const row = deals.table(state).get(id);
	return row ? String(row.CATEGORY_ID ?? 0) : undefined;
}

/** ONCRMDEALUPDATE plus ONCRMDEALMOVETOCATEGORY when the pipeline changed. */
function dealUpdated(state, id, categoryBefore) {
	/** @type {RaisedEvent[]} */
	const out = [['ONCRMDEALUPDATE', fieldsId(id)]];
	const row = deals.table(state).get(id);
	if (row && categoryBefore !== undefined && String(row.CATEGORY_ID ?? 0) !== categoryBefore) {
		out.push([
			'ONCRMDEALMOVETOCATEGORY',
			{ FIELDS: { ID: id, CATEGORY_ID: row.CATEGORY_ID ?? 0, STAGE_ID: row.STAGE_ID } },
		]);
	}
	return out;
}

on('crm.deal.update', {
	before: (params, state) => dealCategory(state, legacyId(params)),
	after: ({ params, state, before }) => dealUpdated(state, legacyId(params), before),
});

on('crm.timeline.comment.add', {
	after: ({ result }) => [['ONCRMTIMELINECOMMENTADD', { ID: result }]],
});
on('crm.timeline.comment.update', {
	after: ({ params }) => [['ONCRMTIMELINECOMMENTUPDATE', { ID: intval(params.id ?? 0) }]],
});
on('crm.timeline.comment.delete', {
	after: ({ params }) => [['ONCRMTIMELINECOMMENTDELETE', { ID: intval(params.id ?? 0) }]],
});

// ----- crm.item.* -----

const STATIC_TYPES = { 1: 'LEAD', 2: 'DEAL', 3: 'CONTACT', 4: 'COMPANY', 7: 'QUOTE' };

/**
 * Events of a crm.item.* call on one item.
 * @param {number} entityTypeId @param {'ADD'|'UPDATE'|'DELETE'} action @param {number} id
 * @returns {RaisedEvent[]}
 */
function itemEvents(entityTypeId, action, id) {
	const name = STATIC_TYPES[entityTypeId];
	if (name) return [[`ONCRM${name}${action}`, fieldsId(id)]];
	const data = { FIELDS: { ID: id, ENTITY_TYPE_ID: entityTypeId } };
	return [
		[`ONCRMDYNAMICITEM${action}`, data],
		[`ONCRMDYNAMICITEM${action}_${entityTypeId}`, data],
	];
}

const typeOf = (params) => intval(params.entityTypeId ?? 0);

on('crm.item.add', {
	after: ({ params, result }) => itemEvents(typeOf(params), 'ADD', intval(result.item.id)),
});
on('crm.item.update', {
	before: (params, state) =>
		typeOf(params) === 2 ? dealCategory(state, intval(params.id ?? 0)) : undefined,
	after: ({ params, state, before }) =>
		typeOf(params) === 2
			? dealUpdated(state, intval(params.id ?? 0), before)
			: itemEvents(typeOf(params), 'UPDATE', intval(params.id ?? 0)),
});
on('crm.item.delete', {
	after: ({ params }) => itemEvents(typeOf(params), 'DELETE', intval(params.id ?? 0)),
});

// ----- tasks -----

/** taskId from `taskId` / `id` (any case), like methods/tasks.js. */
const taskIdOf = (params) => intval(param(params, 'taskid') ?? param(params, 'id') ?? 0);

/** @param {'ADD'|'UPDATE'|'DELETE'} action @param {number} id */
function taskData(action, id) {
	const fields = { ID: id };
	return {
		FIELDS_BEFORE: action === 'ADD' ? UNDEFINED : fields,
		FIELDS_AFTER: action === 'DELETE' ? UNDEFINED : fields,
		IS_ACCESSIBLE_BEFORE: action === 'ADD' ? 'N' : UNDEFINED,
		IS_ACCESSIBLE_AFTER: action === 'DELETE' ? 'N' : UNDEFINED,
	};
}

on('tasks.task.add', {
	after: ({ result }) => [['ONTASKADD', taskData('ADD', intval(result.task.id))]],
});
for (const action of [
	'update',
	'complete',
	'start',
	'pause',
	'defer',
	'renew',
	'delegate',
	'approve',
	'disapprove',
]) {
	on(`tasks.task.${action}`, {
		after: ({ params }) => [['ONTASKUPDATE', taskData('UPDATE', taskIdOf(params))]],
	});
}
on('tasks.task.delete', {
	after: ({ params }) => [['ONTASKDELETE', taskData('DELETE', taskIdOf(params))]],
});

/** Positional args (PHP array_values), like methods/tasks.js. */
const args = (params) => Object.values(params);

/** @param {'ADD'|'UPDATE'|'DELETE'} action @param {number} taskId @param {number} id */
function commentData(action, taskId, id) {
	const fields = { ID: id, TASK_ID: taskId };
	return {
		FIELDS_BEFORE: action === 'ADD' ? UNDEFINED : fields,
		FIELDS_AFTER:
			action === 'ADD' ? fields : { ...fields, ACTION: action === 'UPDATE' ? 'EDIT' : 'DEL' },
		IS_ACCESSIBLE_BEFORE: UNDEFINED,
		IS_ACCESSIBLE_AFTER: UNDEFINED,
	};
}

on('task.commentitem.add', {
	after: ({ params, result }) => [
		['ONTASKCOMMENTADD', commentData('ADD', intval(args(params)[0]), intval(result))],
	],
});
on('task.commentitem.update', {
	after: ({ params }) => {
		const [taskId, itemId] = args(params);
		return [['ONTASKCOMMENTUPDATE', commentData('UPDATE', intval(taskId), intval(itemId))]];
	},
});
on('task.commentitem.delete', {
	after: ({ params }) => {
		const [taskId, itemId] = args(params);
		return [['ONTASKCOMMENTDELETE', commentData('DELETE', intval(taskId), intval(itemId))]];
	},
});

// ----- users, calendar -----

/** ONUSERADD data from a stored user (fields of the docs example that the sandbox keeps). */
function userData(user) {
	/** @type {Record<string, unknown>} */
	const out = { ID: user.ID, ACTIVE: user.ACTIVE === false ? 'N' : 'Y' };
	for (const key of ['EMAIL', 'NAME', 'LAST_NAME', 'PERSONAL_GENDER', 'PERSONAL_BIRTHDAY']) {
		if (user[key] !== undefined && user[key] !== null) out[key] = user[key];
	}
	out.UF_DEPARTMENT = isPhpArray(user.UF_DEPARTMENT) ? user.UF_DEPARTMENT : [1];
	for (const key of ['DATE_REGISTER', 'WORK_POSITION', 'UF_EMPLOYMENT_DATE']) {
		if (user[key] !== undefined && user[key] !== null) out[key] = user[key];
	}
	return out;
}

on('user.add', {
	after: ({ result, state }) => {
		const user = state.users.find((u) => u.ID === intval(result));
		return user ? [['ONUSERADD', userData(user)]] : [];
	},
});

const calendarId = (params) => String(intval(param(params, 'id') ?? 0));
on('calendar.event.add', {
	after: ({ result }) => [['ONCALENDARENTRYADD', { id: strval(result) }]],
});
on('calendar.event.update', {
	after: ({ result }) => [['ONCALENDARENTRYUPDATE', { id: strval(result) }]],
});
on('calendar.event.delete', {
	after: ({ params }) => [['ONCALENDARENTRYDELETE', { id: calendarId(params) }]],
});

module.exports = { EMITTERS, userData };

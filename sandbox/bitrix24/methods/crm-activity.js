'use strict';

/**
 * Activities: `crm.activity.add|get|list|update|delete|fields` (legacy typing, PROTOCOL.md
 * §7.5) and `crm.activity.todo.add` (Engine: camelCase params, `{id}`).
 * COMMUNICATIONS are stored as given (IDs added) and printed by get, and by list only when
 * selected. The owner (OWNER_TYPE_ID + OWNER_ID) must exist.
 */

const { LegacyCrmEntity, requireArrayParam } = require('../crm/legacy-entity');
const { Errors, RestError } = require('../errors');
const { intval, isPhpArray, phpEntries, strval } = require('../php');
const { findOwner } = require('../crm/owners');

/** @type {import('../crm/field-types').FieldDef[]} */
const ACTIVITY_FIELDS = [
	{ name: 'ID', type: 'integer', title: 'ID', readOnly: true },
	{ name: 'OWNER_ID', type: 'integer', title: 'Owner ID', immutable: true, required: true },
	{ name: 'OWNER_TYPE_ID', type: 'integer', title: 'Owner type', immutable: true, required: true },
	{
		name: 'TYPE_ID',
		type: 'crm_enum_activitytype',
		title: 'Type',
		immutable: true,
		required: true,
	},
	{ name: 'PROVIDER_ID', type: 'string', title: 'Provider ID', immutable: true },
	{ name: 'PROVIDER_TYPE_ID', type: 'string', title: 'Provider type ID', immutable: true },
	{ name: 'PROVIDER_GROUP_ID', type: 'string', title: 'Provider group ID' },
	{ name: 'ASSOCIATED_ENTITY_ID', type: 'integer', title: 'Associated entity ID', readOnly: true },
	{ name: 'SUBJECT', type: 'string', title: 'Subject', required: true },
	{ name: 'START_TIME', type: 'datetime', title: 'Start time' },
	{ name: 'END_TIME', type: 'datetime', title: 'End time' },
	{ name: 'DEADLINE', type: 'datetime', title: 'Deadline', readOnly: true },
	{ name: 'COMPLETED', type: 'char', title: 'Completed' },
	{ name: 'STATUS', type: 'crm_enum_activitystatus', title: 'Status', readOnly: true },
	{ name: 'RESPONSIBLE_ID', type: 'user', title: 'Responsible person', required: true },
	{ name: 'PRIORITY', type: 'crm_enum_activitypriority', title: 'Priority' },
	{ name: 'NOTIFY_TYPE', type: 'crm_enum_activitynotifytype', title: 'Notification type' },
	{ name: 'NOTIFY_VALUE', type: 'integer', title: 'Notification value' },
	{ name: 'DESCRIPTION', type: 'string', title: 'Description' },
	{ name: 'DESCRIPTION_TYPE', type: 'crm_enum_contenttype', title: 'Description type' },
	{ name: 'DIRECTION', type: 'crm_enum_activitydirection', title: 'Direction', immutable: true },
	{ name: 'LOCATION', type: 'string', title: 'Location' },
	{ name: 'CREATED', type: 'datetime', title: 'Created on', readOnly: true },
	{ name: 'AUTHOR_ID', type: 'user', title: 'Created by' },
	{ name: 'LAST_UPDATED', type: 'datetime', title: 'Updated on', readOnly: true },
	{ name: 'EDITOR_ID', type: 'user', title: 'Updated by', readOnly: true },
	{ name: 'ORIGIN_ID', type: 'string', title: 'Origin ID' },
	{ name: 'ORIGINATOR_ID', type: 'string', title: 'Originator ID' },
	{ name: 'RESULT_STATUS', type: 'integer', title: 'Result status' },
	{ name: 'RESULT_VALUE', type: 'string', title: 'Result value' },
	{ name: 'RESULT_SUM', type: 'string', title: 'Result sum' },
	{ name: 'RESULT_CURRENCY_ID', type: 'string', title: 'Result currency' },
	{ name: 'IS_INCOMING_CHANNEL', type: 'char', title: 'Incoming channel', readOnly: true },
	{ name: 'STORAGE_TYPE_ID', type: 'integer', title: 'Storage type' },
	{
		name: 'STORAGE_ELEMENT_IDS',
		type: 'attached_diskfile',
		title: 'Files',
		multiple: true,
	},
	{
		name: 'COMMUNICATIONS',
		type: 'crm_activity_communication',
		title: 'Communications',
		multiple: true,
		inSelectAll: false,
		inGet: true,
	},
];

/** TYPE_IDs: 1 meeting, 2 call, 3 task, 4 e-mail, 5 action, 6 custom/provider. */
const NEEDS_COMMUNICATIONS = new Set(['1', '2', '4']);
const COMM_TYPES = { 1: '', 2: 'PHONE', 4: 'EMAIL' };

class ActivityEntity extends LegacyCrmEntity {
	/** crm.activity.add: the legacy required-field checks before the generic add. */
	add(params, ctx) {
		const fields = Object.fromEntries(phpEntries(requireArrayParam(params, 'fields')));
		const missing = (name) =>
			fields[name] === undefined || fields[name] === null || fields[name] === '';
		if (!(intval(fields.OWNER_TYPE_ID) > 0))
			throw Errors.legacy('The field OWNER_TYPE_ID is not defined or invalid.');
		if (!(intval(fields.OWNER_ID) > 0))
			throw Errors.legacy('The field OWNER_ID is not defined or invalid.');
		if (missing('PROVIDER_ID') && !(intval(fields.TYPE_ID) > 0))
			throw Errors.legacy('The field TYPE_ID is not defined or invalid.');
		if (missing('SUBJECT')) throw Errors.legacy('The field SUBJECT is not defined or empty');
		if (
			NEEDS_COMMUNICATIONS.has(strval(fields.TYPE_ID)) &&
			(!isPhpArray(fields.COMMUNICATIONS) || phpEntries(fields.COMMUNICATIONS).length === 0)
		)
			throw Errors.legacy('The field COMMUNICATIONS is not defined or invalid.');
		return super.add(params, ctx);
	}
}

const activities = new ActivityEntity({
	name: 'activity',
	table: 'activities',
	entityTypeId: 6,
	ufEntityId: 'CRM_ACTIVITY',
	fields: ACTIVITY_FIELDS,
	multifields: false,
	userFieldMethods: false,
	messages: { updateNotFound: 'Not found' },

	onCreate(row, { userId, nowMs }) {
		const user = String(userId);
		Object.assign(row, {
			RESPONSIBLE_ID: user,
			AUTHOR_ID: user,
			EDITOR_ID: user,
			CREATED: nowMs,
			LAST_UPDATED: nowMs,
			COMPLETED: 'N',
			PRIORITY: '2',
			DIRECTION: '0',
			DESCRIPTION_TYPE: '1',
			NOTIFY_TYPE: '0',
			NOTIFY_VALUE: '0',
			ASSOCIATED_ENTITY_ID: '0',
			IS_INCOMING_CHANNEL: 'N',
			SUBJECT: '',
		});
	},

	beforeSave(row, prev, w) {
		if (!prev && !findOwner(w.state, Number(row.OWNER_TYPE_ID), Number(row.OWNER_ID)))
			throw Errors.legacy('The owner entity is not found.');
		if (!prev) {
			if (!row.PROVIDER_ID) {
				row.PROVIDER_ID =
					{ 1: 'CRM_MEETING', 2: 'VOXIMPLANT_CALL', 3: 'TASKS', 4: 'CRM_EMAIL' }[row.TYPE_ID] ||
					'REST_APP';
			}
			if (!row.TYPE_ID) row.TYPE_ID = '6';
		}
		row.COMMUNICATIONS = (row.COMMUNICATIONS || []).map((raw) => {
			const c = isPhpArray(raw) ? Object.fromEntries(phpEntries(raw)) : { VALUE: raw };
			return {
				ID: c.ID ? strval(c.ID) : String(w.state.store.next('activity_communication')),
				TYPE: c.TYPE ? strval(c.TYPE) : COMM_TYPES[row.TYPE_ID] || '',
				VALUE: strval(c.VALUE),
				ENTITY_ID: strval(c.ENTITY_ID ?? row.OWNER_ID),
				ENTITY_TYPE_ID: strval(c.ENTITY_TYPE_ID ?? row.OWNER_TYPE_ID),
			};
		});
	},

	afterWrite(row, prev, { userId, nowMs }) {
		if (prev) {
			row.LAST_UPDATED = nowMs;
			row.EDITOR_ID = String(userId);
		}
		row.STATUS = row.COMPLETED === 'Y' ? '2' : '1';
		if (!row.DEADLINE || row.PROVIDER_ID !== 'CRM_TODO')
			row.DEADLINE = row.END_TIME ?? row.DEADLINE;
	},
});

/** crm.activity.todo.add (Engine). @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function todoAdd(params, ctx) {
	for (const name of ['ownerTypeId', 'ownerId', 'deadline']) {
		if (params[name] === undefined || params[name] === null || params[name] === '')
			throw new RestError('100', `Could not find value for parameter {${name}}`);
	}
	const { state } = ctx;
	const ownerTypeId = intval(params.ownerTypeId);
	const ownerId = intval(params.ownerId);
	if (!findOwner(state, ownerTypeId, ownerId))
		throw new RestError('OWNER_NOT_FOUND', 'Owner not found');
	const deadline = state.clock.parse(params.deadline);
	if (deadline === null) throw new RestError('WRONG_DATETIME_FORMAT', 'Wrong datetime format');
	const row = activities.insert(
		state,
		{
			OWNER_TYPE_ID: ownerTypeId,
			OWNER_ID: ownerId,
			TYPE_ID: 6,
			PROVIDER_ID: 'CRM_TODO',
			PROVIDER_TYPE_ID: 'TODO',
			SUBJECT: params.title === undefined ? '' : strval(params.title),
			DESCRIPTION: params.description === undefined ? '' : strval(params.description),
			START_TIME: deadline,
			END_TIME: deadline,
			RESPONSIBLE_ID: params.responsibleId ?? ctx.auth.userId,
		},
		{ userId: ctx.auth.userId },
	);
	row.DEADLINE = deadline;
	return { id: row.ID };
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	activities.register(registry);
	registry.register('crm.activity.todo.add', todoAdd, { scope: 'crm' });
	registry.registerEvents(['ONCRMACTIVITYADD', 'ONCRMACTIVITYUPDATE', 'ONCRMACTIVITYDELETE']);
}

module.exports = { register, activities };

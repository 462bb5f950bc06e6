'use strict';

/**
 * Field groups and write hooks shared by the legacy CRM entities (leads, deals, contacts,
 * companies), so an entity module only lists what is its own.
 */

/** @typedef {import('./field-types').FieldDef} FieldDef */

/** @param {string} prefix e.g. 'ADDRESS' or 'REG_ADDRESS' @param {string} title @returns {FieldDef[]} */
function addressFields(prefix = 'ADDRESS', title = 'Address') {
	return [
		{ name: prefix, type: 'string', title },
		{ name: `${prefix}_2`, type: 'string', title: `${title} (Line 2)` },
		{ name: `${prefix}_CITY`, type: 'string', title: 'City' },
		{ name: `${prefix}_POSTAL_CODE`, type: 'string', title: 'Postal Code' },
		{ name: `${prefix}_REGION`, type: 'string', title: 'Region' },
		{ name: `${prefix}_PROVINCE`, type: 'string', title: 'Province' },
		{ name: `${prefix}_COUNTRY`, type: 'string', title: 'Country' },
		{ name: `${prefix}_COUNTRY_CODE`, type: 'string', title: 'Country Code' },
		{ name: `${prefix}_LOC_ADDR_ID`, type: 'integer', title: 'Location Address ID' },
	];
}

/** @type {FieldDef[]} */
const UTM_FIELDS = [
	{ name: 'UTM_SOURCE', type: 'string', title: 'Advertising System' },
	{ name: 'UTM_MEDIUM', type: 'string', title: 'Traffic Type' },
	{ name: 'UTM_CAMPAIGN', type: 'string', title: 'Campaign Identifier' },
	{ name: 'UTM_CONTENT', type: 'string', title: 'Campaign Content' },
	{ name: 'UTM_TERM', type: 'string', title: 'Campaign Search Condition' },
];

/** @type {FieldDef[]} */
const AUDIT_FIELDS = [
	{ name: 'ASSIGNED_BY_ID', type: 'user', title: 'Responsible User' },
	{ name: 'CREATED_BY_ID', type: 'user', title: 'Created By', readOnly: true },
	{ name: 'MODIFY_BY_ID', type: 'user', title: 'Modified By', readOnly: true },
	{ name: 'DATE_CREATE', type: 'datetime', title: 'Creation Date', readOnly: true },
	{ name: 'DATE_MODIFY', type: 'datetime', title: 'Modification Date', readOnly: true },
];

/** @type {FieldDef[]} */
const ORIGIN_FIELDS = [
	{ name: 'ORIGINATOR_ID', type: 'string', title: 'External Source ID' },
	{ name: 'ORIGIN_ID', type: 'string', title: 'Element ID in External Source' },
];

/** @type {FieldDef[]} */
const LAST_ACTIVITY_FIELDS = [
	{ name: 'LAST_ACTIVITY_BY', type: 'user', title: 'LAST_ACTIVITY_BY', readOnly: true },
	{ name: 'LAST_ACTIVITY_TIME', type: 'datetime', title: 'LAST_ACTIVITY_TIME', readOnly: true },
];

/** @type {FieldDef[]} */
const COMMUNICATION_FLAGS = [
	{ name: 'HAS_PHONE', type: 'char', title: 'Phone Provided', readOnly: true },
	{ name: 'HAS_EMAIL', type: 'char', title: 'E-mail Provided', readOnly: true },
	{ name: 'HAS_IMOL', type: 'char', title: 'Open Channel Set', readOnly: true },
];

/** Defaults every legacy entity gets on create: acting user as responsible/creator, dates. */
function auditOnCreate(row, { userId, nowMs }) {
	const user = String(userId);
	Object.assign(row, {
		ASSIGNED_BY_ID: user,
		CREATED_BY_ID: user,
		MODIFY_BY_ID: user,
		DATE_CREATE: nowMs,
		DATE_MODIFY: nowMs,
	});
	if ('LAST_ACTIVITY_BY' in row)
		Object.assign(row, { LAST_ACTIVITY_BY: user, LAST_ACTIVITY_TIME: nowMs });
}

/** DATE_MODIFY / MODIFY_BY_ID on update. */
function auditOnUpdate(row, prev, { userId, nowMs }) {
	if (!prev) return;
	row.DATE_MODIFY = nowMs;
	row.MODIFY_BY_ID = String(userId);
}

const OPEN_CHANNEL_TYPES = new Set(['OPENLINE', 'IMOL']);

/** HAS_PHONE / HAS_EMAIL / HAS_IMOL from the multifields. */
function communicationFlags(row) {
	row.HAS_PHONE = row.FM.PHONE ? 'Y' : 'N';
	row.HAS_EMAIL = row.FM.EMAIL ? 'Y' : 'N';
	row.HAS_IMOL = (row.FM.IM || []).some((v) => OPEN_CHANNEL_TYPES.has(v.VALUE_TYPE)) ? 'Y' : 'N';
}

/**
 * Stage bookkeeping: MOVED_TIME / MOVED_BY_ID when the stage changes, the semantic field, and
 * the closing date field (set when the stage becomes final, cleared when it reopens).
 * @param {any} row @param {any|null} prev @param {{userId: number, nowMs: number}} w
 * @param {{stage: string, semantic: string, closedDate?: string, semanticOf: (stageId: unknown) => string}} spec
 */
function stageTracking(row, prev, { userId, nowMs }, spec) {
	if (!prev) {
		row.MOVED_TIME = nowMs;
		row.MOVED_BY_ID = String(userId);
	} else if (row[spec.stage] !== prev[spec.stage]) {
		row.MOVED_TIME = nowMs;
		row.MOVED_BY_ID = String(userId);
	}
	row[spec.semantic] = spec.semanticOf(row[spec.stage]);
	if (spec.closedDate) {
		const wasClosed = prev !== null && prev[spec.semantic] !== 'P';
		if (row[spec.semantic] === 'P') row[spec.closedDate] = null;
		else if (!wasClosed) row[spec.closedDate] = nowMs;
	}
}

module.exports = {
	addressFields,
	UTM_FIELDS,
	AUDIT_FIELDS,
	ORIGIN_FIELDS,
	LAST_ACTIVITY_FIELDS,
	COMMUNICATION_FLAGS,
	auditOnCreate,
	auditOnUpdate,
	communicationFlags,
	stageTracking,
};

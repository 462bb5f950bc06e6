'use strict';

/**
 * CRM dictionaries served by crm.status.list (protocol reference §7.3): lead stages (STATUS),
 * sources (SOURCE) and salutations (HONORIFIC). Semantics: null = in progress, 'S' = success,
 * 'F' = failure.
 */

const { PhpObject } = require('../php');

/** @type {Array<{ENTITY_ID: string, STATUS_ID: string, NAME: string, SORT: number, SYSTEM: 'Y'|'N', COLOR?: string, SEMANTICS?: 'S'|'F'}>} */
const STATUS_ENTRIES = [
	{
		ENTITY_ID: 'STATUS',
		STATUS_ID: 'NEW',
		NAME: 'Unassigned',
		SORT: 10,
		SYSTEM: 'Y',
		COLOR: '#2FC6F6',
	},
	{
		ENTITY_ID: 'STATUS',
		STATUS_ID: 'IN_PROCESS',
		NAME: 'In progress',
		SORT: 20,
		SYSTEM: 'N',
		COLOR: '#55D0E0',
	},
	{
		ENTITY_ID: 'STATUS',
		STATUS_ID: 'PROCESSED',
		NAME: 'Processed',
		SORT: 30,
		SYSTEM: 'N',
		COLOR: '#FFA900',
	},
	{
		ENTITY_ID: 'STATUS',
		STATUS_ID: 'CONVERTED',
		NAME: 'Good lead',
		SORT: 40,
		SYSTEM: 'Y',
		COLOR: '#7BD500',
		SEMANTICS: 'S',
	},
	{
		ENTITY_ID: 'STATUS',
		STATUS_ID: 'JUNK',
		NAME: 'Junk lead',
		SORT: 50,
		SYSTEM: 'Y',
		COLOR: '#FF5752',
		SEMANTICS: 'F',
	},
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'CALL', NAME: 'Call', SORT: 10, SYSTEM: 'N' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'EMAIL', NAME: 'E-Mail', SORT: 20, SYSTEM: 'N' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'WEB', NAME: 'Website', SORT: 30, SYSTEM: 'Y' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'ADVERTISING', NAME: 'Advertising', SORT: 40, SYSTEM: 'N' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'PARTNER', NAME: 'Existing client', SORT: 50, SYSTEM: 'N' },
	{
		ENTITY_ID: 'SOURCE',
		STATUS_ID: 'RECOMMENDATION',
		NAME: 'By recommendation',
		SORT: 60,
		SYSTEM: 'N',
	},
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'TRADE_SHOW', NAME: 'Show/Exhibition', SORT: 70, SYSTEM: 'N' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'WEBFORM', NAME: 'CRM form', SORT: 80, SYSTEM: 'Y' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'CALLBACK', NAME: 'Callback', SORT: 90, SYSTEM: 'Y' },
	{ ENTITY_ID: 'SOURCE', STATUS_ID: 'OTHER', NAME: 'Other', SORT: 100, SYSTEM: 'N' },
	{ ENTITY_ID: 'HONORIFIC', STATUS_ID: 'HNR_EN_1', NAME: 'Mr.', SORT: 100, SYSTEM: 'N' },
	{ ENTITY_ID: 'HONORIFIC', STATUS_ID: 'HNR_EN_2', NAME: 'Mrs.', SORT: 200, SYSTEM: 'N' },
	{ ENTITY_ID: 'HONORIFIC', STATUS_ID: 'HNR_EN_3', NAME: 'Ms.', SORT: 300, SYSTEM: 'N' },
	{ ENTITY_ID: 'HONORIFIC', STATUS_ID: 'HNR_EN_4', NAME: 'Dr.', SORT: 400, SYSTEM: 'N' },
];

const SEMANTIC_NAMES = { S: 'success', F: 'failure' };

/** Stage entities carry colours and semantics. */
const STAGE_ENTITIES = new Set(['STATUS']);

/** Rows of crm.status.list, legacy typing (numbers as strings). */
function statusRows() {
	return STATUS_ENTRIES.map((s, i) => {
		const stage = STAGE_ENTITIES.has(s.ENTITY_ID);
		const row = {
			ID: String(i + 1),
			ENTITY_ID: s.ENTITY_ID,
			STATUS_ID: s.STATUS_ID,
			NAME: s.NAME,
			NAME_INIT: s.SYSTEM === 'Y' ? s.NAME : '',
			SORT: String(s.SORT),
			SYSTEM: s.SYSTEM,
			CATEGORY_ID: null,
			COLOR: stage ? s.COLOR : null,
			SEMANTICS: stage ? s.SEMANTICS || null : null,
		};
		if (stage) {
			row.EXTRA = new PhpObject({
				SEMANTICS: SEMANTIC_NAMES[s.SEMANTICS] || 'process',
				COLOR: s.COLOR,
			});
		}
		return row;
	});
}

/**
 * @param {string} entityId @param {unknown} statusId
 */
function findStatus(entityId, statusId) {
	return STATUS_ENTRIES.find((s) => s.ENTITY_ID === entityId && s.STATUS_ID === statusId);
}

/** Lead STATUS_SEMANTIC_ID: 'S', 'F' or 'P' (in progress, also for unknown stages). */
function leadStatusSemantic(statusId) {
	const status = findStatus('STATUS', statusId);
	return (status && status.SEMANTICS) || 'P';
}

/** Sort value of a lead stage (crm.lead.list orders STATUS_ID by the stage's SORT). */
function leadStatusSort(statusId) {
	const status = findStatus('STATUS', statusId);
	return status ? status.SORT : null;
}

module.exports = { statusRows, leadStatusSemantic, leadStatusSort };

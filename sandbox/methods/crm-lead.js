'use strict';

/**
 * Leads: `crm.lead.*` (legacy). Field list and output order follow the crm.lead.fields and
 * crm.lead.get examples of the official docs. Other legacy entities (deals, contacts,
 * companies) are a copy of this file with their own fields and hooks.
 */

const { LegacyCrmEntity } = require('../crm/legacy-entity');
const { leadStatusSemantic, leadStatusSort } = require('../crm/statuses');

/** @type {import('../crm/field-types').FieldDef[]} */
const LEAD_FIELDS = [
	{ name: 'ID', type: 'integer', title: 'ID', readOnly: true },
	{ name: 'TITLE', type: 'string', title: 'Lead Title' },
	{ name: 'HONORIFIC', type: 'crm_status', statusType: 'HONORIFIC', title: 'Salutation' },
	{ name: 'NAME', type: 'string', title: 'First Name' },
	{ name: 'SECOND_NAME', type: 'string', title: 'Middle Name' },
	{ name: 'LAST_NAME', type: 'string', title: 'Last Name' },
	{ name: 'COMPANY_TITLE', type: 'string', title: 'Company Name' },
	{
		name: 'COMPANY_ID',
		type: 'crm_company',
		title: 'Company',
		settings: { parentEntityTypeId: 4 },
	},
	{ name: 'CONTACT_ID', type: 'crm_contact', title: 'Contact', deprecated: true },
	{
		name: 'CONTACT_IDS',
		type: 'crm_contact',
		title: 'CONTACT_IDS',
		multiple: true,
		inSelectAll: false,
	},
	{ name: 'IS_RETURN_CUSTOMER', type: 'char', title: 'Returning Lead', readOnly: true },
	{ name: 'BIRTHDATE', type: 'date', title: 'Birthdate' },
	{ name: 'SOURCE_ID', type: 'crm_status', statusType: 'SOURCE', title: 'Source' },
	{ name: 'SOURCE_DESCRIPTION', type: 'string', title: 'Additional Source Information' },
	{ name: 'STATUS_ID', type: 'crm_status', statusType: 'STATUS', title: 'Stage' },
	{ name: 'STATUS_DESCRIPTION', type: 'string', title: 'Additional Stage Information' },
	{ name: 'POST', type: 'string', title: 'Position' },
	{ name: 'COMMENTS', type: 'string', title: 'Comment' },
	{ name: 'CURRENCY_ID', type: 'crm_currency', title: 'Currency' },
	{ name: 'OPPORTUNITY', type: 'double', title: 'Amount' },
	{ name: 'IS_MANUAL_OPPORTUNITY', type: 'char', title: 'IS_MANUAL_OPPORTUNITY' },
	{ name: 'HAS_PHONE', type: 'char', title: 'Phone Provided', readOnly: true },
	{ name: 'HAS_EMAIL', type: 'char', title: 'E-mail Provided', readOnly: true },
	{ name: 'HAS_IMOL', type: 'char', title: 'Open Channel Set', readOnly: true },
	{ name: 'ASSIGNED_BY_ID', type: 'user', title: 'Responsible User' },
	{ name: 'CREATED_BY_ID', type: 'user', title: 'Created By', readOnly: true },
	{ name: 'MODIFY_BY_ID', type: 'user', title: 'Modified By', readOnly: true },
	{ name: 'DATE_CREATE', type: 'datetime', title: 'Creation Date', readOnly: true },
	{ name: 'DATE_MODIFY', type: 'datetime', title: 'Modification Date', readOnly: true },
	{ name: 'DATE_CLOSED', type: 'datetime', title: 'Closing Date', readOnly: true },
	{ name: 'STATUS_SEMANTIC_ID', type: 'string', title: 'Status Semantic', readOnly: true },
	{ name: 'OPENED', type: 'char', title: 'Available to All' },
	{ name: 'ORIGINATOR_ID', type: 'string', title: 'External Source ID' },
	{ name: 'ORIGIN_ID', type: 'string', title: 'Element ID in External Source' },
	{ name: 'MOVED_BY_ID', type: 'user', title: 'MOVED_BY_ID', readOnly: true },
	{ name: 'MOVED_TIME', type: 'datetime', title: 'MOVED_TIME', readOnly: true },
	{ name: 'ADDRESS', type: 'string', title: 'Address' },
	{ name: 'ADDRESS_2', type: 'string', title: 'Address (Line 2)' },
	{ name: 'ADDRESS_CITY', type: 'string', title: 'City' },
	{ name: 'ADDRESS_POSTAL_CODE', type: 'string', title: 'Postal Code' },
	{ name: 'ADDRESS_REGION', type: 'string', title: 'Region' },
	{ name: 'ADDRESS_PROVINCE', type: 'string', title: 'Province' },
	{ name: 'ADDRESS_COUNTRY', type: 'string', title: 'Country' },
	{ name: 'ADDRESS_COUNTRY_CODE', type: 'string', title: 'Country Code' },
	{ name: 'ADDRESS_LOC_ADDR_ID', type: 'integer', title: 'Location Address ID' },
	{ name: 'UTM_SOURCE', type: 'string', title: 'Advertising System' },
	{ name: 'UTM_MEDIUM', type: 'string', title: 'Traffic Type' },
	{ name: 'UTM_CAMPAIGN', type: 'string', title: 'Campaign Identifier' },
	{ name: 'UTM_CONTENT', type: 'string', title: 'Campaign Content' },
	{ name: 'UTM_TERM', type: 'string', title: 'Campaign Search Condition' },
	{ name: 'LAST_ACTIVITY_BY', type: 'user', title: 'LAST_ACTIVITY_BY', readOnly: true },
	{ name: 'LAST_ACTIVITY_TIME', type: 'datetime', title: 'LAST_ACTIVITY_TIME', readOnly: true },
];

const OPEN_CHANNEL_TYPES = new Set(['OPENLINE', 'IMOL']);

const leads = new LegacyCrmEntity({
	name: 'lead',
	table: 'leads',
	ufEntityId: 'CRM_LEAD',
	fields: LEAD_FIELDS,
	multifields: true,
	messages: { updateNotFound: 'Lead is not found' },
	sortAliases: { STATUS_ID: (row) => leadStatusSort(row.STATUS_ID) },

	onCreate(row, { userId, nowMs }) {
		const user = String(userId);
		Object.assign(row, {
			STATUS_ID: 'NEW',
			OPPORTUNITY: 0,
			CURRENCY_ID: 'USD',
			IS_MANUAL_OPPORTUNITY: 'N',
			OPENED: 'Y',
			IS_RETURN_CUSTOMER: 'N',
			BIRTHDATE: '',
			ASSIGNED_BY_ID: user,
			CREATED_BY_ID: user,
			MODIFY_BY_ID: user,
			MOVED_BY_ID: user,
			LAST_ACTIVITY_BY: user,
			DATE_CREATE: nowMs,
			DATE_MODIFY: nowMs,
			MOVED_TIME: nowMs,
			LAST_ACTIVITY_TIME: nowMs,
		});
	},

	afterWrite(row, prev, { userId, nowMs }) {
		if (!prev) {
			if (!row.TITLE) row.TITLE = `Lead #${row.ID}`;
			if (!row.STATUS_ID) row.STATUS_ID = 'NEW';
		} else {
			row.DATE_MODIFY = nowMs;
			row.MODIFY_BY_ID = String(userId);
			if (row.STATUS_ID !== prev.STATUS_ID) {
				row.MOVED_TIME = nowMs;
				row.MOVED_BY_ID = String(userId);
			}
		}
		row.STATUS_SEMANTIC_ID = leadStatusSemantic(row.STATUS_ID);
		const wasClosed = prev !== null && prev.STATUS_SEMANTIC_ID !== 'P';
		if (row.STATUS_SEMANTIC_ID === 'P') row.DATE_CLOSED = null;
		else if (!wasClosed) row.DATE_CLOSED = nowMs;
		row.HAS_PHONE = row.FM.PHONE ? 'Y' : 'N';
		row.HAS_EMAIL = row.FM.EMAIL ? 'Y' : 'N';
		row.HAS_IMOL = (row.FM.IM || []).some((v) => OPEN_CHANNEL_TYPES.has(v.VALUE_TYPE)) ? 'Y' : 'N';
	},
});

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	leads.register(registry);
	registry.registerEvents([
		'ONCRMLEADADD',
		'ONCRMLEADUPDATE',
		'ONCRMLEADDELETE',
		'ONCRMLEADUSERFIELDADD',
		'ONCRMLEADUSERFIELDUPDATE',
		'ONCRMLEADUSERFIELDDELETE',
		'ONCRMLEADUSERFIELDSETENUMVALUES',
	]);
}

module.exports = { register, leads };

'use strict';

/**
 * Leads: `crm.lead.*` (legacy). Field list and output order follow the crm.lead.fields and
 * crm.lead.get examples of the official docs. Shared field groups and hooks live in
 * crm/common-fields.js; deals, contacts and companies are configured the same way.
 */

const { LegacyCrmEntity } = require('../crm/legacy-entity');
const {
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
} = require('../crm/common-fields');
const productRows = require('../crm/product-rows');

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
	...COMMUNICATION_FLAGS,
	...AUDIT_FIELDS,
	{ name: 'DATE_CLOSED', type: 'datetime', title: 'Closing Date', readOnly: true },
	{ name: 'STATUS_SEMANTIC_ID', type: 'string', title: 'Status Semantic', readOnly: true },
	{ name: 'OPENED', type: 'char', title: 'Available to All' },
	...ORIGIN_FIELDS,
	{ name: 'MOVED_BY_ID', type: 'user', title: 'MOVED_BY_ID', readOnly: true },
	{ name: 'MOVED_TIME', type: 'datetime', title: 'MOVED_TIME', readOnly: true },
	...addressFields(),
	...UTM_FIELDS,
	...LAST_ACTIVITY_FIELDS,
];

const leads = new LegacyCrmEntity({
	name: 'lead',
	table: 'leads',
	entityTypeId: 1,
	ufEntityId: 'CRM_LEAD',
	fields: LEAD_FIELDS,
	multifields: true,
	messages: { updateNotFound: 'Lead is not found' },
	sortAliases: { STATUS_ID: (row, state) => state.statuses.sort('STATUS', row.STATUS_ID) },

	onCreate(row, w) {
		auditOnCreate(row, w);
		Object.assign(row, {
			STATUS_ID: 'NEW',
			OPPORTUNITY: 0,
			CURRENCY_ID: 'USD',
			IS_MANUAL_OPPORTUNITY: 'N',
			OPENED: 'Y',
			IS_RETURN_CUSTOMER: 'N',
			BIRTHDATE: '',
		});
	},

	afterWrite(row, prev, w) {
		if (!prev) {
			if (!row.TITLE) row.TITLE = `Lead #${row.ID}`;
			if (!row.STATUS_ID) row.STATUS_ID = 'NEW';
		}
		auditOnUpdate(row, prev, w);
		stageTracking(row, prev, w, {
			stage: 'STATUS_ID',
			semantic: 'STATUS_SEMANTIC_ID',
			closedDate: 'DATE_CLOSED',
			semanticOf: (id) => w.state.statuses.semantic('STATUS', id),
		});
		communicationFlags(row);
	},

	onDelete(row, w) {
		productRows.removeOwner(w.state, 'L', row.ID);
	},
});

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	leads.register(registry);
	productRows.registerFor(registry, leads, 'L');
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

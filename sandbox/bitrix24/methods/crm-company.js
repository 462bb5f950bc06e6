'use strict';

/** Companies: `crm.company.*` (legacy) with multifields. */

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
} = require('../crm/common-fields');
const bindings = require('../crm/bindings');

/** @type {import('../crm/field-types').FieldDef[]} */
const COMPANY_FIELDS = [
	{ name: 'ID', type: 'integer', title: 'ID', readOnly: true },
	{ name: 'TITLE', type: 'string', title: 'Company name' },
	{ name: 'COMPANY_TYPE', type: 'crm_status', statusType: 'COMPANY_TYPE', title: 'Company type' },
	{ name: 'LOGO', type: 'file', title: 'Logo' },
	...addressFields(),
	{ name: 'ADDRESS_LEGAL', type: 'string', title: 'Legal address' },
	...addressFields('REG_ADDRESS', 'Legal address').filter(
		(d) => d.name !== 'REG_ADDRESS_LOC_ADDR_ID',
	),
	{ name: 'BANKING_DETAILS', type: 'string', title: 'Payment details' },
	{ name: 'INDUSTRY', type: 'crm_status', statusType: 'INDUSTRY', title: 'Industry' },
	{ name: 'EMPLOYEES', type: 'crm_status', statusType: 'EMPLOYEES', title: 'Employees' },
	{ name: 'CURRENCY_ID', type: 'crm_currency', title: 'Currency' },
	{ name: 'REVENUE', type: 'double', title: 'Annual revenue' },
	{ name: 'OPENED', type: 'char', title: 'Available to everyone' },
	{ name: 'COMMENTS', type: 'string', title: 'Comment' },
	...COMMUNICATION_FLAGS,
	{ name: 'IS_MY_COMPANY', type: 'char', title: 'My company' },
	...AUDIT_FIELDS,
	{ name: 'LEAD_ID', type: 'crm_lead', title: 'Lead', readOnly: true },
	...ORIGIN_FIELDS,
	{ name: 'ORIGIN_VERSION', type: 'string', title: 'Original version' },
	...UTM_FIELDS,
	...LAST_ACTIVITY_FIELDS,
];

const companies = new LegacyCrmEntity({
	name: 'company',
	table: 'companies',
	entityTypeId: 4,
	ufEntityId: 'CRM_COMPANY',
	fields: COMPANY_FIELDS,
	multifields: true,
	messages: { updateNotFound: 'Company is not found' },

	onCreate(row, w) {
		auditOnCreate(row, w);
		Object.assign(row, { OPENED: 'Y', IS_MY_COMPANY: 'N', CURRENCY_ID: 'USD', REVENUE: 0 });
	},

	afterWrite(row, prev, w) {
		if (!prev && !row.TITLE) row.TITLE = `Company #${row.ID}`;
		auditOnUpdate(row, prev, w);
		communicationFlags(row);
	},

	onDelete(row, w) {
		bindings.unlinkEverywhere(w.state.store.table('contacts'), bindings.CONTACT_COMPANIES, row.ID);
	},
});

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	companies.register(registry);
	registry.registerEvents([
		'ONCRMCOMPANYADD',
		'ONCRMCOMPANYUPDATE',
		'ONCRMCOMPANYDELETE',
		'ONCRMCOMPANYUSERFIELDADD',
		'ONCRMCOMPANYUSERFIELDUPDATE',
		'ONCRMCOMPANYUSERFIELDDELETE',
		'ONCRMCOMPANYUSERFIELDSETENUMVALUES',
	]);
}

module.exports = { register, companies };

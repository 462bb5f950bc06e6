'use strict';

/**
 * Contacts: `crm.contact.*` (legacy) with multifields, and the contact → company links
 * (`crm.contact.company.*`; COMPANY_ID is the primary company, COMPANY_IDS all of them).
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
} = require('../crm/common-fields');
const bindings = require('../crm/bindings');

/** @type {import('../crm/field-types').FieldDef[]} */
const CONTACT_FIELDS = [
	{ name: 'ID', type: 'integer', title: 'ID', readOnly: true },
	{ name: 'HONORIFIC', type: 'crm_status', statusType: 'HONORIFIC', title: 'Salutation' },
	{ name: 'NAME', type: 'string', title: 'First name' },
	{ name: 'SECOND_NAME', type: 'string', title: 'Second name' },
	{ name: 'LAST_NAME', type: 'string', title: 'Last name' },
	{ name: 'PHOTO', type: 'file', title: 'Photo' },
	{ name: 'BIRTHDATE', type: 'date', title: 'Date of birth' },
	{ name: 'TYPE_ID', type: 'crm_status', statusType: 'CONTACT_TYPE', title: 'Contact type' },
	{ name: 'SOURCE_ID', type: 'crm_status', statusType: 'SOURCE', title: 'Source' },
	{ name: 'SOURCE_DESCRIPTION', type: 'string', title: 'Source information' },
	{ name: 'POST', type: 'string', title: 'Position' },
	...addressFields(),
	{ name: 'COMMENTS', type: 'string', title: 'Comment' },
	{ name: 'OPENED', type: 'char', title: 'Available to everyone' },
	{ name: 'EXPORT', type: 'char', title: 'Included in export' },
	...COMMUNICATION_FLAGS,
	...AUDIT_FIELDS,
	{ name: 'COMPANY_ID', type: 'crm_company', title: 'Company', deprecated: true },
	{
		name: 'COMPANY_IDS',
		type: 'crm_company',
		title: 'Companies',
		multiple: true,
		inSelectAll: false,
	},
	{ name: 'LEAD_ID', type: 'crm_lead', title: 'Lead', readOnly: true },
	...ORIGIN_FIELDS,
	{ name: 'ORIGIN_VERSION', type: 'string', title: 'Original version' },
	{ name: 'FACE_ID', type: 'integer', title: 'Face ID', readOnly: true },
	...UTM_FIELDS,
	...LAST_ACTIVITY_FIELDS,
];

const contacts = new LegacyCrmEntity({
	name: 'contact',
	table: 'contacts',
	entityTypeId: 3,
	ufEntityId: 'CRM_CONTACT',
	fields: CONTACT_FIELDS,
	multifields: true,
	messages: { updateNotFound: 'Contact is not found' },

	onCreate(row, w) {
		auditOnCreate(row, w);
		Object.assign(row, { OPENED: 'Y', EXPORT: 'Y', BIRTHDATE: '', $companies: [] });
	},

	beforeSave(row, prev, w, values) {
		bindings.applyFieldInput(row, values, bindings.CONTACT_COMPANIES);
	},

	afterWrite(row, prev, w) {
		auditOnUpdate(row, prev, w);
		communicationFlags(row);
	},

	onDelete(row, w) {
		bindings.unlinkEverywhere(w.state.store.table('deals'), bindings.DEAL_CONTACTS, row.ID);
	},
});

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	contacts.register(registry);
	registry.registerEvents([
		'ONCRMCONTACTADD',
		'ONCRMCONTACTUPDATE',
		'ONCRMCONTACTDELETE',
		'ONCRMCONTACTUSERFIELDADD',
		'ONCRMCONTACTUSERFIELDUPDATE',
		'ONCRMCONTACTUSERFIELDDELETE',
		'ONCRMCONTACTUSERFIELDSETENUMVALUES',
	]);
}

module.exports = { register, contacts };

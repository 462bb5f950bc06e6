'use strict';

/**
 * Links between legacy CRM entities: crm.deal.contact.*, crm.contact.company.* and the reverse
 * view crm.company.contact.* (same links as crm.contact.company.*, seen from the company).
 */

const { registerLinks, DEAL_CONTACTS, CONTACT_COMPANIES } = require('../crm/bindings');
const { deals } = require('./crm-deal');
const { contacts } = require('./crm-contact');
const { companies } = require('./crm-company');

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	registerLinks(registry, { owner: deals, other: contacts, spec: DEAL_CONTACTS });
	registerLinks(registry, { owner: contacts, other: companies, spec: CONTACT_COMPANIES });
	registerLinks(registry, {
		owner: companies,
		other: contacts,
		spec: CONTACT_COMPANIES,
		reverse: true,
	});
}

module.exports = { register };

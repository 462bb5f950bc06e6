'use strict';

/**
 * All REST methods of the sandbox. To add an area (deals, contacts, companies, crm.item.*,
 * tasks…), write a module with `register(registry)` and list it here.
 */

const { MethodRegistry } = require('./registry');
const { batch } = require('../batch');

const MODULES = [
	require('./system'),
	require('./user'),
	require('./events'),
	require('./crm-lead'),
	require('./crm-item-productrow'),
	require('./crm-deal'),
	require('./crm-contact'),
	require('./crm-company'),
	require('./crm-links'),
	require('./crm-dictionaries'),
	require('./crm-category'),
	require('./crm-duplicate'),
	require('./crm-item'),
	require('./crm-activity'),
	require('./crm-timeline'),
	require('./tasks'),
	require('./calendar'),
	require('./im'),
	require('./disk'),
	require('./imconnector'),
	require('./imopenlines'),
];

function createRegistry() {
	const registry = new MethodRegistry();
	registry.register('batch', batch);
	for (const module of MODULES) module.register(registry);
	return registry;
}

module.exports = { createRegistry };

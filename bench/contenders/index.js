'use strict';

/**
 * The contenders, loaded by id (each benchmark run loads only its own, in its own process).
 * The first is this package; the others are compared with it.
 */

const LOADERS = {
	'n8n-nodes-bitrix24': () => require('./n8n-node'),
	b24jssdk: () => require('./b24jssdk'),
	'2bad-bitrix': () => require('./2bad-bitrix'),
	'chained-batch': () => require('./chained-batch'),
};

const CONTENDER_IDS = Object.keys(LOADERS);

/** @param {string} id */
function loadContender(id) {
	const load = LOADERS[id];
	if (!load) throw new Error(`Unknown contender ${id}; known: ${CONTENDER_IDS.join(', ')}`);
	return load();
}

module.exports = { CONTENDER_IDS, loadContender };

'use strict';

/**
 * This package's Bitrix24 node, compiled from the working tree (bench/build.js), run in n8n's
 * engine (n8n-core) as the workflow "Test Items → Bitrix24", with the workflow runner the tests use.
 */

const path = require('node:path');
const { runWorkflow } = require('../../test/helpers/workflow-runner');
const { BUILD_DIR } = require('../build');
const { version } = require('../../package.json');

const { Bitrix24 } = require(path.join(BUILD_DIR, 'nodes/Bitrix24/Bitrix24.node'));
const { Bitrix24WebhookApi } = require(
	path.join(BUILD_DIR, 'credentials/Bitrix24WebhookApi.credentials'),
);

const NODE_TYPE = 'n8n-nodes-bitrix24.bitrix24';
const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

/** Node parameters per operation. */
const PARAMETERS = {
	exportDeals: { resource: 'deal', operation: 'getAll', returnAll: true, simplify: false },
	createLeads: {
		resource: 'lead',
		operation: 'create',
		title: '={{ $json.title }}',
		phones: { values: [{ value: '={{ $json.phone }}', valueType: 'WORK' }] },
		emails: { values: [{ value: '={{ $json.email }}', valueType: 'WORK' }] },
		additionalFields: { NAME: '={{ $json.name }}', SOURCE_ID: 'WEB' },
	},
	updateDeals: {
		resource: 'deal',
		operation: 'update',
		dealId: byId,
		updateFields: { OPPORTUNITY: '={{ $json.amount }}' },
	},
	getDeals: { resource: 'deal', operation: 'get', dealId: byId, simplify: false },
};

/**
 * @param {string} operation
 * @param {{webhookUrl: string, input?: object[]}} job
 */
async function runNode(operation, { webhookUrl, input }) {
	const credential = { id: '1', name: 'Bitrix24 Webhook' };
	const result = await runWorkflow({
		nodeTypes: { [NODE_TYPE]: Bitrix24 },
		credentialTypes: [Bitrix24WebhookApi],
		credentials: {
			bitrix24WebhookApi: { ...credential, data: { secretWebhookUrl: webhookUrl } },
		},
		workflow: {
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'test.items',
					typeVersion: 1,
					position: [0, 0],
					parameters: { items: input ?? [{}] },
				},
				{
					id: 'bitrix24',
					name: 'Bitrix24',
					type: NODE_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters: { authentication: 'webhook', ...PARAMETERS[operation] },
					credentials: { bitrix24WebhookApi: credential },
				},
			],
			connections: { Start: { main: [[{ node: 'Bitrix24', type: 'main', index: 0 }]] } },
		},
	});
	const error = result.errorOf('Bitrix24') ?? result.error;
	if (error) throw new Error(error.message);
	return { rows: (result.outputOf('Bitrix24') ?? []).map((item) => item.json) };
}

module.exports = {
	id: 'n8n-nodes-bitrix24',
	short: 'n8n-nodes-bitrix24',
	label: `n8n-nodes-bitrix24 ${version} (this package, in n8n's engine)`,
	ours: true,
	notes: {
		all: 'The workflow "Test Items → Bitrix24" run by n8n-core\'s WorkflowExecute (the runner the tests use), with n8n-core\'s default expression engine (a real n8n evaluates expressions in an isolate, much slower: see the real-n8n results)',
	},
	exportDeals: (job) => runNode('exportDeals', job),
	createLeads: (job) => runNode('createLeads', job),
	updateDeals: (job) => runNode('updateDeals', job),
	getDeals: (job) => runNode('getDeals', job),
};

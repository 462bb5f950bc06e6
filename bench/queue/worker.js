'use strict';

/**
 * One queue-mode worker of the multi-worker scenario, a process of its own: runs the workflow
 * "Test Items → Bitrix24 (create leads)" in n8n's engine (n8n-core, the runner the tests use) in
 * real time against the shared sandbox portal, with n8n's logger at info level so the
 * transport's waits reach the parent on stdout. Sends {failure?} to the parent and exits.
 *
 *   node bench/queue/worker.js '{"webhookUrl":"…","prefix":"W1","count":1000}'
 */

process.env.N8N_LOG_LEVEL = 'info';

const { createLeads } = require('../contenders/n8n-node');
const { leadItems } = require('../scenarios');

async function main() {
	const { webhookUrl, prefix, count } = JSON.parse(process.argv[2]);
	const input = leadItems(count).map((item) => ({ ...item, title: `${prefix} ${item.title}` }));
	let failure = null;
	try {
		await createLeads({ webhookUrl, input });
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	}
	process.send?.({ failure });
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error?.stack ?? error);
		process.exit(1);
	},
);

'use strict';

/**
 * One script contender (the official SDK, @2bad/bitrix, the chained-batch script) doing one job
 * in real time, in its own process, against the sandbox the parent runs. Sends the parent its
 * time, its peak resident memory and what it returned (rows are checked here, not sent back).
 *
 *   fork('bench/n8n/script-run.js').send({contender, operation, webhookUrl, input, expectedIds})
 */

const { loadContender } = require('../contenders');
const { checkRows } = require('./check-rows');

async function main() {
	/** @type {{contender: string, operation: string, webhookUrl: string, input?: object[], expectedIds?: number[]}} */
	const job = await new Promise((resolve) => process.once('message', resolve));
	const contender = loadContender(job.contender);
	global.gc?.();
	const baselineRssBytes = process.memoryUsage().rss;
	const started = performance.now();
	let outcome;
	try {
		outcome = await contender[job.operation]({ webhookUrl: job.webhookUrl, input: job.input });
	} catch (error) {
		outcome = { failure: `threw: ${error instanceof Error ? error.message : String(error)}` };
	}
	const wallMs = performance.now() - started;
	const peakRssBytes = process.resourceUsage().maxRSS * 1024;
	const rows = job.expectedIds ? checkRows(outcome.rows, job.expectedIds) : {};
	await new Promise((resolve) =>
		process.send(
			{
				wallMs,
				peakRssBytes,
				baselineRssBytes,
				errors: outcome.errors ?? {},
				failure: outcome.failure ?? null,
				...rows,
			},
			resolve,
		),
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error?.stack ?? error);
		process.exit(1);
	},
);

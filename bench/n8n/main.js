'use strict';

/**
 * The real-n8n part of `npm run bench` in its own process, started by bench/run.js with a large
 * young generation (`--max-semi-space-size`): this process hosts the sandbox portal, whose
 * serving of 100,000 rows otherwise spends most of its time collecting garbage, which no real
 * portal would add to the client's wait. n8n and the script contenders run with Node's defaults.
 * Receives its options as the first IPC message and answers with the results (rows stripped).
 */

const { runRealN8n } = require('./run');

process.once('message', async (options) => {
	let reply;
	try {
		const result = await runRealN8n({ ...options, log: (line) => console.log(line) });
		reply = { ...result, runs: result.runs.map(({ rows: _rows, ...run }) => run) };
	} catch (error) {
		reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
	}
	process.send(reply, () => process.exit(0));
});

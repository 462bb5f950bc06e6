#!/usr/bin/env node
'use strict';

/**
 * Runs the sandbox portal until Ctrl-C:
 *   node sandbox/bitrix24/cli.js [--port 8787] [--host 127.0.0.1] [--seed-leads N] [--seed-deals N]
 *     [--seed-contacts N] [--seed-companies N] [--latency MS] [--no-bucket]
 */

const { createSandbox } = require('./index');

function parseArgs(argv) {
	const args = { port: 8787, host: '127.0.0.1', seed: {}, latencyMs: 0, bucket: true };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--port') args.port = Number(value());
		else if (arg === '--host') args.host = value();
		else if (/^--seed-(leads|deals|contacts|companies)$/.test(arg))
			args.seed[arg.slice('--seed-'.length)] = Number(value());
		else if (arg === '--latency') args.latencyMs = Number(value());
		else if (arg === '--no-bucket') args.bucket = false;
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`Unknown argument ${arg}`);
	}
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(
			'Usage: node sandbox/bitrix24/cli.js [--port N] [--host H] [--seed-leads|--seed-deals|--seed-contacts|--seed-companies N] [--latency MS] [--no-bucket]',
		);
		return;
	}
	const sb = createSandbox({
		port: args.port,
		host: args.host,
		latencyMs: args.latencyMs,
		bucket: args.bucket ? undefined : false,
	});
	await sb.start();
	for (const [entity, count] of Object.entries(args.seed)) if (count > 0) sb.seed(entity, count);
	const { clientId, clientSecret } = sb.options.oauth;
	console.log(`Bitrix24 sandbox portal listening on ${sb.url}`);
	console.log(`  Webhook URL:     ${sb.webhookUrl}`);
	console.log(`  OAuth client id: ${clientId}`);
	console.log(`  OAuth secret:    ${clientSecret}`);
	console.log(`  Token endpoint:  ${sb.url}/oauth/token/`);
	console.log(
		`  Control API:     ${sb.url}/_sandbox/ (info, log, faults, reset, seed/{entity}, oauth/tokens)`,
	);
	for (const [entity, count] of Object.entries(args.seed))
		if (count > 0) console.log(`  Seeded ${count} ${entity}`);
	console.log('Press Ctrl-C to stop.');

	let stopping = false;
	const shutdown = async (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping…`);
		await sb.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
	console.error(err.message);
	process.exit(1);
});

#!/usr/bin/env node
'use strict';

/**
 * Runs the WhatsApp Cloud API fake until Ctrl-C:
 *   node sandbox/whatsapp/cli.js [--port 8788] [--host 127.0.0.1] [--callback URL --verify-token T]
 *     [--auto-statuses sent,delivered,read]
 */

const { createWhatsAppSandbox } = require('./index');

function parseArgs(argv) {
	const args = { port: 8788, host: '127.0.0.1', autoStatuses: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--port') args.port = Number(value());
		else if (arg === '--host') args.host = value();
		else if (arg === '--callback') args.callback = value();
		else if (arg === '--verify-token') args.verifyToken = value();
		else if (arg === '--auto-statuses') args.autoStatuses = value().split(',').filter(Boolean);
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`Unknown argument ${arg}`);
	}
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log('Usage: node sandbox/whatsapp/cli.js [--port N] [--host H] [--callback URL --verify-token T] [--auto-statuses sent,delivered,read]');
		return;
	}
	const wa = createWhatsAppSandbox({ port: args.port, host: args.host, autoStatuses: args.autoStatuses });
	await wa.start();
	if (args.callback) await wa.setCallback(args.callback, args.verifyToken);
	console.log(`WhatsApp Cloud API fake listening on ${wa.url}`);
	console.log(`  Graph API base URL: ${wa.url} (version v25.0 or any other)`);
	console.log(`  Access token:       ${wa.accessToken}`);
	console.log(`  App secret:         ${wa.appSecret}   App ID: ${wa.appId}`);
	console.log(`  Phone number IDs:   ${wa.phoneNumbers.map((phone) => phone.id).join(', ')}`);
	console.log(`  WABA ID:            ${wa.wabaId}`);
	console.log(`  Control API:        ${wa.url}/_sandbox/ (info, log, inbound, status, messages, deliveries, faults, reset)`);
	console.log('Press Ctrl-C to stop.');
	const stop = async () => {
		await wa.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});

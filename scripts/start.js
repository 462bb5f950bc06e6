// `npm start`: a real n8n with this package installed as a community package, connected to the
// sandbox portal (or to your own portal), with the example workflows ready to run.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { createSandbox } = require('../sandbox/bitrix24');
const { seedDemo } = require('../sandbox/bitrix24/demo');
const { createWhatsAppSandbox } = require('../sandbox/whatsapp');
const { ensureN8n, cacheRoot } = require('./n8n/runtime');
const { N8nInstance } = require('./n8n/instance');
const { buildAndPack, root } = require('./pack');

const settings = {
	port: Number(process.env.N8N_PORT || 5678),
	sandboxPort: Number(process.env.SANDBOX_PORT || 8787),
	/** The WhatsApp Cloud API fake beside the sandbox portal (the WhatsApp examples). */
	whatsappPort: Number(
		process.env.WHATSAPP_SANDBOX_PORT || Number(process.env.SANDBOX_PORT || 8787) + 2,
	),
	webhookUrl: process.env.BITRIX24_WEBHOOK_URL || '',
	email: process.env.N8N_DEMO_EMAIL || 'demo@example.com',
	password: process.env.N8N_DEMO_PASSWORD || 'Bitrix24-Demo1',
	userFolder: process.env.N8N_DEMO_USER_FOLDER || path.join(cacheRoot(), 'demo'),
};

const WEBHOOK_CREDENTIAL_ID = 'b24SandboxWebhk1';
/** The new-task example's outgoing-webhook application token, as an admin pastes it into n8n. */
const OUTGOING_TOKEN_CREDENTIAL_ID = 'b24OutgoingTokn1';

const say = (line = '') => process.stdout.write(`${line}\n`);

function loadExamples() {
	const dir = path.join(root, 'examples');
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
}

/** Published workflows are activated at start-up: the ones started by an incoming request. */
function isTriggered(workflow, { sandbox }) {
	return workflow.nodes.some(
		(node) =>
			node.type === 'n8n-nodes-base.webhook' ||
			// Bitrix24 Trigger examples need the sandbox (OAuth2 app, outgoing webhook set up below).
			(sandbox && node.type === 'n8n-nodes-bitrix24.bitrix24Trigger') ||
			// The WhatsApp bridge: the WhatsApp fake and the Open Lines of the sandbox.
			(sandbox &&
				['n8n-nodes-bitrix24.whatsAppCloudTrigger', 'n8n-nodes-bitrix24.bitrix24OpenLinesTrigger'].includes(
					node.type,
				)),
	);
}

/** The URL n8n serves a published webhook trigger at. */
function productionUrl(workflow) {
	const node = workflow.nodes.find((n) => n.type === 'n8n-nodes-bitrix24.bitrix24Trigger');
	return `${n8nBase()}/webhook/${node.webhookId}/webhook`;
}

const n8nBase = () => `http://localhost:${settings.port}`;

async function startPortal() {
	if (settings.webhookUrl) return { sandbox: null, webhookUrl: settings.webhookUrl };
	const sandbox = createSandbox({ port: settings.sandboxPort, host: '127.0.0.1' });
	await sandbox.start();
	await seedDemo(sandbox);
	return { sandbox, webhookUrl: sandbox.webhookUrl };
}

/**
 * One demo per folder: a second `npm start` would re-point the running demo's credentials at
 * its own sandbox and share its database. Returns a function that releases the folder.
 */
function claimDemoFolder() {
	fs.mkdirSync(settings.userFolder, { recursive: true });
	const lock = path.join(settings.userFolder, 'demo.lock');
	try {
		const holder = JSON.parse(fs.readFileSync(lock, 'utf8'));
		process.kill(holder.pid, 0);
		throw new Error(
			`another npm start (pid ${holder.pid}, n8n on port ${holder.port}) is using ${settings.userFolder}. ` +
				'Stop it with Ctrl-C, or give this one its own folder and ports: ' +
				'N8N_DEMO_USER_FOLDER=/tmp/demo2 N8N_PORT=5680 SANDBOX_PORT=8788 npm start',
		);
	} catch (error) {
		if (error.code !== 'ENOENT' && error.code !== 'ESRCH' && !(error instanceof SyntaxError)) throw error;
	}
	fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, port: settings.port }));
	return () => fs.rmSync(lock, { force: true });
}

/**
 * The sandbox keeps nothing between runs, so neither does the demo n8n: a database left from
 * the last run would keep trigger subscriptions and polling positions of a portal that is gone.
 */
function forgetLastRun() {
	const dataDir = path.join(settings.userFolder, '.n8n');
	if (!fs.existsSync(dataDir)) return;
	for (const name of fs.readdirSync(dataDir)) {
		if (name.startsWith('database.sqlite')) fs.rmSync(path.join(dataDir, name), { force: true });
	}
}

async function main() {
	say('n8n-nodes-bitrix24 demo');
	const release = claimDemoFolder();
	process.on('exit', release);
	const runtime = await ensureN8n({ log: say });

	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitrix24-pack-'));
	process.on('exit', () => fs.rmSync(packDir, { recursive: true, force: true }));
	const tarball = buildAndPack({ outDir: packDir, log: say });
	forgetLastRun();
	const n8n = new N8nInstance({
		runtime,
		userFolder: settings.userFolder,
		port: settings.port,
		owner: { email: settings.email, password: settings.password },
	});
	say(`Installing ${path.basename(tarball)} into n8n's community packages (${settings.userFolder})…`);
	await n8n.installPackage(tarball);

	const { sandbox, webhookUrl } = await startPortal();
	say(sandbox ? `Sandbox portal running at ${sandbox.url} with sample leads, deals, contacts, employees and tasks.` : 'Using your portal (BITRIX24_WEBHOOK_URL).');

	const whatsapp = sandbox
		? createWhatsAppSandbox({ port: settings.whatsappPort, host: '127.0.0.1', autoStatuses: ['sent', 'delivered', 'read'] })
		: null;
	if (whatsapp) {
		await whatsapp.start();
		say(`WhatsApp Cloud API fake running at ${whatsapp.url}.`);
	}

	say('Importing the credential and the example workflows…');
	const outgoingToken = sandbox
		? crypto.randomBytes(16).toString('hex')
		: 'paste-the-outgoing-webhook-application-token';
	await n8n.importCredentials([
		{
			id: WEBHOOK_CREDENTIAL_ID,
			name: sandbox ? 'Bitrix24 (sandbox webhook)' : 'Bitrix24 (your portal)',
			type: 'bitrix24WebhookApi',
			data: { secretWebhookUrl: webhookUrl },
		},
		{
			id: OUTGOING_TOKEN_CREDENTIAL_ID,
			name: 'Bitrix24 (outgoing webhook token)',
			type: 'bitrix24ApplicationTokenApi',
			data: { applicationToken: outgoingToken },
		},
		...(sandbox
			? [
					{
						id: 'b24SandboxOAuth1',
						name: 'Bitrix24 (sandbox OAuth2)',
						type: 'bitrix24OAuth2Api',
						data: {
							portalUrl: sandbox.url,
							oauthServer: 'custom',
							customOauthServer: sandbox.url,
							clientId: sandbox.oauth.clientId,
							clientSecret: sandbox.oauth.clientSecret,
							oauthTokenData: sandbox.issueTokens({ userId: 1 }),
						},
					},
					{
						id: 'waSandboxCloud1',
						name: 'WhatsApp Cloud (sandbox)',
						type: 'whatsAppCloudApi',
						data: whatsapp.credentials(),
					},
				]
			: []),
	]);
	const examples = loadExamples();
	await n8n.importWorkflows(examples);
	const published = examples.filter((workflow) => isTriggered(workflow, { sandbox }));
	for (const workflow of published) await n8n.publishWorkflow(workflow.id);
	const newTask = published.find((workflow) => workflow.id === 'exampleNewTaskMessage');
	if (sandbox && newTask) {
		// What a portal admin does by hand for the outgoing-webhook mode of the trigger; its token
		// is the one in the credential imported above.
		sandbox.addOutgoingWebhook({
			url: productionUrl(newTask),
			events: ['ONTASKADD'],
			applicationToken: outgoingToken,
		});
	}

	say(`Starting n8n on ${n8n.url} (log: ${n8n.logFile})…`);
	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox?.stop();
		await whatsapp?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	await n8n.start();
	n8n.process.once('exit', (code) => {
		if (!stopping) {
			say(`n8n stopped unexpectedly (exit ${code}); see ${n8n.logFile}`);
			void stop(1);
		}
	});

	say(`
Ready.

  n8n        ${n8n.url}
  login      ${settings.email} / ${settings.password}
  portal     ${sandbox ? `${sandbox.url} (sandbox; request log: ${sandbox.url}/_sandbox/log)` : 'your Bitrix24 portal'}

Try first:
  1. Open the workflow "Bitrix24: move new leads to In progress" and click "Execute workflow".
  2. Open "Bitrix24: export all leads to a CSV file" and run it: every lead, read 2,500 per request.
  3. Send the website-form example a lead (it is published):
       curl -X POST ${n8n.url}/webhook/bitrix24-new-lead -H 'content-type: application/json' \\
         -d '{"name":"Ada Lovelace","email":"ada@example.com","phone":"+44 20 7946 0000","message":"Hello"}'${
		sandbox
			? `
  4. Win deal 1 in the sandbox; the Bitrix24 Trigger subscribed itself and posts to chat7:
       curl -X POST ${sandbox.webhookUrl}crm.deal.update.json -H 'content-type: application/json' \\
         -d '{"id":1,"fields":{"STAGE_ID":"WON"}}'
     then open ${sandbox.url}/_sandbox/log (or the workflow's executions).
  5. A customer writes on WhatsApp (the fake at ${whatsapp.url}); the bridge puts it into Open Lines:
       curl -X POST ${whatsapp.url}/_sandbox/inbound -H 'content-type: application/json' \\
         -d '{"from":"4915112345678","name":"Ada Lovelace","text":"Is my order on its way?"}'
     see ${sandbox.url}/_sandbox/openlines; answer as an operator (the chat's ID is listed there):
       curl -X POST ${sandbox.url}/_sandbox/openlines/reply -H 'content-type: application/json' \\
         -d '{"chatId":1001,"text":"It ships today"}'
     and the answer reaches WhatsApp: ${whatsapp.url}/_sandbox/messages`
			: ''
	}

Press Ctrl-C to stop.`);
}

main().catch((error) => {
	process.stderr.write(`\nnpm start failed: ${error.message}\n`);
	process.exit(1);
});

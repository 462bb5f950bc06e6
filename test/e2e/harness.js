// Shared pieces of the end-to-end tests: a real n8n with the packed package installed, the
// sandbox portal, credentials pointing at it, and the example workflows.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { N8nInstance } = require('../../scripts/n8n/instance');
const { createSandbox } = require('../../sandbox/bitrix24');
const { webhookData, oauthData } = require('../helpers/sandboxCredentials');

/** Written by globalSetup (its path passed on in the environment, so parallel runs do not collide). */
const stateFile = () => process.env.BITRIX24_E2E_STATE;
const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
const WEBHOOK_CREDENTIAL = { id: 'b24SandboxWebhk1', name: 'Bitrix24 (sandbox webhook)' };
const OAUTH_CREDENTIAL = { id: 'b24SandboxOAuth1', name: 'Bitrix24 (sandbox OAuth2)' };

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** Two consecutive free ports: n8n's HTTP port and its task-runner broker port. */
async function freePortPair() {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = 20000 + Math.floor(Math.random() * 20000) * 2;
		if ((await portFree(port)) && (await portFree(port + 1))) return port;
	}
	throw new Error('No free port pair found for n8n');
}

/** A fresh real n8n (own user folder) with this package installed from the packed tarball. */
async function prepareN8n(name) {
	const { runtime, tarball } = JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `bitrix24-e2e-${name}-`));
	const instance = new N8nInstance({ runtime, userFolder, port: await freePortPair() });
	await instance.installPackage(tarball);
	return instance;
}

async function startSandbox(options = {}) {
	const sandbox = createSandbox(options);
	await sandbox.start();
	return sandbox;
}

function webhookCredential(sandbox) {
	return { ...WEBHOOK_CREDENTIAL, type: 'bitrix24WebhookApi', data: webhookData(sandbox) };
}

function oauthCredential(sandbox) {
	return { ...OAUTH_CREDENTIAL, type: 'bitrix24OAuth2Api', data: oauthData(sandbox) };
}

function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
		}));
}

/** Output items of a node in an n8n run (IRun JSON from `n8n execute`). */
function nodeOutput(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`Node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	const [first] = runs;
	if (first.error) throw new Error(`Node "${nodeName}" failed: ${first.error.message}`);
	return first.data.main[0];
}

async function cleanUp(instance) {
	if (!instance) return;
	await instance.stop();
	fs.rmSync(instance.userFolder, { recursive: true, force: true });
}

module.exports = {
	WEBHOOK_CREDENTIAL,
	OAUTH_CREDENTIAL,
	prepareN8n,
	startSandbox,
	webhookCredential,
	oauthCredential,
	loadExamples,
	nodeOutput,
	cleanUp,
};

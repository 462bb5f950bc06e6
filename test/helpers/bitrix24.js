// Shared setup for workflow tests: a sandbox portal plus a workflow "Test Items → Bitrix24".
const { createSandbox } = require('../../sandbox/bitrix24');
const { runWorkflow, callNodeMethod } = require('./workflow-runner');
const { Bitrix24 } = require('../../nodes/Bitrix24/Bitrix24.node');
const { Bitrix24WebhookApi } = require('../../credentials/Bitrix24WebhookApi.credentials');
const { Bitrix24OAuth2Api } = require('../../credentials/Bitrix24OAuth2Api.credentials');
const { webhookData, oauthData } = require('./sandboxCredentials');

const NODE_TYPE = 'n8n-nodes-bitrix24.bitrix24';

/** @param {Parameters<typeof createSandbox>[0]} [options] */
async function startPortal(options = {}) {
	const sandbox = createSandbox(options);
	await sandbox.start();
	return sandbox;
}

/** Credentials for the sandbox: the webhook URL, or OAuth2 with freshly issued tokens. */
function credentialsFor(sandbox, auth, overrides = {}) {
	if (auth === 'oAuth2') {
		return {
			bitrix24OAuth2Api: {
				id: '2',
				name: 'Bitrix24 OAuth2',
				data: { ...oauthData(sandbox), ...overrides },
			},
		};
	}
	return {
		bitrix24WebhookApi: {
			id: '1',
			name: 'Bitrix24 Webhook',
			data: { ...webhookData(sandbox), ...overrides },
		},
	};
}

/** Input items with binary properties, as n8n holds them (base64 `data`). */
function withBinaries(items, binaries) {
	return items.map((json, index) => {
		const properties = binaries[index];
		if (!properties) return { json };
		const binary = {};
		for (const [key, { data, ...meta }] of Object.entries(properties)) {
			binary[key] = { ...meta, data: Buffer.isBuffer(data) ? data.toString('base64') : data };
		}
		return { json, binary };
	});
}

/**
 * Runs "Test Items → Bitrix24" in n8n's engine.
 * @param {object} sandbox
 * `binaries[i]` gives item i binary properties, e.g. `{ data: { data: Buffer, fileName, mimeType } }`
 * (the items are then pinned on the start node); output binary `data` is base64.
 * @param {{ items?: object[], binaries?: Array<Record<string, object> | undefined>, parameters: object, auth?: 'webhook'|'oAuth2', continueOnFail?: boolean, credentials?: object, typeVersion?: number }} options
 */
async function runBitrix24(
	sandbox,
	{
		items = [{}],
		binaries,
		parameters,
		auth = 'webhook',
		continueOnFail = false,
		credentials,
		typeVersion = 1,
	},
) {
	const credentialType = auth === 'oAuth2' ? 'bitrix24OAuth2Api' : 'bitrix24WebhookApi';
	const creds = credentials ?? credentialsFor(sandbox, auth);
	const workflow = {
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'test.items',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items },
			},
			{
				id: 'bitrix24',
				name: 'Bitrix24',
				type: NODE_TYPE,
				typeVersion,
				position: [200, 0],
				parameters: { authentication: auth, ...parameters },
				credentials: {
					[credentialType]: { id: creds[credentialType].id, name: creds[credentialType].name },
				},
				...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'Bitrix24', type: 'main', index: 0 }]] } },
		...(binaries ? { pinData: { Start: withBinaries(items, binaries) } } : {}),
	};
	const result = await runWorkflow({
		nodeTypes: { [NODE_TYPE]: Bitrix24 },
		credentialTypes: [Bitrix24WebhookApi, Bitrix24OAuth2Api],
		credentials: creds,
		workflow,
	});
	return { output: result.outputOf('Bitrix24') ?? [], error: result.errorOf('Bitrix24'), result };
}

/**
 * Runs one of the node's methods (loadOptions, listSearch, resourceMapping) for a node set to
 * `parameters`, with the sandbox's webhook credential.
 */
async function callBitrix24Method(sandbox, { parameters, kind, method, ...extra }) {
	const { result } = await callNodeMethod({
		nodeTypes: { [NODE_TYPE]: Bitrix24 },
		credentialTypes: [Bitrix24WebhookApi, Bitrix24OAuth2Api],
		credentials: credentialsFor(sandbox, 'webhook'),
		node: {
			name: 'Bitrix24',
			type: NODE_TYPE,
			typeVersion: 1,
			parameters: { authentication: 'webhook', ...parameters },
			credentials: { bitrix24WebhookApi: { id: '1', name: 'Bitrix24 Webhook' } },
		},
		kind,
		method,
		...extra,
	});
	return result;
}

/** REST requests the portal received (token-endpoint calls are logged separately). */
function restRequests(sandbox) {
	return sandbox.log.length;
}

module.exports = {
	withBinaries,
	callBitrix24Method,
	startPortal,
	credentialsFor,
	runBitrix24,
	restRequests,
	NODE_TYPE,
	Bitrix24,
	Bitrix24WebhookApi,
	Bitrix24OAuth2Api,
};

// Shared setup for the Open Lines tests: a workflow "Test Items → Bitrix24 Open Lines" run in
// n8n's engine with the sandbox's OAuth2 credential, REST calls as the sandbox's local app, and
// conversation messages as channel triggers emit them. The node and the workflow runner load only
// when a workflow runs, so the end-to-end suite (plain JavaScript, no TypeScript) can use the rest.

const NODE_TYPE = 'n8n-nodes-bitrix24.bitrix24OpenLines';
const CONNECTOR = 'n8n_test_chat';
const SVG =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>';

/**
 * Runs "Test Items → Bitrix24 Open Lines" (as its own node name "Open Lines").
 * @param {object} sandbox
 * @param {{items?: object[], binaries?: Array<Record<string, object>|undefined>, parameters: object,
 *   continueOnFail?: boolean, credentialType?: 'bitrix24OAuth2Api'|'bitrix24WebhookApi'}} options
 */
async function runOpenLines(
	sandbox,
	{
		items = [{}],
		binaries,
		parameters,
		continueOnFail = false,
		credentialType = 'bitrix24OAuth2Api',
	},
) {
	const { runWorkflow } = require('./workflow-runner');
	const {
		credentialsFor,
		withBinaries,
		Bitrix24WebhookApi,
		Bitrix24OAuth2Api,
	} = require('./bitrix24');
	const { Bitrix24OpenLines } = require('../../nodes/Bitrix24OpenLines/Bitrix24OpenLines.node');
	const credentials = credentialsFor(
		sandbox,
		credentialType === 'bitrix24OAuth2Api' ? 'oAuth2' : 'webhook',
	);
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
				id: 'open-lines',
				name: 'Open Lines',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: {
					[credentialType]: {
						id: credentials[credentialType].id,
						name: credentials[credentialType].name,
					},
				},
				...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'Open Lines', type: 'main', index: 0 }]] } },
		...(binaries ? { pinData: { Start: withBinaries(items, binaries) } } : {}),
	};
	const result = await runWorkflow({
		nodeTypes: { [NODE_TYPE]: Bitrix24OpenLines },
		credentialTypes: [Bitrix24WebhookApi, Bitrix24OAuth2Api],
		credentials,
		workflow,
	});
	return {
		output: result.outputOf('Open Lines') ?? [],
		error: result.errorOf('Open Lines'),
		result,
	};
}

/** A REST call as the sandbox's local app (OAuth), the way an app's own code makes it. */
async function appCall(sandbox, method, params = {}) {
	const response = await fetch(`${sandbox.url}/rest/${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...params, auth: sandbox.issueTokens({ userId: 1 }).access_token }),
	});
	const body = await response.json();
	if (body.error) throw new Error(`${method}: ${body.error_description || body.error}`);
	return body.result;
}

/** Registers the test connector and activates it on the lines (default: line 1). */
async function setUpConnector(sandbox, { id = CONNECTOR, lines = [1] } = {}) {
	await appCall(sandbox, 'imconnector.register', {
		ID: id,
		NAME: 'n8n test chat',
		ICON: { DATA_IMAGE: `data:image/svg+xml,${encodeURIComponent(SVG)}` },
		PLACEMENT_HANDLER: 'https://n8n.example.com/settings',
	});
	for (const line of lines)
		await appCall(sandbox, 'imconnector.activate', { CONNECTOR: id, LINE: line, ACTIVE: 1 });
	return id;
}

/** A customer's message as a channel trigger emits it; `n` makes chat, sender and ids unique. */
function customerMessage(n = 1, overrides = {}) {
	return {
		schemaVersion: 1,
		channel: 'webchat',
		direction: 'inbound',
		conversation: { chatId: `chat-${n}` },
		sender: {
			id: `customer-${n}`,
			name: `Customer ${n}`,
			phone: `+4915100000${String(n).padStart(3, '0')}`,
		},
		message: {
			id: `msg-${n}`,
			text: `Hello ${n}`,
			timestamp: '2026-12-03T10:00:00.000Z',
			attachments: [],
		},
		...overrides,
	};
}

/** Open Lines node parameters for an operation on the test connector and line 1. */
function openLinesParameters(resource, operation, extra = {}) {
	return {
		resource,
		operation,
		connector: CONNECTOR,
		line: { __rl: true, mode: 'id', value: '1' },
		...extra,
	};
}

module.exports = {
	runOpenLines,
	appCall,
	setUpConnector,
	customerMessage,
	openLinesParameters,
	CONNECTOR,
	SVG,
	NODE_TYPE,
};

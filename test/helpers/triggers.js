// Runs the Bitrix24 trigger nodes the way n8n does, in-process: webhook methods (activation and
// deactivation) in a HookContext, incoming events in a WebhookContext behind a real HTTP server
// that parses form bodies as n8n does, and polls in a PollContext with persistent static data.
const http = require('node:http');
const querystring = require('node:querystring');
const { core, workflow: n8n } = require('./n8n-runner/n8n-runtime');
const { createRuntime, createAdditionalData } = require('./workflow-runner');
const { credentialsFor } = require('./bitrix24');
const { Bitrix24Trigger } = require('../../nodes/Bitrix24Trigger/Bitrix24Trigger.node');
const {
	Bitrix24PollingTrigger,
} = require('../../nodes/Bitrix24PollingTrigger/Bitrix24PollingTrigger.node');
const { Bitrix24WebhookApi } = require('../../credentials/Bitrix24WebhookApi.credentials');
const { Bitrix24OAuth2Api } = require('../../credentials/Bitrix24OAuth2Api.credentials');
const {
	Bitrix24ApplicationTokenApi,
} = require('../../credentials/Bitrix24ApplicationTokenApi.credentials');

const { Workflow } = n8n;

const TOKEN_CREDENTIAL = 'bitrix24ApplicationTokenApi';

/**
 * @param {object} sandbox
 * @param {{type: string, nodeClass: Function, parameters?: object, auth: string,
 *   staticData?: object, webhookBaseUrl?: string, version?: number, applicationToken?: string}} options
 *   applicationToken: attach a Bitrix24 Application Token credential holding it
 */
function triggerWorkflow(
	sandbox,
	{ type, nodeClass, parameters, auth, staticData, webhookBaseUrl, version = 1, applicationToken },
) {
	const credentials = credentialsFor(sandbox, auth);
	const credentialType = auth === 'oAuth2' ? 'bitrix24OAuth2Api' : 'bitrix24WebhookApi';
	const nodeCredentials = {
		[credentialType]: { id: credentials[credentialType].id, name: 'Bitrix24' },
	};
	if (applicationToken !== undefined) {
		credentials[TOKEN_CREDENTIAL] = {
			id: '3',
			name: 'Bitrix24 Application Token',
			data: { applicationToken },
		};
		nodeCredentials[TOKEN_CREDENTIAL] = { id: '3', name: 'Bitrix24 Application Token' };
	}
	const runtime = createRuntime({
		nodeTypes: { [type]: nodeClass },
		credentialTypes: [Bitrix24WebhookApi, Bitrix24OAuth2Api, Bitrix24ApplicationTokenApi],
		credentials,
	});
	const node = {
		id: 'trigger-node',
		name: 'Trigger',
		type,
		typeVersion: version,
		position: [0, 0],
		webhookId: 'b24-trigger',
		parameters: { authentication: auth, ...parameters },
		credentials: nodeCredentials,
	};
	const workflow = new Workflow({
		id: 'trigger-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: runtime.types,
		staticData,
	});
	const additionalData = createAdditionalData(runtime.credentialsHelper, {
		webhookBaseUrl: webhookBaseUrl ?? 'http://127.0.0.1:1/webhook',
	});
	return { workflow, node: workflow.getNode('Trigger'), additionalData };
}

/**
 * A Bitrix24 Trigger with an HTTP endpoint at its production URL. `activate()` / `deactivate()`
 * run its webhook methods; every request it receives is answered by its webhook() and recorded.
 * `version` is the node's typeVersion (default 2); `staticData` the workflow's static data as n8n
 * loads it (pass a copy of another trigger's `staticData` to act as that trigger after a
 * restart); `applicationToken` attaches a Bitrix24 Application Token credential; `port` listens
 * on a given port (a restarted trigger keeps its URL); `nodeClass` and `type` run another
 * webhook trigger of the package (default: the Bitrix24 Trigger).
 */
async function startWebhookTrigger(
	sandbox,
	{
		parameters,
		auth = 'oAuth2',
		version = 2,
		staticData = {},
		applicationToken,
		port = 0,
		nodeClass = Bitrix24Trigger,
		type = 'n8n-nodes-bitrix24.bitrix24Trigger',
	},
) {
	const received = [];
	const pending = new Set();
	let setup;
	const server = http.createServer((req, res) => {
		const chunks = [];
		let done;
		const handled = new Promise((resolve) => (done = resolve));
		pending.add(handled);
		handled.then(() => pending.delete(handled));
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const type = String(req.headers['content-type'] || '');
			let body = {};
			if (type.startsWith('application/x-www-form-urlencoded'))
				body = { ...querystring.parse(raw) };
			else if (type.startsWith('application/json')) {
				try {
					body = JSON.parse(raw);
				} catch {
					body = {};
				}
			}
			const answer = { status: 200, body: undefined };
			const response = {
				status(code) {
					answer.status = code;
					return response;
				},
				json(value) {
					answer.body = value;
					res.writeHead(answer.status, { 'content-type': 'application/json' });
					res.end(JSON.stringify(value));
					return response;
				},
				end() {
					res.writeHead(answer.status);
					res.end();
				},
			};
			const request = Object.assign(req, { body, rawBody: Buffer.from(raw) });
			const webhookData = {
				httpMethod: 'POST',
				node: setup.node.name,
				path: 'webhook',
				webhookDescription: new nodeClass().description.webhooks[0],
				workflowId: 'trigger-workflow',
				workflowExecuteAdditionalData: setup.additionalData,
			};
			const context = new core.WebhookContext(
				setup.workflow,
				setup.node,
				{ ...setup.additionalData, httpRequest: request, httpResponse: response },
				'webhook',
				webhookData,
				[],
				null,
			);
			let result;
			let error;
			try {
				result = await new nodeClass().webhook.call(context);
			} catch (thrown) {
				error = thrown;
				if (!res.headersSent) response.status(500).json({ error: 'failed' });
			}
			if (!res.headersSent) response.status(200).json(result?.webhookResponse ?? {});
			received.push({ body, status: answer.status, answer: answer.body, result, error });
			done();
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${server.address().port}/webhook`;
	setup = triggerWorkflow(sandbox, {
		type,
		nodeClass,
		parameters,
		auth,
		webhookBaseUrl: base,
		version,
		staticData,
		applicationToken,
	});
	const hook = async (method) => {
		const context = new core.HookContext(
			setup.workflow,
			setup.node,
			setup.additionalData,
			'trigger',
			'activate',
		);
		return await new nodeClass().webhookMethods.default[method].call(context);
	};
	const url = `${base}/b24-trigger/webhook`;
	return {
		url,
		port: server.address().port,
		/** POSTs a body to the trigger as anyone could; resolves to the answer's status. */
		post: async (body, type = 'application/x-www-form-urlencoded') =>
			(await fetch(url, { method: 'POST', headers: { 'content-type': type }, body })).status,
		/** The workflow's static data (what n8n would save), live. */
		staticData: setup.workflow.staticData,
		/** Workflow and node id: what the trigger's proof is bound to. */
		ids: { workflowId: setup.workflow.id, nodeId: setup.node.id },
		received,
		/** Started workflows: the items each accepted event produced. */
		started: () =>
			received.filter((r) => r.result?.workflowData).map((r) => r.result.workflowData[0]),
		/** Waits for the portal's queued deliveries and for the trigger to finish handling them. */
		settle: async () => {
			await sandbox.flushEvents();
			while (pending.size) await Promise.all([...pending]);
		},
		checkExists: () => hook('checkExists'),
		activate: async () => {
			if (!(await hook('checkExists'))) await hook('create');
		},
		deactivate: () => hook('delete'),
		stop: () =>
			new Promise((resolve) => {
				server.close(resolve);
				server.closeAllConnections();
			}),
	};
}

/** A Bitrix24 Polling Trigger whose static data persists between `poll()` calls. */
function pollingTrigger(sandbox, { parameters, auth = 'webhook' }) {
	const staticData = {};
	const run = async (mode) => {
		const setup = triggerWorkflow(sandbox, {
			type: 'n8n-nodes-bitrix24.bitrix24PollingTrigger',
			nodeClass: Bitrix24PollingTrigger,
			parameters,
			auth,
			staticData,
		});
		const context = new core.PollContext(
			setup.workflow,
			setup.node,
			setup.additionalData,
			mode,
			'activate',
		);
		const result = await new Bitrix24PollingTrigger().poll.call(context);
		return result ? result[0].map((item) => item.json) : [];
	};
	return { poll: () => run('trigger'), test: () => run('manual'), staticData };
}

module.exports = { startWebhookTrigger, pollingTrigger };

// Runs the WhatsApp Cloud Trigger the way n8n does, in-process: its webhook methods (activation,
// deactivation) in a HookContext, and every request in a WebhookContext behind a real HTTP
// server that reads the body as n8n 2.x does (req.rawBody = the bytes; JSON bodies parsed first,
// a body that is not JSON answered 422 by n8n before the node runs).
const http = require('node:http');
const { core, workflow: n8n } = require('./n8n-runner/n8n-runtime');
const { createRuntime, createAdditionalData } = require('./workflow-runner');
const { whatsappCredentials } = require('./whatsapp');
const {
	WhatsAppCloudTrigger,
} = require('../../nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node');
const { WhatsAppCloudApi } = require('../../credentials/WhatsAppCloudApi.credentials');

const TYPE = 'n8n-nodes-bitrix24.whatsAppCloudTrigger';
const WEBHOOK_ID = 'wa-trigger';

function triggerSetup(fake, { parameters, credentials, webhookBaseUrl }) {
	const creds = credentials ?? whatsappCredentials(fake);
	const runtime = createRuntime({
		nodeTypes: { [TYPE]: WhatsAppCloudTrigger },
		credentialTypes: [WhatsAppCloudApi],
		credentials: creds,
	});
	const node = {
		id: 'wa-trigger-node',
		name: 'Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: parameters ?? {},
		credentials: {
			whatsAppCloudApi: { id: creds.whatsAppCloudApi.id, name: creds.whatsAppCloudApi.name },
		},
	};
	const workflow = new n8n.Workflow({
		id: 'wa-trigger-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: runtime.types,
		staticData: {},
	});
	const additionalData = createAdditionalData(runtime.credentialsHelper, { webhookBaseUrl });
	return { workflow, node: workflow.getNode('Trigger'), additionalData };
}

/**
 * A WhatsApp Cloud Trigger listening at its production URL.
 * @param {object} fake the Graph API fake (for credentials and the download of media)
 * @param {{parameters?: object, credentials?: object}} [options]
 */
async function startWhatsAppTrigger(fake, { parameters = {}, credentials } = {}) {
	const received = [];
	const pending = new Set();
	let setup;
	const description = new WhatsAppCloudTrigger().description;
	const server = http.createServer((req, res) => {
		const chunks = [];
		let done;
		const handled = new Promise((resolve) => (done = resolve));
		pending.add(handled);
		handled.then(() => pending.delete(handled));
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const raw = Buffer.concat(chunks);
			const url = new URL(req.url, 'http://127.0.0.1');
			const type = String(req.headers['content-type'] || '');
			let body = {};
			if (raw.length && type.startsWith('application/json')) {
				try {
					body = JSON.parse(raw.toString('utf8'));
				} catch {
					// n8n's body parser: UnprocessableRequestError before any node runs.
					res.writeHead(422, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body' }));
					received.push({ status: 422, parsedByN8n: false, result: undefined });
					return done();
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
				send(value) {
					answer.body = value;
					res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' });
					res.end(String(value));
					return response;
				},
				end() {
					res.writeHead(answer.status);
					res.end();
				},
			};
			const query = Object.fromEntries(url.searchParams);
			const request = Object.assign(req, { body, rawBody: raw.length ? raw : undefined, query });
			const webhookName = req.method === 'GET' ? 'setup' : 'default';
			const webhookData = {
				httpMethod: req.method,
				node: setup.node.name,
				path: 'webhook',
				webhookDescription: description.webhooks.find((hook) => hook.name === webhookName),
				workflowId: setup.workflow.id,
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
				result = await new WhatsAppCloudTrigger().webhook.call(context);
			} catch (thrown) {
				error = thrown;
				if (!res.headersSent) response.status(500).json({ error: 'failed' });
			}
			if (!res.headersSent) response.status(200).json({});
			received.push({
				method: req.method,
				status: answer.status,
				answer: answer.body,
				result,
				error,
			});
			done();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${server.address().port}/webhook`;
	setup = triggerSetup(fake, { parameters, credentials, webhookBaseUrl: base });
	const url = `${base}/${WEBHOOK_ID}/webhook`;
	const hook = async (method) => {
		const context = new core.HookContext(
			setup.workflow,
			setup.node,
			setup.additionalData,
			'trigger',
			'activate',
		);
		return await new WhatsAppCloudTrigger().webhookMethods.default[method].call(context);
	};
	return {
		url,
		received,
		/** POSTs raw bytes with headers; the answer's status. */
		post: async (body, headers = { 'content-type': 'application/json' }) =>
			(await fetch(url, { method: 'POST', headers, body })).status,
		/** Every run the trigger started: its three outputs (Messages, Statuses, Other). */
		started: () => received.filter((r) => r.result?.workflowData).map((r) => r.result.workflowData),
		settle: async () => {
			await fake.idle();
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

module.exports = { startWhatsAppTrigger, WEBHOOK_ID };

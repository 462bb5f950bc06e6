// Shared setup for WhatsApp workflow tests: the Graph API fake plus "Test Items → WhatsApp Cloud".
const { createWhatsAppSandbox } = require('../../sandbox/whatsapp');
const { runWorkflow, callNodeMethod } = require('./workflow-runner');
const { WhatsAppCloud } = require('../../nodes/WhatsAppCloud/WhatsAppCloud.node');
const { WhatsAppCloudApi } = require('../../credentials/WhatsAppCloudApi.credentials');
const { resetPacing } = require('../../nodes/shared/whatsapp/transport');

const NODE_TYPE = 'n8n-nodes-bitrix24.whatsAppCloud';

/** @param {Parameters<typeof createWhatsAppSandbox>[0]} [options] */
async function startFake(options = {}) {
	resetPacing();
	const fake = createWhatsAppSandbox(options);
	await fake.start();
	return fake;
}

function whatsappCredentials(fake, overrides = {}) {
	return {
		whatsAppCloudApi: { id: 'wa1', name: 'WhatsApp Cloud', data: fake.credentials(overrides) },
	};
}

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
 * Runs "Test Items → WhatsApp Cloud" in n8n's engine.
 * @param {object} fake
 * @param {{items?: object[], binaries?: Array<Record<string, object>|undefined>, parameters: object,
 *   continueOnFail?: boolean, credentials?: object}} options
 */
async function runWhatsApp(
	fake,
	{ items = [{}], binaries, parameters, continueOnFail = false, credentials },
) {
	const creds = credentials ?? whatsappCredentials(fake);
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
				id: 'wa',
				name: 'WhatsApp Cloud',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: {
					whatsAppCloudApi: { id: creds.whatsAppCloudApi.id, name: creds.whatsAppCloudApi.name },
				},
				...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'WhatsApp Cloud', type: 'main', index: 0 }]] } },
		...(binaries ? { pinData: { Start: withBinaries(items, binaries) } } : {}),
	};
	const result = await runWorkflow({
		nodeTypes: { [NODE_TYPE]: WhatsAppCloud },
		credentialTypes: [WhatsAppCloudApi],
		credentials: creds,
		workflow,
	});
	return {
		output: result.outputOf('WhatsApp Cloud') ?? [],
		error: result.errorOf('WhatsApp Cloud'),
		result,
	};
}

async function callWhatsAppMethod(fake, { parameters, kind, method, ...extra }) {
	const { result } = await callNodeMethod({
		nodeTypes: { [NODE_TYPE]: WhatsAppCloud },
		credentialTypes: [WhatsAppCloudApi],
		credentials: whatsappCredentials(fake),
		node: {
			name: 'WhatsApp Cloud',
			type: NODE_TYPE,
			typeVersion: 1,
			parameters,
			credentials: { whatsAppCloudApi: { id: 'wa1', name: 'WhatsApp Cloud' } },
		},
		kind,
		method,
		...extra,
	});
	return result;
}

/** Requests of one kind the fake received ('messages', 'media.upload', …). */
const requestsOf = (fake, kind) => fake.log.filter((entry) => entry.kind === kind);

module.exports = {
	startFake,
	whatsappCredentials,
	runWhatsApp,
	callWhatsAppMethod,
	requestsOf,
	NODE_TYPE,
	WhatsAppCloud,
	WhatsAppCloudApi,
};

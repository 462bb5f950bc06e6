'use strict';
/**
 * Workflow test runner: runs real n8n workflows in-process with n8n-core's WorkflowExecute
 * (mode 'manual'), real HTTP through n8n-core's request helpers, and an in-memory
 * credential store behind a CredentialsHelper that behaves like n8n's.
 *
 *   const { runWorkflow } = require('../helpers/workflow-runner');
 *   const result = await runWorkflow({ nodeTypes, credentialTypes, credentials, workflow });
 *   result.outputOf('Bitrix24'); result.errorOf('Bitrix24'); result.credentials;
 *
 * Also: callNodeMethod() for loadOptions / listSearch / resourceMapping and
 * testCredential() for a credential type's `test` request. See test/runner/README.md.
 */
const { core, workflow: n8n } = require('./n8n-runner/n8n-runtime');
const {
	TestNodeTypes,
	TestItemsNode,
	ManualTriggerNode,
	START_NODE_TYPES,
} = require('./n8n-runner/node-types');
const {
	TestCredentialTypes,
	CredentialStore,
	TestCredentialsHelper,
	OAuth2Api,
} = require('./n8n-runner/credentials');

const { Workflow, UserError } = n8n;

/** lodash-style `get` for dotted paths (used by credential test rules). */
const get = (obj, path) =>
	String(path)
		.split('.')
		.reduce((value, key) => value?.[key], obj);

/**
 * @typedef {import('n8n-workflow').INode} INode
 * @typedef {import('n8n-workflow').IConnections} IConnections
 * @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData
 * @typedef {import('n8n-workflow').IRun} IRun
 * @typedef {import('./n8n-runner/credentials').CredentialMap} CredentialMap
 * @typedef {import('./n8n-runner/node-types').NodeTypeClass} NodeTypeClass
 *
 * @typedef {object} RuntimeOptions
 * @property {Record<string, NodeTypeClass | object>} [nodeTypes] full node type name
 *   (as in workflow JSON, e.g. 'n8n-nodes-bitrix24.bitrix24') → INodeType class or instance
 * @property {Array<Function | object>} [credentialTypes] ICredentialType classes or instances
 * @property {CredentialMap} [credentials] credential type → { id, name, data }; copied
 * @property {Record<string, Record<string, unknown>>} [credentialOverwrites] as n8n's
 *   N8N_CREDENTIALS_OVERWRITE_DATA: credential type → values for empty fields. The way to point
 *   hidden OAuth fields (accessTokenUrl, authUrl…) at an emulator: n8n ignores stored values
 *   for hidden authUrl / accessTokenUrl / grantType / authentication.
 *
 * @typedef {RuntimeOptions & {
 *   workflow: { nodes: INode[], connections: IConnections, settings?: object, pinData?: object, staticData?: object, id?: string, name?: string },
 *   startNode?: string,
 * }} RunWorkflowOptions
 */

let executionCounter = 0;

/** Builds the runtime pieces shared by every entry point. */
function createRuntime({
	nodeTypes = {},
	credentialTypes = [],
	credentials = {},
	credentialOverwrites,
} = {}) {
	const types = new TestNodeTypes(nodeTypes);
	const credTypes = new TestCredentialTypes(credentialTypes);
	const store = new CredentialStore(credentials);
	const credentialsHelper = new TestCredentialsHelper(credTypes, store, credentialOverwrites);
	return { types, credTypes, store, credentialsHelper };
}

/**
 * IWorkflowExecuteAdditionalData with everything WorkflowExecute and the node contexts touch.
 * @param {TestCredentialsHelper} credentialsHelper
 * @param {object} [extra]
 */
function createAdditionalData(credentialsHelper, extra = {}) {
	const notSupported = (what) => async () => {
		throw new UserError(`${what} is not supported by the workflow test runner`);
	};
	const base = 'http://localhost:5678';
	return {
		credentialsHelper,
		executionId: `test-${++executionCounter}`,
		currentNodeExecutionIndex: 0,
		executeWorkflow: notSupported('Execute Workflow (sub-workflows)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notSupported('Code-node task runners'),
		logAiEvent: () => {},
		externalSecretsProxy: new core.ExternalSecretsProxy(),
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		...extra,
	};
}

/** Result of one run; every accessor reads the raw IRun. */
class WorkflowRunResult {
	/**
	 * @param {IRun} run
	 * @param {CredentialStore} store
	 * @param {Map<string, unknown>} thrownErrors
	 * @param {string[]} executedNodes
	 * @param {number} durationMs
	 */
	constructor(run, store, thrownErrors, executedNodes, durationMs) {
		/** The raw IRun returned by WorkflowExecute. */
		this.run = run;
		/** @type {CredentialMap} live store: reflects tokens refreshed during the run */
		this.credentials = store.credentials;
		/** Node names in the order they finished. */
		this.executedNodes = executedNodes;
		this.durationMs = durationMs;
		this.thrownErrors = thrownErrors;
	}

	/** 'success' | 'error' | … */
	get status() {
		return this.run.status;
	}

	/** The workflow-level error (the error that stopped the run), if any. */
	get error() {
		return this.run.data.resultData.error;
	}

	taskData(nodeName, runIndex = 0) {
		return this.run.data.resultData.runData[nodeName]?.[runIndex];
	}

	/**
	 * Items of the node's run `runIndex` (default first), main output `output` (default 0);
	 * undefined when the node did not run or produced no data (e.g. it failed).
	 * @returns {INodeExecutionData[] | undefined}
	 */
	outputOf(nodeName, { output = 0, runIndex = 0 } = {}) {
		const main = this.taskData(nodeName, runIndex)?.data?.main;
		if (!main) return undefined;
		return main[output] ?? [];
	}

	/** Shorthand: the `json` of each output item. */
	jsonOf(nodeName, options) {
		return this.outputOf(nodeName, options)?.map((item) => item.json);
	}

	/**
	 * The error the node failed with on run `runIndex`: the instance the node threw
	 * (NodeApiError / NodeOperationError, with message, description, httpCode, context) when
	 * it came from execute(), else n8n's serialized copy. Undefined if the node did not fail.
	 */
	errorOf(nodeName, runIndex = 0) {
		const recorded = this.taskData(nodeName, runIndex)?.error;
		if (!recorded) return undefined;
		return this.thrownErrors.get(nodeName) ?? recorded;
	}
}

/** Picks the node to start from: `startNode`, else the first test.items / manual trigger, else the first root. */
function findStartNode(workflow, startNode) {
	if (startNode) {
		const node = workflow.getNode(startNode);
		if (!node) throw new UserError(`Start node "${startNode}" is not in the workflow`);
		return node;
	}
	const nodes = Object.values(workflow.nodes).filter((n) => !n.disabled);
	const node =
		nodes.find((n) => START_NODE_TYPES.includes(n.type)) ??
		nodes.find((n) => !workflow.connectionsByDestinationNode[n.name]?.main?.some((c) => c?.length));
	if (!node) throw new UserError('No start node: add a "test.items" or manual trigger node');
	return node;
}

/**
 * Runs a workflow (as exported by n8n) in mode 'manual' and returns its result.
 * @param {RunWorkflowOptions} options
 * @returns {Promise<WorkflowRunResult>}
 */
async function runWorkflow(options) {
	const { types, store, credentialsHelper } = createRuntime(options);
	const { workflow: data, startNode } = options;
	// Workflow mutates node.parameters (fills defaults): work on a copy.
	const nodes = structuredClone(data.nodes);
	const connections = structuredClone(data.connections ?? {});
	const settings = { executionOrder: 'v1', ...data.settings };
	const workflowData = {
		id: data.id ?? 'test-workflow',
		name: data.name ?? 'Test workflow',
		nodes,
		connections,
		settings,
		active: false,
	};
	const workflow = new Workflow({
		...workflowData,
		nodeTypes: types,
		staticData: data.staticData,
		pinData: data.pinData,
	});

	const additionalData = createAdditionalData(credentialsHelper);
	const hooks = new core.ExecutionLifecycleHooks(
		'manual',
		additionalData.executionId,
		workflowData,
	);
	const executedNodes = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});
	additionalData.hooks = hooks;

	const started = performance.now();
	const execution = new core.WorkflowExecute(additionalData, 'manual');
	const run = await execution.run({
		workflow,
		startNode: findStartNode(workflow, startNode),
		pinData: data.pinData,
	});
	return new WorkflowRunResult(
		run,
		store,
		types.thrownErrors,
		executedNodes,
		performance.now() - started,
	);
}

/**
 * Calls one of a node's `methods` the way the editor does (LoadOptionsContext, mode 'internal').
 * @param {RuntimeOptions & {
 *   node: Partial<INode> & { type: string },
 *   kind?: 'loadOptions' | 'listSearch' | 'resourceMapping',
 *   method: string,
 *   filter?: string,
 *   paginationToken?: string,
 *   path?: string,
 * }} options `node` is the node as in workflow JSON (type, typeVersion, parameters, credentials)
 * @returns {Promise<{ result: any, credentials: CredentialMap }>}
 */
async function callNodeMethod(options) {
	const { types, store, credentialsHelper } = createRuntime(options);
	const { kind = 'loadOptions', method, filter, paginationToken, path = 'parameters' } = options;
	const node = {
		id: 'method-node',
		name: 'Node',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...structuredClone(options.node),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: types,
	});
	const nodeType = types.getByNameAndVersion(node.type, node.typeVersion);
	const fn = nodeType.methods?.[kind]?.[method];
	if (typeof fn !== 'function')
		throw new UserError(`Node type "${node.type}" has no ${kind} method "${method}"`);

	const additionalData = createAdditionalData(credentialsHelper, {
		currentNodeParameters: node.parameters,
	});
	const context = new core.LoadOptionsContext(workflow, node, additionalData, path);
	const result =
		kind === 'listSearch'
			? await fn.call(context, filter, paginationToken)
			: await fn.call(context);
	return { result, credentials: store.credentials };
}

/**
 * Tests credential data like n8n's "Test" button (CredentialsTester): the type's `test`
 * request is sent through RoutingNode → httpRequestWithAuthentication → authenticate().
 * Falls back to a node's `testedBy` (function or request), and for OAuth2 types without a
 * test to "has an access token", as n8n does.
 * @param {{ credentialTypes: Array<Function | object>, nodeTypes?: RuntimeOptions['nodeTypes'],
 *   type: string, data: Record<string, unknown>, id?: string, name?: string }} options
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function testCredential(options) {
	const { type, data, id = 'credential-test', name = 'Test credential' } = options;
	const { types, credTypes, credentialsHelper } = createRuntime({
		...options,
		credentials: { [type]: { id, name, data } },
	});
	const additionalData = createAdditionalData(credentialsHelper);
	const credentialsDecrypted = { id, name, type, data: undefined };
	try {
		credentialsDecrypted.data = credentialsHelper.applyDefaults(
			additionalData,
			structuredClone(data),
			type,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: String(error.message) };
	}

	const testFunction = findCredentialTest(credTypes, types, type);
	if (!testFunction)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	if (typeof testFunction === 'function') {
		return await testFunction.call(
			new core.CredentialTestContext(additionalData),
			credentialsDecrypted,
		);
	}
	return await runCredentialTestRequest(testFunction, credentialsDecrypted, additionalData);
}

/** Mirrors CredentialsTester.getCredentialTestFunction. */
function findCredentialTest(credTypes, nodeTypes, type) {
	const def = credTypes.getByName(type);
	if (def.test) return { testRequest: def.test };
	const isOAuth2 = type === 'oAuth2Api' || credTypes.getParentTypes(type).includes('oAuth2Api');
	for (const nodeType of nodeTypes.types.values()) {
		const versions = nodeType.nodeVersions ? Object.values(nodeType.nodeVersions) : [nodeType];
		for (const version of versions) {
			const entry = version.description.credentials?.find((c) => c.name === type);
			if (!entry) continue;
			if (isOAuth2) {
				return async (cred) =>
					typeof cred?.data?.oauthTokenData === 'object' &&
					'access_token' in cred.data.oauthTokenData
						? { status: 'OK', message: 'Connection Successful!' }
						: { status: 'Error', message: 'Error: No access token found' };
			}
			if (typeof entry.testedBy === 'string')
				return version.methods?.credentialTest?.[entry.testedBy];
			if (entry.testedBy) return { nodeType: version, testRequest: entry.testedBy };
		}
	}
	return undefined;
}

/** Sends a credential test request through RoutingNode (as CredentialsTester does) and applies its rules. */
async function runCredentialTestRequest(
	{ nodeType, testRequest },
	credentialsDecrypted,
	additionalData,
) {
	const { type } = credentialsDecrypted;
	const testNodeType = {
		description: {
			...(nodeType?.description ?? {
				displayName: 'No Operation',
				name: 'n8n-nodes-base.noOp',
				group: ['transform'],
				version: 1,
				inputs: ['main'],
				outputs: ['main'],
				defaults: {},
			}),
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const version = testNodeType.description.version;
	const node = {
		id: 'temp',
		name: 'Temp-Node',
		type: testNodeType.description.name,
		typeVersion: Array.isArray(version) ? version.at(-1) : version,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const testNodeTypes = {
		getByName: () => testNodeType,
		getByNameAndVersion: () => testNodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: testNodeTypes,
	});
	const context = new core.ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);

	let response;
	try {
		response = await new core.RoutingNode(context, testNodeType, credentialsDecrypted).runNode();
	} catch (error) {
		const httpResponse = error.cause?.response;
		if (httpResponse) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && httpResponse.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (httpResponse.status < 199 || httpResponse.status > 299) {
				return {
					status: 'Error',
					message: httpResponse.statusText || `Received HTTP status code: ${httpResponse.status}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of testRequest.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			get(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = {
	createRuntime,
	createAdditionalData,
	runWorkflow,
	callNodeMethod,
	testCredential,
	TestItemsNode,
	ManualTriggerNode,
	OAuth2Api,
	WorkflowRunResult,
	CredentialStore,
};

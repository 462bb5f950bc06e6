'use strict';
const { NodeApiError, NodeOperationError } = require('n8n-workflow');

const { runWorkflow, callNodeMethod, testCredential } = require('../helpers/workflow-runner');
const { DummyHttp, CREDENTIAL_TYPES, NODE_TYPE } = require('./fixtures/dummy-package');
const { startTestServer } = require('./fixtures/test-server');

const nodeTypes = { [NODE_TYPE]: DummyHttp };
const credentialTypes = CREDENTIAL_TYPES;

/** Test Items → Dummy HTTP workflow, as n8n would export it. */
function workflowJson({
	items = [{ n: 1 }],
	parameters = {},
	credentials,
	nodeSettings = {},
} = {}) {
	return {
		nodes: [
			{
				id: '1',
				name: 'Items',
				type: 'test.items',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(items) },
			},
			{
				id: '2',
				name: 'Dummy',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials,
				...nodeSettings,
			},
		],
		connections: { Items: { main: [[{ node: 'Dummy', type: 'main', index: 0 }]] } },
	};
}

const echo = (req) => ({ body: { path: req.path, got: req.body } });

let server;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.requests.length = 0;
	server.handle(echo);
});

const tokenCredentials = () => ({
	dummyApi: { id: '1', name: 'Token', data: { baseUrl: `${server.url}/api/v1` } },
});

describe('runWorkflow: authentication through the real request helpers', () => {
	test('function-style authenticate sets baseURL from the credential; defaults are applied', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({ credentials: { dummyApi: { id: '1', name: 'Token' } } }),
		});

		expect(result.status).toBe('success');
		expect(result.jsonOf('Dummy')).toEqual([{ path: '/api/v1/echo', got: { n: 1 } }]);
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/echo' });
		// `token` was not stored: its default comes from the credential type's properties
		expect(server.requests[0].headers['x-token']).toBe('default-token');
		expect(result.executedNodes).toEqual(['Items', 'Dummy']);
	});

	test('generic authenticate resolves {{$credentials}} expressions; $self defaults resolve', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: {
				dummyGenericApi: { id: '7', name: 'Generic', data: { server: server.url, apiKey: 'abc' } },
			},
			workflow: workflowJson({
				parameters: { authentication: 'dummyGenericApi' },
				credentials: { dummyGenericApi: { id: '7', name: 'Generic' } },
			}),
		});

		expect(result.errorOf('Dummy')).toBeUndefined();
		expect(server.requests[0]).toMatchObject({ path: '/generic/echo', query: { auth: 'ABC' } });
		expect(server.requests[0].headers.authorization).toBe('Bearer abc');
	});

	test('OAuth2: 401 → refresh POST to the computed accessTokenUrl → retried request; store updated', async () => {
		const credentials = {
			dummyOAuth2Api: {
				id: '2',
				name: 'OAuth',
				data: {
					clientId: 'client-id',
					clientSecret: 'client-secret',
					domain: server.host,
					oauthTokenData: {
						access_token: 'old-token',
						refresh_token: 'refresh-1',
						client_endpoint: `${server.url}/rest/`,
						member_id: 'member-1',
					},
				},
			},
		};
		server.handle((req) => {
			if (req.path === '/oauth/token/') {
				return {
					body: { access_token: 'new-token', refresh_token: 'refresh-2', expires_in: 3600 },
				};
			}
			if (req.headers.authorization !== 'Bearer new-token')
				return { status: 401, body: { error: 'expired_token' } };
			return echo(req);
		});

		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			workflow: workflowJson({
				items: [{ n: 1 }, { n: 2 }],
				parameters: { authentication: 'dummyOAuth2Api' },
				credentials: { dummyOAuth2Api: { id: '2', name: 'OAuth' } },
			}),
		});

		expect(result.errorOf('Dummy')).toBeUndefined();
		expect(result.jsonOf('Dummy')).toEqual([
			{ path: '/rest/echo', got: { n: 1 } },
			{ path: '/rest/echo', got: { n: 2 } },
		]);
		expect(
			server.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`),
		).toEqual([
			'POST /rest/echo Bearer old-token',
			'POST /oauth/token/ ',
			'POST /rest/echo Bearer new-token',
			'POST /rest/echo Bearer new-token', // item 2 read the refreshed token back from the store
		]);
		// n8n-core's client-oauth2 refresh request ('authentication: body' puts the client in the body)
		expect(server.requests[1].body).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'refresh-1',
			client_id: 'client-id',
			client_secret: 'client-secret',
		});

		const stored = result.credentials.dummyOAuth2Api.data.oauthTokenData;
		expect(stored).toMatchObject({
			access_token: 'new-token',
			refresh_token: 'refresh-2',
			client_endpoint: `${server.url}/rest/`, // extra fields survive the refresh
			member_id: 'member-1',
		});
		expect(Number(stored.n8n_expires_at)).toBeGreaterThan(Date.now());
		// the caller's object is not mutated: every run starts from what the test passed
		expect(credentials.dummyOAuth2Api.data.oauthTokenData.access_token).toBe('old-token');
	});

	test('preAuthentication fills the expirable session once and persists it', async () => {
		server.handle((req) => {
			if (req.path === '/login') return { body: { session: `session-for-${req.body.password}` } };
			return req.headers['x-session'] === 'session-for-pw' ? echo(req) : { status: 401, body: {} };
		});
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: { dummySessionApi: { id: '9', data: { baseUrl: server.url, password: 'pw' } } },
			workflow: workflowJson({
				items: [{ n: 1 }, { n: 2 }],
				parameters: { authentication: 'dummySessionApi' },
				credentials: { dummySessionApi: { id: '9', name: 'Session' } },
			}),
		});

		expect(result.errorOf('Dummy')).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual(['/login', '/echo', '/echo']);
		expect(result.credentials.dummySessionApi.data.session).toBe('session-for-pw');
	});
});

describe('runWorkflow: n8n behaviours tests should know about', () => {
	test('hidden OAuth fields ignore stored values; credentialOverwrites redirect them', async () => {
		server.handle((req) => {
			if (req.path === '/custom-token')
				return { body: { access_token: 'new-token', refresh_token: 'r2' } };
			return req.headers.authorization === 'Bearer new-token'
				? echo(req)
				: { status: 401, body: { error: 'expired_token' } };
		});
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: {
				dummyOAuth2Api: {
					id: '2',
					data: {
						domain: 'unused.invalid',
						accessTokenUrl: 'http://stored.invalid/token', // hidden field: ignored, as in n8n
						clientId: 'a',
						clientSecret: 'b',
						oauthTokenData: {
							access_token: 'old',
							refresh_token: 'r1',
							client_endpoint: `${server.url}/rest/`,
						},
					},
				},
			},
			credentialOverwrites: { dummyOAuth2Api: { accessTokenUrl: `${server.url}/custom-token` } },
			workflow: workflowJson({
				parameters: { authentication: 'dummyOAuth2Api' },
				credentials: { dummyOAuth2Api: { id: '2', name: 'OAuth' } },
			}),
		});

		expect(result.errorOf('Dummy')).toBeUndefined();
		expect(server.requests.map((r) => r.path)).toEqual([
			'/rest/echo',
			'/custom-token',
			'/rest/echo',
		]);
		expect(result.credentials.dummyOAuth2Api.data.oauthTokenData.access_token).toBe('new-token');
	});

	test('a 401 with a non-OAuth credential is sent twice (n8n retries after preAuthentication)', async () => {
		server.handle(() => ({ status: 401, body: { error: 'NO_AUTH_FOUND' } }));
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({ credentials: { dummyApi: { id: '1', name: 'Token' } } }),
		});

		expect(server.requests).toHaveLength(2);
		expect(result.errorOf('Dummy')).toMatchObject({
			httpCode: '401',
			message: expect.stringMatching(/Authorization failed/),
		});
	});
});

describe('runWorkflow: items', () => {
	test('1,000 items from test.items keep their pairedItem through the node', async () => {
		const items = Array.from({ length: 1000 }, (_, n) => ({ n }));
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({ items, credentials: { dummyApi: { id: '1', name: 'Token' } } }),
		});

		const start = result.outputOf('Items');
		expect(start).toHaveLength(1000);
		expect(start[999]).toEqual({ json: { n: 999 }, pairedItem: { item: 0 } });

		const output = result.outputOf('Dummy');
		expect(output).toHaveLength(1000);
		output.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.got).toEqual({ n: i });
		});
		expect(server.requests).toHaveLength(1000);
	});

	test('a workflow exported from n8n with a Manual Trigger runs as-is', async () => {
		const workflow = workflowJson({ credentials: { dummyApi: { id: '1', name: 'Token' } } });
		workflow.nodes[0] = {
			id: '1',
			name: "When clicking 'Execute workflow'",
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		workflow.connections = { [workflow.nodes[0].name]: workflow.connections.Items };

		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow,
		});
		// n8n-core drops an empty `{}` body (removeEmptyBody), so the POST arrives without one
		expect(result.jsonOf('Dummy')).toEqual([{ path: '/api/v1/echo', got: '' }]);
	});
});

describe('runWorkflow: node errors', () => {
	const failing = (req) =>
		req.body.fail
			? { status: 400, body: { error: 'ERROR_CORE', error_description: 'Deal not found' } }
			: echo(req);
	const items = [{ n: 0 }, { n: 1, fail: true }, { n: 2 }];

	test.each([
		['continueOnFail: true', { continueOnFail: true }],
		["onError: 'continueRegularOutput'", { onError: 'continueRegularOutput' }],
	])('%s turns the failing item into an error item', async (_label, nodeSettings) => {
		server.handle(failing);
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({
				items,
				nodeSettings,
				credentials: { dummyApi: { id: '1', name: 'Token' } },
			}),
		});

		expect(result.status).toBe('success');
		expect(result.errorOf('Dummy')).toBeUndefined();
		const output = result.outputOf('Dummy');
		expect(output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toMatch(/Bad request/);
		expect(output[2].json.got).toEqual({ n: 2 });
	});

	test("onError: 'continueErrorOutput' routes error items to the error output", async () => {
		server.handle(failing);
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({
				items,
				nodeSettings: { onError: 'continueErrorOutput' },
				credentials: { dummyApi: { id: '1', name: 'Token' } },
			}),
		});

		expect(result.outputOf('Dummy').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		const [errorItem] = result.outputOf('Dummy', { output: 1 });
		expect(errorItem.pairedItem).toEqual({ item: 1 });
		// n8n merges the paired input item into the error item's json
		expect(errorItem.json).toMatchObject({
			n: 1,
			fail: true,
			error: expect.stringMatching(/Bad request/),
		});
	});

	test('without continueOnFail the run fails with the NodeApiError, itemIndex included', async () => {
		server.handle(failing);
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({ items, credentials: { dummyApi: { id: '1', name: 'Token' } } }),
		});

		expect(result.status).toBe('error');
		expect(result.outputOf('Dummy')).toBeUndefined();
		const error = result.errorOf('Dummy');
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/Bad request/);
		// NodeApiError does not look at `error_description`: the body only lands in context.data
		expect(error.description).toBe('Request failed with status code 400');
		expect(error.context.data).toEqual({
			error: 'ERROR_CORE',
			error_description: 'Deal not found',
		});
		expect(error.context.itemIndex).toBe(1);
		expect(result.error.message).toBe(error.message);
		expect(server.requests).toHaveLength(2); // stopped at the failing item
	});

	test('NodeOperationError keeps description and itemIndex', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			workflow: workflowJson({
				items: [{ n: 0 }, { invalid: true }],
				credentials: { dummyApi: { id: '1', name: 'Token' } },
			}),
		});

		const error = result.errorOf('Dummy');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({
			message: 'Item is invalid',
			description: 'The item has invalid: true',
		});
		expect(error.context.itemIndex).toBe(1);
	});

	test('a node without its credential fails like in n8n', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: {},
			workflow: workflowJson(),
		});
		expect(result.errorOf('Dummy').message).toBe('Node does not have any credentials set');
	});
});

describe('node methods and credential tests', () => {
	beforeEach(() => {
		server.handle((req) => {
			if (req.path.endsWith('/statuses')) {
				const all = [
					{ ID: 'NEW', NAME: 'New' },
					{ ID: 'WON', NAME: 'Won' },
				];
				return {
					body: {
						result: all.filter((s) => !req.query.filter || s.NAME.includes(req.query.filter)),
					},
				};
			}
			if (req.path === '/api/v1/profile') {
				return req.headers['x-token'] === 'good'
					? { body: { ID: 1 } }
					: { body: { error: 'invalid_token' } };
			}
			return { status: 401, body: { error: 'NO_AUTH_FOUND' } };
		});
	});

	const methodNode = {
		type: NODE_TYPE,
		parameters: { authentication: 'dummyApi' },
		credentials: { dummyApi: { id: '1', name: 'Token' } },
	};

	test('loadOptions method runs with real HTTP and credentials', async () => {
		const { result } = await callNodeMethod({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			node: methodNode,
			method: 'getStatuses',
		});
		expect(result).toEqual([
			{ name: 'New', value: 'NEW' },
			{ name: 'Won', value: 'WON' },
		]);
		expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/statuses' });
	});

	test('listSearch method gets filter', async () => {
		const { result } = await callNodeMethod({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			node: methodNode,
			kind: 'listSearch',
			method: 'searchStatuses',
			filter: 'Wo',
		});
		expect(result).toEqual({ results: [{ name: 'Won', value: 'WON' }] });
	});

	test('resourceMapping method', async () => {
		server.handle((req) => ({
			body: { result: { TITLE: { title: 'Title', isRequired: true } }, path: req.path },
		}));
		const { result } = await callNodeMethod({
			nodeTypes,
			credentialTypes,
			credentials: tokenCredentials(),
			node: methodNode,
			kind: 'resourceMapping',
			method: 'getFields',
		});
		expect(result.fields).toEqual([
			{
				id: 'TITLE',
				displayName: 'Title',
				required: true,
				defaultMatch: false,
				display: true,
				type: 'string',
			},
		]);
		expect(server.requests[0].path).toBe('/api/v1/fields');
	});

	test("credential test: the type's test request goes through authenticate()", async () => {
		const base = { baseUrl: `${server.url}/api/v1` };
		await expect(
			testCredential({ credentialTypes, type: 'dummyApi', data: { ...base, token: 'good' } }),
		).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		await expect(
			testCredential({ credentialTypes, type: 'dummyApi', data: { ...base, token: 'bad' } }),
		).resolves.toEqual({
			status: 'Error',
			message: 'Token is invalid',
		});
		await expect(
			testCredential({
				credentialTypes,
				type: 'dummyApi',
				data: { baseUrl: `${server.url}/other` },
			}),
		).resolves.toMatchObject({
			status: 'Error',
		});
	});

	test('OAuth2 credential without a test: OK when it has an access token (as n8n)', async () => {
		const data = { domain: server.host, clientId: 'a', clientSecret: 'b' };
		await expect(
			testCredential({ credentialTypes, nodeTypes, type: 'dummyOAuth2Api', data }),
		).resolves.toMatchObject({ status: 'Error' });
		await expect(
			testCredential({
				credentialTypes,
				nodeTypes,
				type: 'dummyOAuth2Api',
				data: { ...data, oauthTokenData: { access_token: 'x' } },
			}),
		).resolves.toMatchObject({ status: 'OK' });
	});
});

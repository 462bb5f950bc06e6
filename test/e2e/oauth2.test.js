// The Bitrix24 node with the OAuth2 credential inside a real n8n: token data seeded through
// `n8n import:credentials`, the access token expiring in the middle of a run, n8n renewing it.
const {
	prepareN8n,
	startSandbox,
	oauthCredential,
	OAUTH_CREDENTIAL,
	nodeOutput,
	cleanUp,
} = require('./harness');

const exportWorkflow = {
	id: 'e2eOAuthExport01',
	name: 'OAuth2 export',
	nodes: [
		{
			id: 'm',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'b',
			name: 'All leads',
			type: 'n8n-nodes-bitrix24.bitrix24',
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				authentication: 'oAuth2',
				resource: 'lead',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
			},
			credentials: { bitrix24OAuth2Api: { id: OAUTH_CREDENTIAL.id, name: OAUTH_CREDENTIAL.name } },
		},
	],
	connections: { Start: { main: [[{ node: 'All leads', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

describe('OAuth2 credential in a real n8n', () => {
	let n8n;
	let sandbox;
	let original;

	beforeAll(async () => {
		sandbox = await startSandbox();
		sandbox.seedLeads(6000, (i) => ({ TITLE: `OAuth lead ${i}` }));
		n8n = await prepareN8n('oauth2');
		const credential = oauthCredential(sandbox);
		original = credential.data.oauthTokenData;
		await n8n.importCredentials([credential]);
		await n8n.importWorkflow(exportWorkflow);
	});

	afterAll(async () => {
		await cleanUp(n8n);
		await sandbox?.stop();
	});

	it('exports every lead while the token expires mid-run, renewing it once and storing the new tokens', async () => {
		sandbox.faults.add({ type: 'expireTokens', on: [2] });
		const run = await n8n.execute(exportWorkflow.id);
		expect(run.status).toBe('success');
		const ids = nodeOutput(run, 'All leads').map((item) => item.json.ID);
		expect(ids).toEqual(sandbox.leads().map((lead) => lead.ID));
		expect(sandbox.log.every((entry) => entry.auth === 'oauth')).toBe(true);
		// The export reads ID ranges side by side: every request signed with the old token is refused
		// (and not executed); n8n renews the token once for all of them and each is resent.
		const refused = sandbox.log.filter((entry) => entry.error === 'expired_token');
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(refused.every((entry) => entry.executed === false)).toBe(true);
		expect(sandbox.tokenLog).toEqual([
			expect.objectContaining({ grantType: 'refresh_token', status: 200 }),
		]);

		const { stdout } = await n8n.cliOrThrow([
			'export:credentials',
			`--id=${OAUTH_CREDENTIAL.id}`,
			'--decrypted',
		]);
		const [stored] = JSON.parse(stdout.slice(stdout.indexOf('[')));
		const token = stored.data.oauthTokenData;
		expect(token.refresh_token).not.toBe(original.refresh_token);
		expect(token.client_endpoint).toBe(`${sandbox.url}/rest/`);
		const status = (accessToken) =>
			fetch(`${sandbox.url}/rest/user.current.json?auth=${accessToken}`).then(
				(response) => response.status,
			);
		expect(await status(token.access_token)).toBe(200);
		expect(await status(original.access_token)).toBe(401);
	});

	it('keeps working on the next run with the renewed tokens', async () => {
		sandbox.faults.clear();
		sandbox.clearLog();
		const run = await n8n.execute(exportWorkflow.id);
		expect(run.status).toBe('success');
		expect(nodeOutput(run, 'All leads')).toHaveLength(6000);
		expect(sandbox.log.filter((entry) => entry.status === 401)).toHaveLength(0);
	});
});

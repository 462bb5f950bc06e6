const { testCredential } = require('../helpers/workflow-runner');
const {
	startPortal,
	credentialsFor,
	runBitrix24,
	NODE_TYPE,
	Bitrix24,
	Bitrix24WebhookApi,
	Bitrix24OAuth2Api,
} = require('../helpers/bitrix24');

describe('credential "Test" button', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	const test = (data) =>
		testCredential({
			credentialTypes: [Bitrix24WebhookApi, Bitrix24OAuth2Api],
			nodeTypes: { [NODE_TYPE]: Bitrix24 },
			type: 'bitrix24WebhookApi',
			data,
		});

	it('accepts a working webhook URL, also with the example method pasted after it', async () => {
		expect((await test({ webhookUrl: portal.webhookUrl })).status).toBe('OK');
		expect((await test({ webhookUrl: `${portal.webhookUrl}profile.json` })).status).toBe('OK');
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['user.current', 'user.current']);
	});

	it('rejects a wrong code and explains a malformed URL', async () => {
		const wrong = await test({ webhookUrl: `${portal.url}/rest/1/nope42/` });
		expect(wrong.status).toBe('Error');
		const malformed = await test({ webhookUrl: `${portal.url}/api/nope42` });
		expect(malformed).toEqual({
			status: 'Error',
			message: expect.stringMatching(/should look like https:\/\/your-portal/),
		});
		expect(malformed.message).not.toContain('nope42');
	});
});

describe('OAuth2 credential', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('renews tokens at the portal itself when the custom OAuth server is left empty (on-premise)', async () => {
		const credentials = credentialsFor(portal, 'oAuth2', {
			portalUrl: `${portal.url}/`,
			customOauthServer: '',
		});
		portal.expireAccessTokens();
		const { output, error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			credentials,
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'user.current',
				parametersMode: 'none',
			},
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result.ID).toBeDefined();
		expect(portal.tokenLog).toEqual([
			expect.objectContaining({ grantType: 'refresh_token', status: 200 }),
		]);
	});

	it('sends the client secret only to the OAuth server, never to the portal REST API', async () => {
		const { error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			parameters: { resource: 'lead', operation: 'create', title: 'Secret check' },
		});
		expect(error).toBeUndefined();
		expect(JSON.stringify(portal.log)).not.toContain(portal.oauth.clientSecret);
	});
});

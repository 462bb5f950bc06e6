const { startPortal, credentialsFor, runBitrix24 } = require('../helpers/bitrix24');

const currentUser = {
	resource: 'method',
	operation: 'call',
	method: 'user.current',
	parametersMode: 'none',
};

describe('Bitrix24 OAuth2 API in a workflow', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('calls the portal at client_endpoint with the access token', async () => {
		const { output, error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			parameters: currentUser,
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result.ID).toBeDefined();
		expect(portal.log[0].auth).toBe('oauth');
	});

	it('a revoked refresh token asks to reconnect', async () => {
		const credentials = credentialsFor(portal, 'oAuth2');
		credentials.bitrix24OAuth2Api.data.oauthTokenData.refresh_token = 'revoked';
		portal.expireAccessTokens();
		const { error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			parameters: currentUser,
			credentials,
		});
		expect(error).toBeDefined();
		expect(`${error.message} ${error.description ?? ''}`).toMatch(/reconnect/i);
		expect(JSON.stringify(error)).not.toContain(portal.oauth.clientSecret);
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

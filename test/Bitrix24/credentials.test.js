const { startPortal, runBitrix24, credentialsFor } = require('../helpers/bitrix24');

describe('Bitrix24 credentials', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	const currentUser = {
		resource: 'method',
		operation: 'call',
		method: 'user.current',
		parametersMode: 'none',
	};

	it('webhook: a malformed URL is explained without echoing it', async () => {
		const credentials = credentialsFor(portal, 'webhook', {
			webhookUrl: `${portal.url}/rest/sbx4wh00k5ecr3t`,
		});
		const { error } = await runBitrix24(portal, { parameters: currentUser, credentials });
		expect(error.message).toBe('The Bitrix24 webhook URL in the credential is not valid');
		expect(error.description).toMatch(/rest\/1\/abc123xyz/);
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain('sbx4wh00k5ecr3t');
		expect(portal.log).toHaveLength(0);
	});

	it('webhook: a wrong code gets a clear error and never shows the code', async () => {
		const credentials = credentialsFor(portal, 'webhook', {
			webhookUrl: `${portal.url}/rest/1/wrongsecret42/`,
		});
		const { error } = await runBitrix24(portal, { parameters: currentUser, credentials });
		expect(error.message).toMatch(/^Bitrix24 user\.current: /);
		expect(error.message).toMatch(/INVALID_CREDENTIALS/);
		expect(error.description).toMatch(/Inbound webhook/);
		expect(JSON.stringify(error)).not.toContain('wrongsecret42');
	});

	it('webhook: event.bind explains that OAuth2 is needed', async () => {
		const { error } = await runBitrix24(portal, {
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'event.bind',
				parametersJson: '{"event": "ONCRMLEADADD", "handler": "https://example.com/hook"}',
			},
		});
		expect(error.message).toMatch(/WRONG_AUTH_TYPE/);
		expect(error.description).toMatch(/Bitrix24 OAuth2 API/);
		expect(error.httpCode).toBe('403');
	});

	it('OAuth2: calls the portal at client_endpoint with the access token', async () => {
		const { output, error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			parameters: currentUser,
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result.ID).toBeDefined();
		expect(portal.log[0].auth).toBe('oauth');
	});

	it('OAuth2: a revoked refresh token asks to reconnect', async () => {
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
});

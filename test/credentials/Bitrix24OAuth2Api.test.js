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

	it('a refresh token the OAuth server refuses: the refusal, the fix and the real status', async () => {
		const clock = { t: Date.UTC(2026, 0, 5), now: () => clock.t };
		await portal.stop();
		portal = await startPortal({ now: clock.now });
		const credentials = credentialsFor(portal, 'oAuth2');
		// Refresh tokens live 180 days: half a year later both tokens are dead.
		clock.t += 181 * 24 * 3600 * 1000;
		const { error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			parameters: currentUser,
			credentials,
		});
		expect(error.message).toBe(
			'Bitrix24 user.current: The OAuth server refused the refresh token [invalid_grant]',
		);
		expect(error.description).toMatch(/Reconnect the "Bitrix24 OAuth2 API" credential/);
		expect(error.description).toMatch(/"Connect my account" again/);
		expect(error.description).toMatch(/HTTP status 400\.$/);
		expect(error.httpCode).toBe('400');
		expect(portal.tokenLog).toEqual([
			expect.objectContaining({ grantType: 'refresh_token', status: 400, error: 'invalid_grant' }),
		]);
		const shown = JSON.stringify(error);
		const { oauthTokenData } = credentials.bitrix24OAuth2Api.data;
		for (const secret of [
			portal.oauth.clientSecret,
			oauthTokenData.access_token,
			oauthTokenData.refresh_token,
		])
			expect(shown).not.toContain(secret);
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

describe('Bitrix24 OAuth2 API: a plain http:// portal address', () => {
	const { NodeHelpers } = require('n8n-workflow');
	const { Bitrix24OAuth2Api } = require('../helpers/bitrix24');
	const noticesFor = (portalUrl) =>
		new Bitrix24OAuth2Api().properties
			.filter((property) => property.type === 'notice')
			.filter((property) => NodeHelpers.displayParameter({ portalUrl }, property, null))
			.map((property) => property.displayName);

	it('is warned about; an https:// address or a bare host name is not', () => {
		expect(noticesFor('http://acme.bitrix24.com')).toEqual([
			expect.stringMatching(/only over HTTPS.*unencrypted/),
		]);
		for (const portalUrl of ['https://acme.bitrix24.com', 'acme.bitrix24.com', ''])
			expect(noticesFor(portalUrl)).toEqual([]);
	});
});

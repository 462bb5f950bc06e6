// Credential data that points the package's credentials at a sandbox portal; shared by the
// workflow tests (n8n-core) and the end-to-end tests (real n8n).

/** Bitrix24 Webhook API data for the sandbox's inbound webhook. */
function webhookData(sandbox) {
	return { secretWebhookUrl: sandbox.webhookUrl };
}

/** Bitrix24 OAuth2 API data with freshly issued tokens; the sandbox is also the OAuth server. */
function oauthData(sandbox) {
	return {
		portalUrl: sandbox.url,
		oauthServer: 'custom',
		customOauthServer: sandbox.url,
		clientId: sandbox.oauth.clientId,
		clientSecret: sandbox.oauth.clientSecret,
		oauthTokenData: sandbox.issueTokens({ userId: 1 }),
	};
}

module.exports = { webhookData, oauthData };

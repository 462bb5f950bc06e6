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

const currentUser = {
	resource: 'method',
	operation: 'call',
	method: 'user.current',
	parametersMode: 'none',
};

describe('Bitrix24 Webhook API: the credential "Test" button', () => {
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
		expect((await test({ secretWebhookUrl: portal.webhookUrl })).status).toBe('OK');
		expect((await test({ secretWebhookUrl: `${portal.webhookUrl}profile.json` })).status).toBe(
			'OK',
		);
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['user.current', 'user.current']);
	});

	it('rejects a wrong code and explains a malformed URL', async () => {
		const wrong = await test({ secretWebhookUrl: `${portal.url}/rest/1/nope42/` });
		expect(wrong.status).toBe('Error');
		const malformed = await test({ secretWebhookUrl: `${portal.url}/api/nope42` });
		expect(malformed).toEqual({
			status: 'Error',
			message: expect.stringMatching(/should look like https:\/\/your-portal/),
		});
		expect(malformed.message).not.toContain('nope42');
	});
});

describe('Bitrix24 Webhook API in a workflow', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('a malformed URL is explained without echoing it', async () => {
		const credentials = credentialsFor(portal, 'webhook', {
			secretWebhookUrl: `${portal.url}/rest/sbx4wh00k5ecr3t`,
		});
		const { error } = await runBitrix24(portal, { parameters: currentUser, credentials });
		expect(error.message).toBe('The Bitrix24 webhook URL in the credential is not valid');
		expect(error.description).toMatch(/rest\/1\/abc123xyz/);
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain('sbx4wh00k5ecr3t');
		expect(portal.log).toHaveLength(0);
	});

	it('a wrong code gets a clear error and never shows the code', async () => {
		const credentials = credentialsFor(portal, 'webhook', {
			secretWebhookUrl: `${portal.url}/rest/1/wrongsecret42/`,
		});
		const { error } = await runBitrix24(portal, { parameters: currentUser, credentials });
		expect(error.message).toMatch(/^Bitrix24 user\.current: /);
		expect(error.message).toMatch(/INVALID_CREDENTIALS/);
		expect(error.description).toMatch(/Inbound webhook/);
		expect(JSON.stringify(error)).not.toContain('wrongsecret42');
	});

	it('event.bind explains that OAuth2 is needed', async () => {
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
});

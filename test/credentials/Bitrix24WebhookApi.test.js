const http = require('node:http');

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
		// `profile` answers whatever scopes the webhook has.
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['profile', 'profile']);
	});

	it('accepts a webhook that only has the CRM scope', async () => {
		const crmOnly = await startPortal({ webhook: { scope: ['crm'] } });
		try {
			expect(await test({ secretWebhookUrl: crmOnly.webhookUrl })).toEqual({
				status: 'OK',
				message: 'Connection successful',
			});
		} finally {
			await crmOnly.stop();
		}
	});

	it('explains a wrong code as the node does, sending the test once and never showing the code', async () => {
		const wrong = await test({ secretWebhookUrl: `${portal.url}/rest/1/nope42/` });
		expect(wrong).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/^Bitrix24 profile: Invalid request credentials \[INVALID_CREDENTIALS\]\. The webhook URL is wrong, was deleted or has expired\. .*Inbound webhook.* HTTP status 401\.$/,
			),
		});
		expect(wrong.message).not.toContain('nope42');
		expect(portal.log).toHaveLength(1);
	});

	it('says the portal cannot be reached, naming its address but not the webhook URL', async () => {
		const closed = await startPortal();
		const origin = closed.url;
		await closed.stop();
		const result = await test({ secretWebhookUrl: `${origin}/rest/1/sbx4wh00k5ecr3t/` });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			new RegExp(
				`^Bitrix24 at ${origin.replace(/[.]/g, '\\.')}: cannot reach the portal: connection refused\\. Nothing accepted the connection`,
			),
		);
		expect(result.message).toMatch(/\(ECONNREFUSED\)$/);
		expect(result.message).not.toContain('sbx4wh00k5ecr3t');
	});

	it('says when the address is not a Bitrix24 portal, even one that quotes the path it was sent', async () => {
		const answers = [
			[404, 'text/html', '<html><body>Not Found</body></html>'],
			[404, 'application/json', null],
		];
		const other = http.createServer((request, response) => {
			const [status, type, body] = answers.shift();
			response.writeHead(status, { 'Content-Type': type });
			response.end(
				body ?? JSON.stringify({ error: 'NOT_FOUND', error_description: `No ${request.url}` }),
			);
		});
		await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${other.address().port}/rest/1/abc123/`;
			const html = await test({ secretWebhookUrl: url });
			expect(html.status).toBe('Error');
			expect(html.message).toMatch(/not as a Bitrix24 portal's REST API does.* HTTP status 404\.$/);
			const echoing = await test({ secretWebhookUrl: url });
			expect(echoing.message).toBe(
				'Bitrix24 profile: No /rest/profile.json [NOT_FOUND]. HTTP status 404.',
			);
			expect(`${html.message} ${echoing.message}`).not.toContain('abc123');
		} finally {
			await new Promise((resolve) => other.close(resolve));
		}
	});

	it('explains a malformed URL without echoing it', async () => {
		const malformed = await test({ secretWebhookUrl: `${portal.url}/api/nope42` });
		expect(malformed).toEqual({
			status: 'Error',
			message: expect.stringMatching(/should look like https:\/\/your-portal/),
		});
		expect(malformed.message).not.toContain('nope42');
		expect(portal.log).toHaveLength(0);
	});

	it('says HTTPS is required when Bitrix24 refuses plain HTTP', async () => {
		const { bitrix24WebhookApiTest } = new Bitrix24().methods.credentialTest;
		const sent = [];
		const context = {
			helpers: {
				request: async (options) => {
					sent.push(options);
					return {
						statusCode: 400,
						body: { error: 'INVALID_REQUEST', error_description: 'Https required.' },
					};
				},
			},
		};
		const result = await bitrix24WebhookApiTest.call(context, {
			id: '1',
			name: 'Webhook',
			type: 'bitrix24WebhookApi',
			data: { secretWebhookUrl: 'http://acme.bitrix24.com/rest/1/s3cr3tc0de/' },
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/requires HTTPS .*https:\/\/ address in the credential/);
		expect(result.message).not.toContain('s3cr3tc0de');
		expect(sent).toHaveLength(1);
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
		// Sent once: n8n repeats a request that failed with 401, which helps no webhook.
		expect(portal.log).toHaveLength(1);
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

describe('Bitrix24 Webhook API: a plain http:// address', () => {
	const { NodeHelpers } = require('n8n-workflow');
	/** The notices n8n's credential form shows for this webhook URL. */
	const noticesFor = (secretWebhookUrl) =>
		new Bitrix24WebhookApi().properties
			.filter((property) => property.type === 'notice')
			.filter((property) => NodeHelpers.displayParameter({ secretWebhookUrl }, property, null))
			.map((property) => property.displayName);

	it('is warned about: Bitrix24 answers webhook calls only over HTTPS', () => {
		for (const url of [
			'http://acme.bitrix24.com/rest/1/abc123/',
			' HTTP://crm.example.org/rest/1/x/',
		])
			expect(noticesFor(url)).toEqual([expect.stringMatching(/only over HTTPS.*"Https required"/)]);
		for (const url of ['https://acme.bitrix24.com/rest/1/abc123/', ''])
			expect(noticesFor(url)).toEqual([]);
	});
});

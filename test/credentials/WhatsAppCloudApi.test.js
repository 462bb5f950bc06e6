// The WhatsApp Cloud API credential: its Test button (two cheap reads, failures explained),
// and the Bearer header n8n adds to every request.
const { createWhatsAppSandbox } = require('../../sandbox/whatsapp');
const { whatsAppCloudApiTest } = require('../../nodes/shared/whatsapp/transport');
const { WhatsAppCloudApi } = require('../../credentials/WhatsAppCloudApi.credentials');

async function closedPortUrl() {
	const net = require('node:net');
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}

let wa;
beforeEach(async () => {
	wa = createWhatsAppSandbox();
	await wa.start();
});
afterEach(async () => wa.stop());

/** `this` of a credential test: n8n's request helper (request-promise options). */
const testContext = {
	helpers: {
		async request({ method, uri, headers, json }) {
			const response = await fetch(uri, { method, headers });
			const text = await response.text();
			return { statusCode: response.status, body: json ? JSON.parse(text) : text };
		},
	},
};
const test_ = (data) =>
	whatsAppCloudApiTest.call(testContext, {
		id: '1',
		name: 'WhatsApp',
		type: 'whatsAppCloudApi',
		data,
	});

test('OK names the verified business and the Graph API version', async () => {
	expect(await test_(wa.credentials())).toEqual({
		status: 'OK',
		message: 'Connected: Sandbox Shop +1 555-010-0001 (Graph API v25.0)',
	});
	expect(wa.log.map((entry) => entry.kind)).toEqual(['phone.get', 'waba.get']);
});

test.each([
	[{ accessToken: '' }, 'Paste the access token of a system user.'],
	[
		{ accessToken: 'wrong' },
		/^Phone Number ID: The access token expired or is not valid \(WhatsApp error 190\)\. Create a system user access token/,
	],
	[
		{ phoneNumberId: '999' },
		/^Phone Number ID: Invalid parameter \(WhatsApp error 100\)\. Meta does not know this phone number ID/,
	],
	[
		{ phoneNumberId: '+1 555 0100' },
		/^Phone Number ID: Phone Number ID is a number Meta shows in WhatsApp → API Setup/,
	],
	[
		{ businessAccountId: '888' },
		/^WhatsApp Business Account ID: Invalid parameter \(WhatsApp error 100\)\. Meta does not know this WhatsApp Business Account ID/,
	],
	[
		{ graphApiVersion: '25' },
		'Graph API Version: "25" is not a Graph API version; write it like v25.0',
	],
	[{ baseUrl: 'closed' }, /^Could not reach the Graph API \(ECONNREFUSED\)/],
])('%j', async (overrides, expected) => {
	if (overrides.baseUrl === 'closed') overrides = { baseUrl: await closedPortUrl() };
	const result = await test_(wa.credentials(overrides));
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(expected);
	expect(result.message).not.toContain(wa.accessToken);
});

test('expired token: explained', async () => {
	wa.expireToken();
	expect((await test_(wa.credentials())).message).toMatch(/expired or is not valid/);
});

test('authenticates with the Bearer header; secrets are password fields', () => {
	const credential = new WhatsAppCloudApi();
	expect(credential.authenticate).toEqual({
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	});
	const secret = (name) =>
		credential.properties.find((property) => property.name === name).typeOptions?.password;
	expect(['accessToken', 'appSecret', 'verifyToken'].map(secret)).toEqual([true, true, true]);
	expect(
		credential.properties.find((property) => property.name === 'graphApiVersion').default,
	).toBe('v25.0');
});

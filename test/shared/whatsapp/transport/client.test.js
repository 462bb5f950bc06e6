// The Graph transport on a virtual clock against the fake: pacing to the pair rate and the
// number's throughput, repeating only what provably did not run, never a message twice.
const { createWhatsAppSandbox } = require('../../../../sandbox/whatsapp');
const { GraphClient, resetPacing } = require('../../../../nodes/shared/whatsapp/transport');
const { readSettings } = require('../../../../nodes/shared/whatsapp/settings');

const CUSTOMER = '4915112345678';

/** A node context whose HTTP helpers behave like n8n's (full response, status errors ignored). */
function contextFor(credentials, logs) {
	const request = async (options, authenticated) => {
		const url = new URL(options.url);
		for (const [key, value] of Object.entries(options.qs ?? {}))
			url.searchParams.set(key, String(value));
		const headers = { ...(options.headers ?? {}) };
		if (authenticated) headers.Authorization = `Bearer ${credentials.accessToken}`;
		let body;
		if (Buffer.isBuffer(options.body)) body = options.body;
		else if (options.body !== undefined) {
			body = JSON.stringify(options.body);
			headers['content-type'] = 'application/json';
		}
		let response;
		try {
			response = await fetch(url, { method: options.method, headers, body });
		} catch (error) {
			const code = error.cause?.code === 'UND_ERR_SOCKET' ? 'ECONNRESET' : error.cause?.code;
			throw Object.assign(new Error('request failed'), {
				cause: Object.assign(new Error(code), { code }),
			});
		}
		const bytes = Buffer.from(await response.arrayBuffer());
		let parsed = bytes;
		if (options.encoding !== 'arraybuffer') {
			try {
				parsed = JSON.parse(bytes.toString('utf8'));
			} catch {
				parsed = bytes.toString('utf8');
			}
		}
		return {
			statusCode: response.status,
			body: parsed,
			headers: Object.fromEntries(response.headers),
		};
	};
	return {
		getNode: () => ({
			id: 'n',
			name: 'WhatsApp Cloud',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => credentials,
		logger: { debug: () => {}, info: (message) => logs.push(message), warn: () => {} },
		helpers: {
			httpRequestWithAuthentication: (_type, options) => request(options, true),
			httpRequest: (options) => request(options, false),
		},
	};
}

let wa;
let clock;
let sleeps;
let logs;
beforeEach(async () => {
	resetPacing();
	clock = { now: Date.UTC(2026, 5, 1) };
	sleeps = [];
	logs = [];
	wa = createWhatsAppSandbox({ now: () => clock.now });
	await wa.start();
	wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
});
afterEach(async () => wa.stop());

function client(overrides = {}) {
	const credentials = wa.credentials(overrides);
	const runtime = {
		now: () => clock.now,
		sleep: async (ms) => {
			sleeps.push(ms);
			clock.now += ms;
		},
	};
	const read = readSettings(credentials);
	return new GraphClient(contextFor(credentials, logs), read.settings, runtime);
}

const text = (body, to = CUSTOMER) => ({ to, type: 'text', text: { body } });
const messageRequests = () => wa.log.filter((entry) => entry.kind === 'messages');

test('60 messages to one customer are paced to the pair rate: a burst of 45, then one every 6 s; Meta refuses none', async () => {
	const graph = client();
	for (let i = 0; i < 60; i++) await graph.sendMessage(text(`m${i}`));
	expect(messageRequests()).toHaveLength(60);
	expect(messageRequests().every((entry) => entry.status === 200)).toBe(true);
	expect(wa.sent).toHaveLength(60);
	// The 15 messages after the burst each waited for their turn; none before.
	expect(sleeps).toHaveLength(15);
	expect(sleeps.every((ms) => ms > 0 && ms <= 6000)).toBe(true);
});

test('throughput: 120 messages to different customers at 80 per second are paced; Meta refuses none', async () => {
	const graph = client({ throughput: 80 });
	for (let i = 0; i < 120; i++) {
		const to = `4915100${String(i).padStart(6, '0')}`;
		wa.limits.customerWrote(wa.phoneNumberId, to);
		await graph.sendMessage(text('x', to));
	}
	expect(messageRequests().filter((entry) => entry.errorCode === 130429)).toHaveLength(0);
	expect(wa.sent).toHaveLength(120);
});

test('130429 twice: Meta did not send, so the message is sent again and stored exactly once', async () => {
	wa.faults.add({ type: 'error', code: 130429, times: 2, match: { kind: 'messages' } });
	const answer = await client().sendMessage(text('hi'));
	expect(answer.messages[0].id).toMatch(/^wamid\./);
	expect(messageRequests().map((entry) => entry.errorCode)).toEqual([130429, 130429, null]);
	expect(wa.sent).toHaveLength(1);
	expect(
		logs.filter((line) =>
			/Throughput limit reached \(130429\); Meta did not run the request/.test(line),
		),
	).toHaveLength(2);
});

test('131056 is waited out 4^X seconds while Max Wait allows, then fails saying nothing was sent', async () => {
	wa.faults.add({ type: 'error', code: 131056, times: 10, match: { kind: 'messages' } });
	const error = await client({ maxRateLimitWaitSeconds: 20 })
		.sendMessage(text('hi'))
		.catch((thrown) => thrown);
	// 1 s and 4 s fit into 20 s; 16 s more would not.
	expect(messageRequests()).toHaveLength(3);
	expect(sleeps.filter((ms) => ms >= 1000)).toEqual(expect.arrayContaining([1000, 4000]));
	expect(error.message).toBe(
		'Could not send the message: Too many messages to this customer (pair rate limit) (WhatsApp error 131056)',
	);
	expect(error.description).toMatch(/nothing was sent/);
	expect(wa.sent).toHaveLength(0);
});

test('a message whose connection broke after sending is not sent again', async () => {
	wa.faults.add({ type: 'dropAfter', on: [1] });
	const error = await client()
		.sendMessage(text('hi'))
		.catch((thrown) => thrown);
	expect(error.message).toBe('Could not send the message: the connection to Meta broke');
	expect(error.description).toMatch(/Meta may have run it; it was not sent again.*\(ECONNRESET\)$/);
	expect(messageRequests()).toHaveLength(1);
	expect(wa.sent).toHaveLength(1);
});

test('an unknown failure (131000, HTTP 500) of a send is not repeated; a service error of a read is', async () => {
	wa.faults.add({ type: 'error', code: 131000, on: [1] });
	const error = await client()
		.sendMessage(text('hi'))
		.catch((thrown) => thrown);
	expect(error.message).toMatch(/Something went wrong \(WhatsApp error 131000\)/);
	expect(messageRequests()).toHaveLength(1);
	wa.faults.add({ type: 'error', code: 2, on: [2] });
	const phone = await client().request({
		method: 'GET',
		path: wa.phoneNumberId,
		kind: 'read',
		action: 'read the phone number',
	});
	expect(phone.id).toBe(wa.phoneNumberId);
	expect(wa.log.map((entry) => entry.errorCode)).toEqual([131000, 2, null]);
});

test('a read whose connection broke is repeated', async () => {
	wa.faults.add({ type: 'dropBefore', on: [1] });
	const rows = await client().list(`${wa.wabaId}/message_templates`, { limit: 2 });
	expect(rows).toHaveLength(4);
	expect(wa.log.map((entry) => entry.dropped)).toEqual([true, false, false]);
});

test('Meta unreachable: tried again (nothing left the machine), then an error saying nothing was sent', async () => {
	const port = await (async () => {
		const net = require('node:net');
		const server = net.createServer();
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port: free } = server.address();
		await new Promise((resolve) => server.close(resolve));
		return free;
	})();
	const error = await client({ baseUrl: `http://127.0.0.1:${port}` })
		.sendMessage(text('hi'))
		.catch((thrown) => thrown);
	expect(error.message).toBe('Could not send the message: Meta could not be reached');
	expect(error.description).toMatch(/Nothing was sent/);
	expect(sleeps).toEqual([1000, 2000, 4000]);
});

test('an expired token (190) fails at once with how to get a lasting one, and the error holds no token', async () => {
	wa.expireToken();
	const error = await client()
		.sendMessage(text('hi'))
		.catch((thrown) => thrown);
	expect(error.message).toBe(
		'Could not send the message: The access token expired or is not valid (WhatsApp error 190)',
	);
	expect(error.description).toMatch(/system user access token/);
	expect(
		JSON.stringify({ m: error.message, d: error.description, c: error.context }),
	).not.toContain(wa.accessToken);
	expect(messageRequests()).toHaveLength(1);
});

test("a download is checked against Meta's SHA-256; the token never goes to a plain-http foreign host", async () => {
	const stored = wa.storeMedia(Buffer.from('file-bytes'), 'application/pdf', 'a.pdf');
	const media = await client().downloadMedia(stored.id);
	expect(media.data.toString()).toBe('file-bytes');
	stored.sha256 = '0'.repeat(64);
	await expect(client().downloadMedia(stored.id)).rejects.toThrow(/does not match Meta's checksum/);
	const graph = client();
	graph.request = async () => ({ url: 'http://evil.example/steal', sha256: undefined });
	await expect(graph.downloadMedia('1')).rejects.toThrow(
		'Refusing to send the access token to http://evil.example',
	);
});

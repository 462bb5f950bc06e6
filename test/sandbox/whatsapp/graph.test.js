// The Graph API fake answers as the Cloud API documents: send bodies, errors, limits, media,
// templates, subscriptions, signed webhooks.
const crypto = require('node:crypto');
const http = require('node:http');
const { createWhatsAppSandbox } = require('../../../sandbox/whatsapp');
const { metaJson } = require('../../../sandbox/whatsapp/meta-json');

let wa;
let clock;
beforeEach(async () => {
	clock = { now: Date.UTC(2026, 5, 1) };
	wa = createWhatsAppSandbox({ now: () => clock.now });
	await wa.start();
});
afterEach(async () => wa.stop());

const CUSTOMER = '4915112345678';

async function graph(method, path, body, { token = wa.accessToken, type = 'json' } = {}) {
	const headers = token ? { authorization: `Bearer ${token}` } : {};
	let payload;
	if (body !== undefined && type === 'json') {
		headers['content-type'] = 'application/json';
		payload = JSON.stringify(body);
	} else if (body !== undefined) {
		payload = body.payload;
		headers['content-type'] = body.contentType;
	}
	const response = await fetch(`${wa.graphUrl}/${path}`, { method, headers, body: payload });
	return { status: response.status, body: await response.json() };
}

const send = (message, phone = wa.phoneNumberId) =>
	graph('POST', `${phone}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, ...message });

describe('messages', () => {
	test('a text inside the 24-hour window: message ID and contact, stored once', async () => {
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		const answer = await send({ type: 'text', text: { body: 'Hi', preview_url: false } });
		expect(answer.status).toBe(200);
		expect(answer.body.contacts).toEqual([{ input: CUSTOMER, wa_id: CUSTOMER }]);
		expect(answer.body.messages[0].id).toMatch(/^wamid\./);
		expect(wa.sent).toHaveLength(1);
	});

	test('outside the window free-form messages get 131047 and templates go through', async () => {
		const refused = await send({ type: 'text', text: { body: 'Hi' } });
		expect(refused.status).toBe(400);
		expect(refused.body.error).toMatchObject({
			code: 131047,
			error_data: { messaging_product: 'whatsapp' },
		});
		expect(refused.body.error.message).toBe('(#131047) Re-engagement message');
		const template = await send({
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' } },
		});
		expect(template.status).toBe(200);
		expect(template.body.messages[0].message_status).toBe('accepted');
		clock.now += 25 * 3600 * 1000;
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER, clock.now - 24 * 3600 * 1000 - 1);
		expect((await send({ type: 'text', text: { body: 'late' } })).body.error.code).toBe(131047);
		expect(wa.sent.map((message) => message.type)).toEqual(['template']);
	});

	test('template parameters are counted per component: 132000 on a mismatch, 132001 for an unknown language', async () => {
		const template = (components, code = 'en_US') =>
			send({
				type: 'template',
				template: { name: 'order_update', language: { code }, components },
			});
		const good = [
			{
				type: 'header',
				parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }],
			},
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Ann' },
					{ type: 'text', text: 'A-17' },
					{ type: 'text', text: 'Monday' },
				],
			},
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-17' }] },
		];
		expect((await template(good)).status).toBe(200);
		const short = await template([
			good[0],
			{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
			good[2],
		]);
		expect(short.body.error.code).toBe(132000);
		expect((await template(good, 'fr')).body.error.code).toBe(132001);
	});

	test.each([
		[{ type: 'text', text: { body: 'x'.repeat(4097) } }, 100],
		[
			{
				type: 'interactive',
				interactive: {
					type: 'button',
					body: { text: 'Pick' },
					action: {
						buttons: [1, 2, 3, 4].map((n) => ({
							type: 'reply',
							reply: { id: `b${n}`, title: `B${n}` },
						})),
					},
				},
			},
			100,
		],
		[
			{
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'Pick' },
					action: { button: 'Go', sections: [{ rows: [{ id: 'a', title: 'x'.repeat(25) }] }] },
				},
			},
			100,
		],
		[{ type: 'image', image: { id: '999' } }, 131053],
		[{ type: 'audio', audio: { link: 'https://example.com/a.ogg', caption: 'x' } }, 100],
		[{ type: 'audio', audio: { link: 'https://example.com/a.ogg' } }, null],
		[{ type: 'hologram', hologram: {} }, 131051],
	])('validation %#', async (message, code) => {
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		const answer = await send(message);
		if (code === null) expect(answer.status).toBe(200);
		else expect(answer.body.error.code).toBe(code);
	});

	test('mark as read with a typing indicator answers {success: true}', async () => {
		const answer = await graph('POST', `${wa.phoneNumberId}/messages`, {
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.ABC',
			typing_indicator: { type: 'text' },
		});
		expect(answer.body).toEqual({ success: true });
		expect(wa.read).toEqual([
			expect.objectContaining({ messageId: 'wamid.ABC', typingIndicator: { type: 'text' } }),
		]);
	});

	test('the pair rate allows a burst of 45 to one customer, then one every 6 s (131056)', async () => {
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		const codes = [];
		for (let i = 0; i < 46; i++)
			codes.push((await send({ type: 'text', text: { body: `m${i}` } })).body.error?.code ?? 'ok');
		expect(codes.filter((code) => code === 'ok')).toHaveLength(45);
		expect(codes[45]).toBe(131056);
		clock.now += 6000;
		expect((await send({ type: 'text', text: { body: 'later' } })).status).toBe(200);
	});

	test('throughput: more than 80 messages in one second to different customers get 130429', async () => {
		const codes = [];
		for (let i = 0; i < 81; i++) {
			const to = `49151000${String(i).padStart(5, '0')}`;
			wa.limits.customerWrote(wa.phoneNumberId, to);
			codes.push(
				(
					await graph('POST', `${wa.phoneNumberId}/messages`, {
						messaging_product: 'whatsapp',
						to,
						type: 'text',
						text: { body: 'x' },
					})
				).body.error?.code ?? 'ok',
			);
		}
		expect(codes.slice(0, 80).every((code) => code === 'ok')).toBe(true);
		expect(codes[80]).toBe(130429);
	});
});

describe('auth and errors', () => {
	test('missing token 104, wrong token 190, expired token 190 with subcode 463', async () => {
		expect((await graph('GET', wa.phoneNumberId, undefined, { token: null })).body.error.code).toBe(
			104,
		);
		expect(
			(await graph('GET', wa.phoneNumberId, undefined, { token: 'nope' })).body.error.code,
		).toBe(190);
		wa.expireToken();
		const expired = await graph('GET', wa.phoneNumberId);
		expect(expired.status).toBe(401);
		expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463 });
	});

	test('faults answer the chosen Meta code without running the request, and the log keeps no token', async () => {
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		wa.faults.add({ type: 'error', code: 130429, times: 1, match: { kind: 'messages' } });
		expect((await send({ type: 'text', text: { body: 'a' } })).body.error.code).toBe(130429);
		expect((await send({ type: 'text', text: { body: 'b' } })).status).toBe(200);
		expect(wa.sent).toHaveLength(1);
		expect(wa.log.map((entry) => [entry.kind, entry.errorCode, entry.executed])).toEqual([
			['messages', 130429, false],
			['messages', null, true],
		]);
		await fetch(`${wa.graphUrl}/${wa.phoneNumberId}?access_token=${wa.accessToken}`);
		expect(JSON.stringify(wa.log)).not.toContain(wa.accessToken);
	});

	test('dropAfter runs the request, then breaks the connection', async () => {
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		wa.faults.add({ type: 'dropAfter', on: [1] });
		await expect(send({ type: 'text', text: { body: 'a' } })).rejects.toThrow();
		expect(wa.sent).toHaveLength(1);
	});
});

describe('media', () => {
	function multipart(fields, file) {
		const boundary = 'xyzBOUNDARY';
		const parts = Object.entries(fields).map(([k, v]) =>
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
		);
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
			),
			file.data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		);
		return {
			payload: Buffer.concat(parts),
			contentType: `multipart/form-data; boundary=${boundary}`,
		};
	}

	test('upload, look up, download with the token, delete', async () => {
		const data = crypto.randomBytes(3000);
		const uploaded = await graph(
			'POST',
			`${wa.phoneNumberId}/media`,
			multipart(
				{ messaging_product: 'whatsapp', type: 'image/png' },
				{ name: 'a.png', type: 'image/png', data },
			),
			{ type: 'multipart' },
		);
		expect(uploaded.body.id).toMatch(/^\d+$/);
		const info = await graph('GET', uploaded.body.id);
		expect(info.body).toMatchObject({
			mime_type: 'image/png',
			file_size: 3000,
			sha256: crypto.createHash('sha256').update(data).digest('hex'),
		});
		expect((await fetch(info.body.url)).status).toBe(404);
		const download = await fetch(info.body.url, {
			headers: { authorization: `Bearer ${wa.accessToken}` },
		});
		expect(Buffer.from(await download.arrayBuffer()).equals(data)).toBe(true);
		expect((await graph('DELETE', uploaded.body.id)).body).toEqual({ success: true });
		expect((await graph('GET', uploaded.body.id)).body.error.code).toBe(100);
	});

	test('a sticker over 500 KB or an empty file is refused with 131053', async () => {
		const big = multipart(
			{ messaging_product: 'whatsapp', type: 'image/webp' },
			{ name: 's.webp', type: 'image/webp', data: Buffer.alloc(600 * 1024) },
		);
		expect(
			(await graph('POST', `${wa.phoneNumberId}/media`, big, { type: 'multipart' })).body.error
				.code,
		).toBe(131053);
	});
});

describe('templates', () => {
	test('list with cursor paging, create (approved), get, delete by name', async () => {
		const first = await graph('GET', `${wa.wabaId}/message_templates?limit=3&fields=name,language`);
		expect(first.body.data).toHaveLength(3);
		expect(first.body.paging.next).toContain('after=');
		const rest = await graph(
			'GET',
			`${wa.wabaId}/message_templates?limit=3&fields=name,language&after=${first.body.paging.cursors.after}`,
		);
		expect(rest.body.paging.next).toBeUndefined();
		expect([...first.body.data, ...rest.body.data]).toHaveLength(4);
		const created = await graph('POST', `${wa.wabaId}/message_templates`, {
			name: 'new_one',
			language: 'en_US',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'Hi {{1}}' }],
		});
		expect(created.body).toMatchObject({ status: 'APPROVED', category: 'UTILITY' });
		expect((await graph('GET', created.body.id)).body).toMatchObject({
			name: 'new_one',
			language: 'en_US',
		});
		expect(
			(
				await graph('POST', `${wa.wabaId}/message_templates`, {
					name: 'new_one',
					language: 'en_US',
					category: 'UTILITY',
					components: [{ type: 'BODY', text: 'x' }],
				})
			).body.error.code,
		).toBe(100);
		expect((await graph('DELETE', `${wa.wabaId}/message_templates?name=new_one`)).body).toEqual({
			success: true,
		});
	});
});

describe('webhooks', () => {
	let server;
	let requests;
	let answerChallenge;
	beforeEach(async () => {
		requests = [];
		answerChallenge = true;
		server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const url = new URL(req.url, 'http://x');
				requests.push({
					method: req.method,
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					query: Object.fromEntries(url.searchParams),
				});
				if (req.method === 'GET') {
					res.end(
						answerChallenge && url.searchParams.get('hub.verify_token') === 'vt'
							? url.searchParams.get('hub.challenge')
							: 'no',
					);
				} else res.end('ok');
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	});
	afterEach(
		() =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(resolve);
			}),
	);
	const hookUrl = () => `http://127.0.0.1:${server.address().port}/hook`;

	test("a customer message arrives as Meta's escaped JSON, signed over those bytes", async () => {
		await wa.setCallback(hookUrl(), 'vt');
		expect(requests[0]).toMatchObject({
			method: 'GET',
			query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'vt' },
		});
		await wa.receive({ from: CUSTOMER, name: 'Zoë', text: 'Grüße / 👋' });
		const post = requests[1];
		expect(post.body).toContain('Zo\\u00eb');
		expect(post.body).toContain('Gr\\u00fc\\u00dfe \\/ \\ud83d\\udc4b');
		const expected = `sha256=${crypto.createHmac('sha256', wa.appSecret).update(post.body).digest('hex')}`;
		expect(post.headers['x-hub-signature-256']).toBe(expected);
		const parsed = JSON.parse(post.body);
		expect(parsed.entry[0].changes[0].value.messages[0].text.body).toBe('Grüße / 👋');
		// The same JSON written by JSON.stringify is other bytes: another signature.
		expect(
			crypto.createHmac('sha256', wa.appSecret).update(JSON.stringify(parsed)).digest('hex'),
		).not.toBe(expected.slice(7));
		expect(metaJson(parsed)).toBe(post.body);
	});

	test('a callback that does not echo the challenge is refused (2200); a phone override wins over the app callback', async () => {
		answerChallenge = false;
		await expect(wa.setCallback(hookUrl(), 'vt')).rejects.toThrow(/verification failed/);
		answerChallenge = true;
		const phone = await graph('POST', wa.phoneNumberId, {
			webhook_configuration: { override_callback_uri: `${hookUrl()}?n=1`, verify_token: 'vt' },
		});
		expect(phone.body).toEqual({ success: true });
		expect(
			(await graph('GET', `${wa.phoneNumberId}?fields=webhook_configuration`)).body
				.webhook_configuration,
		).toEqual({ phone_number: `${hookUrl()}?n=1` });
		await wa.receive({ from: CUSTOMER, text: 'x' });
		expect(requests.at(-1).query).toEqual({ n: '1' });
		await wa.receive({ from: CUSTOMER, text: 'y', phoneNumberId: wa.phoneNumbers[1].id });
		expect(wa.deliveries.at(-1).error).toBe('no callback URL is subscribed');
	});

	test('statuses follow a sent message with its callback data; undeliverable numbers fail with 131026', async () => {
		await wa.setCallback(hookUrl(), 'vt');
		wa.setAutoStatuses(['sent', 'delivered', 'read']);
		wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
		await send({ type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'ref-1' });
		await wa.idle();
		const statuses = requests
			.filter((r) => r.method === 'POST')
			.map((r) => JSON.parse(r.body).entry[0].changes[0].value.statuses[0]);
		expect(statuses.map((s) => [s.status, s.biz_opaque_callback_data])).toEqual([
			['sent', 'ref-1'],
			['delivered', 'ref-1'],
			['read', 'ref-1'],
		]);
		wa.setUndeliverable(['4915100000000']);
		await graph('POST', `${wa.phoneNumberId}/messages`, {
			messaging_product: 'whatsapp',
			to: '4915100000000',
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' } },
		});
		await wa.idle();
		const failed = JSON.parse(requests.at(-1).body).entry[0].changes[0].value.statuses[0];
		expect(failed).toMatchObject({
			status: 'failed',
			errors: [{ code: 131026, title: 'Message undeliverable' }],
		});
	});
});

test('control API: info, inbound, messages, reset', async () => {
	const info = await (await fetch(`${wa.url}/_sandbox/info`)).json();
	expect(info).toMatchObject({
		wabaId: wa.wabaId,
		credentials: { baseUrl: wa.url, graphApiVersion: 'v25.0' },
	});
	const inbound = await (
		await fetch(`${wa.url}/_sandbox/inbound`, {
			method: 'POST',
			body: JSON.stringify({ from: CUSTOMER, text: 'hi' }),
		})
	).json();
	expect(inbound.delivery.error).toBe('no callback URL is subscribed');
	expect(wa.limits.windowOpen(wa.phoneNumberId, CUSTOMER)).toBe(true);
	await fetch(`${wa.url}/_sandbox/reset`, { method: 'POST' });
	expect(wa.limits.windowOpen(wa.phoneNumberId, CUSTOMER)).toBe(false);
	expect((await fetch(`${wa.url}/_sandbox/nope`)).status).toBe(404);
});

// 50 bodies that are not Meta webhooks, each correctly signed (so the parser, not the signature,
// has to refuse them) or not JSON at all: every one gets 4xx and no workflow starts. A seeded PRNG
// makes the byte-level mutations repeatable.
const crypto = require('node:crypto');
const { startFake } = require('../helpers/whatsapp');
const { startWhatsAppTrigger } = require('../helpers/whatsappTrigger');

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PHONE = '3000000000000003';
const valid = () => ({
	object: 'whatsapp_business_account',
	entry: [
		{
			id: '2000000000000002',
			changes: [
				{
					field: 'messages',
					value: {
						messaging_product: 'whatsapp',
						metadata: { display_phone_number: '15550100001', phone_number_id: PHONE },
						contacts: [{ profile: { name: 'Ann' }, wa_id: '4915112345678' }],
						messages: [
							{
								from: '4915112345678',
								id: 'wamid.X',
								timestamp: '1749416383',
								type: 'text',
								text: { body: 'hi' },
							},
						],
					},
				},
			],
		},
	],
});

/** Each returns a JS value (sent as JSON) or a Buffer (sent as is). */
const structural = [
	() => ({ ...valid(), object: 'page' }),
	() => ({ ...valid(), object: undefined }),
	() => ({ object: 'whatsapp_business_account' }),
	() => ({ object: 'whatsapp_business_account', entry: [] }),
	() => ({ object: 'whatsapp_business_account', entry: {} }),
	() => ({ object: 'whatsapp_business_account', entry: 'x' }),
	() => ({ object: 'whatsapp_business_account', entry: [null] }),
	() => ({ object: 'whatsapp_business_account', entry: [{ id: 1, changes: [] }] }),
	() => ({ object: 'whatsapp_business_account', entry: [{ id: 'x', changes: {} }] }),
	() => ({ object: 'whatsapp_business_account', entry: [{ id: 'x', changes: [{ value: {} }] }] }),
	() => ({
		object: 'whatsapp_business_account',
		entry: [{ id: 'x', changes: [{ field: 'messages', value: [] }] }],
	}),
	() => ({
		object: 'whatsapp_business_account',
		entry: [{ id: 'x', changes: [{ field: '', value: {} }] }],
	}),
	() => ({
		object: 'whatsapp_business_account',
		entry: [{ id: 'x', changes: [{ field: 'messages', value: 'text' }] }],
	}),
	() => withValue((v) => delete v.metadata),
	() => withValue((v) => (v.metadata.phone_number_id = 'abc')),
	() => withValue((v) => (v.messages = {})),
	() => withValue((v) => (v.messages[0].from = '+49 151')),
	() => withValue((v) => delete v.messages[0].id),
	() => withValue((v) => (v.messages[0].id = '')),
	() => withValue((v) => (v.messages[0].timestamp = 'yesterday')),
	() => withValue((v) => (v.messages[0].type = 42)),
	() => withValue((v) => (v.messages[0] = null)),
	() => withValue((v) => (v.statuses = [{ id: 'wamid.1', status: 'read' }])),
	() =>
		withValue((v) => (v.statuses = [{ id: 5, status: 'read', timestamp: '1', recipient_id: '1' }])),
	() => withValue((v) => (v.contacts = 'Ann')),
	() => withValue((v) => (v.messages = Array.from({ length: 1001 }, () => v.messages[0]))),
	() => withValue((v) => (v.messaging_product = 'instagram')),
	() => ({
		object: 'whatsapp_business_account',
		entry: Array.from({ length: 1001 }, () => valid().entry[0]),
	}),
	() => ({
		object: 'whatsapp_business_account',
		entry: [
			{
				id: 'x',
				changes: [
					{
						field: 'smb_message_echoes',
						value: { metadata: valid().entry[0].changes[0].value.metadata },
					},
				],
			},
		],
	}),
	() => deep(40),
	() => [valid()],
	() => null,
	() => 42,
	() => 'whatsapp_business_account',
	() => Buffer.from('{"object":"whatsapp_business_account","entry":[{'),
	() => Buffer.from(JSON.stringify(valid()).slice(0, -1)),
	() => Buffer.from('\uFEFF' + JSON.stringify(valid()).replace(/"/g, "'")),
	() => Buffer.from('object=whatsapp_business_account&entry=1'),
	() => Buffer.alloc(0),
	() =>
		Buffer.concat([
			Buffer.from('{"object":"whatsapp_business_account","pad":"'),
			Buffer.alloc(8 * 1024 * 1024 + 10, 0x61),
			Buffer.from('"}'),
		]),
];

function withValue(change) {
	const body = valid();
	change(body.entry[0].changes[0].value);
	return body;
}

function deep(levels) {
	let value = 'x';
	for (let i = 0; i < levels; i++) value = { v: value };
	return withValue((v) => (v.messages[0].text = value));
}

function mutated(random) {
	const bytes = Buffer.from(JSON.stringify(valid()));
	const count = 1 + Math.floor(random() * 4);
	for (let i = 0; i < count; i++) {
		const at = Math.floor(random() * bytes.length);
		// Break the syntax: drop a structural character, or put one where it does not belong.
		bytes[at] = [0x7b, 0x7d, 0x5b, 0x5d, 0x22, 0x3a, 0x2c][Math.floor(random() * 7)];
	}
	return bytes;
}

let wa;
let trigger;
beforeAll(async () => {
	wa = await startFake();
	trigger = await startWhatsAppTrigger(wa);
});
afterAll(async () => {
	await trigger.stop();
	await wa.stop();
});

test('50 hostile bodies, signed with the app secret: each 4xx, nothing starts, nothing is fetched', async () => {
	const random = mulberry32(2026);
	const bodies = structural.map((make) => make());
	while (bodies.length < 50) {
		const candidate = mutated(random);
		try {
			JSON.parse(candidate.toString());
			// A mutation that still parses may still be a webhook; keep only the broken ones.
		} catch {
			bodies.push(candidate);
		}
	}
	expect(bodies).toHaveLength(50);
	const statuses = [];
	for (const [index, body] of bodies.entries()) {
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body) ?? 'undefined');
		const signature = `sha256=${crypto.createHmac('sha256', wa.appSecret).update(bytes).digest('hex')}`;
		// Half as JSON (n8n parses those first and answers 422 itself), half as text.
		const type = index % 2 ? 'application/json' : 'text/plain';
		statuses.push(
			await trigger.post(bytes, { 'content-type': type, 'x-hub-signature-256': signature }),
		);
	}
	expect(statuses.filter((status) => status < 400 || status >= 500)).toEqual([]);
	expect(trigger.started()).toHaveLength(0);
	expect(wa.log).toHaveLength(0);
	// The valid body, signed, does start the workflow: the refusals above are about the bodies.
	const good = Buffer.from(JSON.stringify(valid()));
	const signature = `sha256=${crypto.createHmac('sha256', wa.appSecret).update(good).digest('hex')}`;
	expect(
		await trigger.post(good, {
			'content-type': 'application/json',
			'x-hub-signature-256': signature,
		}),
	).toBe(200);
	expect(trigger.started()).toHaveLength(1);
});

test('keys like __proto__ in a signed body change no prototype', async () => {
	const body = Buffer.from(
		JSON.stringify(valid()).replace(
			'"contacts"',
			'"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"contacts"',
		),
	);
	const signature = `sha256=${crypto.createHmac('sha256', wa.appSecret).update(body).digest('hex')}`;
	expect(
		await trigger.post(body, { 'content-type': 'text/plain', 'x-hub-signature-256': signature }),
	).toBe(200);
	expect({}.polluted).toBeUndefined();
	expect(Object.prototype.polluted).toBeUndefined();
});

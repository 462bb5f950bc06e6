// Message → Send Text / Media / Interactive / Reaction / Location / Contacts / Mark as Read in
// n8n's engine against the Graph API fake: the bodies Meta gets, the outputs, Meta's errors.
const { startFake, runWhatsApp, requestsOf } = require('../../../helpers/whatsapp');

const CUSTOMER = '4915112345678';
let wa;
beforeEach(async () => {
	wa = await startFake();
	wa.limits.customerWrote(wa.phoneNumberId, CUSTOMER);
});
afterEach(async () => wa.stop());

const run = (operation, parameters, extra = {}) =>
	runWhatsApp(wa, {
		parameters: { resource: 'message', operation, to: `+${CUSTOMER}`, ...parameters },
		...extra,
	});

test('Send Text: one message per item with preview, reply and callback data; outputs message ID and wa_id', async () => {
	const { output } = await run(
		'sendText',
		{
			text: '={{ $json.text }}',
			options: { previewUrl: true, replyTo: 'wamid.IN1', callbackData: 'ticket-7' },
		},
		{ items: [{ text: 'First https://example.com' }, { text: 'Second' }] },
	);
	expect(output.map((item) => item.json)).toEqual([
		{ messageId: wa.sent[0].id, to: CUSTOMER, waId: CUSTOMER, type: 'text' },
		{ messageId: wa.sent[1].id, to: CUSTOMER, waId: CUSTOMER, type: 'text' },
	]);
	expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(wa.sent[0]).toMatchObject({
		content: { body: 'First https://example.com', preview_url: true },
		context: { message_id: 'wamid.IN1' },
		bizOpaqueCallbackData: 'ticket-7',
	});
});

test('Send Text: a national number uses the Default Country Code; a number WhatsApp cannot reach fails before sending', async () => {
	const { output } = await run('sendText', {
		to: '0151 12345678',
		text: 'Hi',
		options: { defaultCountryCode: '49' },
	});
	expect(output[0].json.waId).toBe(CUSTOMER);
	// A WhatsApp ID as the trigger gives it, from a country with short numbers (Denmark).
	wa.limits.customerWrote(wa.phoneNumberId, '4512345678');
	const danish = await run('sendText', { to: '4512345678', text: 'Hej' });
	expect(danish.output[0].json.waId).toBe('4512345678');
	const { error } = await run('sendText', { to: '12345', text: 'Hi' });
	expect(error.message).toBe('"12345" is not a phone number WhatsApp can reach');
	expect(requestsOf(wa, 'messages')).toHaveLength(2);
});

test('Send Media from binary data: uploaded, then sent by media ID with caption and file name', async () => {
	const pdf = Buffer.from('%PDF-1.4 test');
	const { output } = await run(
		'sendMedia',
		{
			mediaType: 'document',
			source: 'binary',
			binaryPropertyName: 'data',
			caption: 'Your invoice',
		},
		{ binaries: [{ data: { data: pdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' } }] },
	);
	const [media] = wa.media;
	expect(media.data.equals(pdf)).toBe(true);
	expect(media).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice.pdf' });
	expect(wa.sent[0].content).toEqual({
		id: media.id,
		caption: 'Your invoice',
		filename: 'invoice.pdf',
	});
	expect(output[0].json).toMatchObject({ type: 'document', mediaId: media.id });
});

test('Send Media checks type and size before uploading: a GIF is no WhatsApp image', async () => {
	const { error } = await run(
		'sendMedia',
		{ mediaType: 'image', source: 'binary', binaryPropertyName: 'data' },
		{
			binaries: [
				{ data: { data: Buffer.from('GIF89a'), fileName: 'a.gif', mimeType: 'image/gif' } },
			],
		},
	);
	expect(error.message).toBe('WhatsApp does not take image/gif files as image');
	expect(wa.log).toHaveLength(0);
});

test('Send Media by link and by media ID', async () => {
	await run('sendMedia', {
		mediaType: 'image',
		source: 'link',
		link: 'https://example.com/a.jpg',
		caption: 'Look',
	});
	const stored = wa.storeMedia(Buffer.from('ogg'), 'audio/ogg');
	await run('sendMedia', { mediaType: 'audio', source: 'id', mediaId: stored.id });
	expect(wa.sent.map((message) => [message.type, message.content])).toEqual([
		['image', { link: 'https://example.com/a.jpg', caption: 'Look' }],
		['audio', { id: stored.id }],
	]);
});

test('Send Interactive: reply buttons, a list grouped into sections, a CTA URL', async () => {
	await run('sendInteractive', {
		interactiveType: 'button',
		bodyText: 'Did that help?',
		footerText: 'Support',
		buttons: {
			button: [
				{ id: 'yes', title: 'Yes' },
				{ id: 'no', title: 'No' },
			],
		},
	});
	await run('sendInteractive', {
		interactiveType: 'list',
		bodyText: 'Pick a slot',
		listButton: 'Slots',
		rows: {
			row: [
				{ section: 'Monday', id: 'mon-9', title: '9:00' },
				{ section: 'Monday', id: 'mon-14', title: '14:00', description: 'afternoon' },
				{ section: 'Tuesday', id: 'tue-9', title: '9:00' },
			],
		},
	});
	await run('sendInteractive', {
		interactiveType: 'cta_url',
		bodyText: 'Our offer',
		ctaText: 'Open',
		ctaUrl: 'https://example.com/o',
	});
	const [buttons, list, cta] = wa.sent.map((message) => message.content);
	expect(buttons).toEqual({
		type: 'button',
		body: { text: 'Did that help?' },
		footer: { text: 'Support' },
		action: {
			buttons: [
				{ type: 'reply', reply: { id: 'yes', title: 'Yes' } },
				{ type: 'reply', reply: { id: 'no', title: 'No' } },
			],
		},
	});
	expect(list.action).toEqual({
		button: 'Slots',
		sections: [
			{
				title: 'Monday',
				rows: [
					{ id: 'mon-9', title: '9:00' },
					{ id: 'mon-14', title: '14:00', description: 'afternoon' },
				],
			},
			{ title: 'Tuesday', rows: [{ id: 'tue-9', title: '9:00' }] },
		],
	});
	expect(cta.action).toEqual({
		name: 'cta_url',
		parameters: { display_text: 'Open', url: 'https://example.com/o' },
	});
});

test('Send Interactive refuses a fourth button before sending', async () => {
	const { error } = await run('sendInteractive', {
		interactiveType: 'button',
		bodyText: 'x',
		buttons: { button: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` })) },
	});
	expect(error.message).toBe('Reply buttons need 1 to 3 buttons');
	expect(wa.log).toHaveLength(0);
});

test('Send Reaction, Location, Contacts; Mark as Read with the typing indicator', async () => {
	await run('sendReaction', { messageId: 'wamid.IN1', emoji: '👍' });
	await run('sendLocation', {
		latitude: 52.52,
		longitude: 13.405,
		locationName: 'Office',
		address: 'Berlin',
	});
	await run('sendContacts', {
		contacts: {
			contact: [
				{
					formattedName: 'Ada Lovelace',
					phone: '+44 20 7946 0000',
					phoneType: 'WORK',
					email: 'ada@example.com',
				},
			],
		},
	});
	const { output } = await run('markAsRead', { messageId: 'wamid.IN1', typingIndicator: true });
	expect(wa.sent.map((message) => message.content)).toEqual([
		{ message_id: 'wamid.IN1', emoji: '👍' },
		{ latitude: 52.52, longitude: 13.405, name: 'Office', address: 'Berlin' },
		[
			{
				name: { formatted_name: 'Ada Lovelace' },
				phones: [{ phone: '+44 20 7946 0000', type: 'WORK', wa_id: '442079460000' }],
				emails: [{ email: 'ada@example.com', type: 'WORK' }],
			},
		],
	]);
	expect(wa.read).toEqual([
		expect.objectContaining({ messageId: 'wamid.IN1', typingIndicator: { type: 'text' } }),
	]);
	expect(output[0].json).toEqual({ messageId: 'wamid.IN1', read: true, typingIndicator: true });
});

describe("Meta's errors become messages with the fix", () => {
	test.each([
		[
			131047,
			/Outside the 24-hour customer service window \(WhatsApp error 131047\)/,
			/only an approved template can reach them/,
		],
		[131026, /Message undeliverable \(WhatsApp error 131026\)/, /Sending again will not help/],
		[
			130429,
			/Throughput limit reached \(WhatsApp error 130429\)/,
			/Lower Throughput in the credential/,
		],
		[131056, /pair rate limit\) \(WhatsApp error 131056\)/, /one message every 6 seconds/],
		[
			190,
			/The access token expired or is not valid \(WhatsApp error 190\)/,
			/system user access token/,
		],
	])('%s', async (code, message, fix) => {
		wa.faults.add({ type: 'error', code, times: 20, match: { kind: 'messages' } });
		const { error } = await run(
			'sendText',
			{ text: 'Hi' },
			{
				credentials: {
					whatsAppCloudApi: {
						id: 'wa1',
						name: 'WhatsApp',
						data: wa.credentials({ maxRateLimitWaitSeconds: 0 }),
					},
				},
			},
		);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(fix);
		expect(wa.sent).toHaveLength(0);
		// Rate limits are waited out (here for 0 s: not at all); nothing else is sent twice.
		expect(requestsOf(wa, 'messages')).toHaveLength(1);
	});
});

test('Continue On Fail: a refused item becomes an error item, the others are sent', async () => {
	wa.faults.add({ type: 'error', code: 131026, on: [2] });
	const { output } = await run(
		'sendText',
		{ text: '={{ $json.text }}' },
		{ items: [{ text: 'a' }, { text: 'b' }, { text: 'c' }], continueOnFail: true },
	);
	expect(output.map((item) => Object.keys(item.json).includes('error'))).toEqual([
		false,
		true,
		false,
	]);
	expect(output[1].json.error).toMatch(/131026/);
	expect(output[1].pairedItem).toEqual({ item: 1 });
	expect(wa.sent.map((message) => message.content.body)).toEqual(['a', 'c']);
});

test('Without Continue On Fail the first refusal stops the node: later items are not sent', async () => {
	wa.faults.add({ type: 'error', code: 131026, on: [1] });
	const { error } = await run(
		'sendText',
		{ text: '={{ $json.text }}' },
		{ items: [{ text: 'a' }, { text: 'b' }] },
	);
	expect(error.message).toMatch(/131026/);
	expect(requestsOf(wa, 'messages')).toHaveLength(1);
});

// Message → Send Template: the picker lists approved templates per language, and the header,
// body and button parameters become the components Meta counts against the template.
const { startFake, runWhatsApp, callWhatsAppMethod } = require('../../../helpers/whatsapp');

const CUSTOMER = '4915112345678';
let wa;
beforeEach(async () => {
	wa = await startFake();
});
afterEach(async () => wa.stop());

const send = (parameters, extra) =>
	runWhatsApp(wa, {
		parameters: { resource: 'message', operation: 'sendTemplate', to: CUSTOMER, ...parameters },
		...extra,
	});

test('the picker lists the approved templates, one entry per language, and filters by name', async () => {
	wa.addTemplate({
		wabaId: wa.wabaId,
		name: 'pending_one',
		language: 'en_US',
		category: 'MARKETING',
		status: 'PENDING',
		components: [],
	});
	const all = await callWhatsAppMethod(wa, {
		parameters: { resource: 'message', operation: 'sendTemplate' },
		kind: 'listSearch',
		method: 'searchTemplates',
	});
	expect(all.results.map((entry) => entry.value)).toEqual([
		'conversation_reopen|de',
		'conversation_reopen|en_US',
		'hello_world|en_US',
		'order_update|en_US',
	]);
	expect(all.results[2].name).toBe('hello_world (en_US, utility)');
	const some = await callWhatsAppMethod(wa, {
		parameters: {},
		kind: 'listSearch',
		method: 'searchTemplates',
		filter: 'ORDER',
	});
	expect(some.results.map((entry) => entry.value)).toEqual(['order_update|en_US']);
});

test('header image, three body parameters (text, currency, date) and a URL button: sent outside the 24-hour window', async () => {
	const { output, error } = await send({
		template: { __rl: true, mode: 'list', value: 'order_update|en_US' },
		header: 'image',
		headerLink: 'https://example.com/parcel.jpg',
		bodyParameters: {
			parameter: [
				{ type: 'text', text: 'Ann' },
				{ type: 'currency', currencyCode: 'eur', amount: 12.5, fallbackValue: '12.50 €' },
				{ type: 'date_time', fallbackValue: 'Monday' },
			],
		},
		buttonParameters: { button: [{ index: 0, subType: 'url', value: 'A-17' }] },
	});
	expect(error).toBeUndefined();
	expect(wa.sent[0].content).toEqual({
		name: 'order_update',
		language: { code: 'en_US' },
		components: [
			{
				type: 'header',
				parameters: [{ type: 'image', image: { link: 'https://example.com/parcel.jpg' } }],
			},
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Ann' },
					{
						type: 'currency',
						currency: { fallback_value: '12.50 €', code: 'EUR', amount_1000: 12500 },
					},
					{ type: 'date_time', date_time: { fallback_value: 'Monday' } },
				],
			},
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-17' }] },
		],
	});
	expect(output[0].json).toMatchObject({
		template: 'order_update',
		language: 'en_US',
		messageStatus: 'accepted',
		waId: CUSTOMER,
	});
});

test('a missing body parameter is refused by Meta (132000) with how to fix it', async () => {
	const { error } = await send({
		template: { __rl: true, mode: 'name', value: 'order_update|en_US' },
		header: 'image',
		headerMediaId: wa.storeMedia(Buffer.from('jpg'), 'image/jpeg').id,
		bodyParameters: { parameter: [{ type: 'text', text: 'Ann' }] },
		buttonParameters: { button: [{ index: 0, subType: 'url', value: 'A-17' }] },
	});
	expect(error.message).toBe(
		'Could not send the message: Wrong number of template parameters (WhatsApp error 132000)',
	);
	expect(error.description).toMatch(
		/Give exactly as many parameters as the template has placeholders/,
	);
	expect(wa.sent).toHaveLength(0);
});

test('components as JSON, named parameters, quick-reply payloads; a malformed template value fails before sending', async () => {
	await send({
		template: { __rl: true, mode: 'name', value: 'hello_world|en_US' },
		parameterMode: 'json',
		componentsJson: '[]',
	});
	expect(wa.sent[0].content).toEqual({ name: 'hello_world', language: { code: 'en_US' } });
	// n8n itself checks a typed value; one from an expression is the node's to check.
	const { error } = await send({
		template: { __rl: true, mode: 'name', value: '={{ "Hello World" }}' },
	});
	expect(error.message).toBe('"Hello World" does not name a template and its language');
	await send({
		template: { __rl: true, mode: 'name', value: 'conversation_reopen|de' },
		bodyParameters: { parameter: [{ type: 'text', text: 'Ja', parameterName: '' }] },
		buttonParameters: { button: [{ index: 1, subType: 'quick_reply', value: 'STOP' }] },
	});
	expect(wa.sent.at(-1).content.components).toEqual([
		{ type: 'body', parameters: [{ type: 'text', text: 'Ja' }] },
		{
			type: 'button',
			sub_type: 'quick_reply',
			index: '1',
			parameters: [{ type: 'payload', payload: 'STOP' }],
		},
	]);
});

// Template → Get Many, Get, Create, Delete against the fake's WhatsApp Business Account.
const { startFake, runWhatsApp } = require('../../../helpers/whatsapp');

let wa;
beforeEach(async () => {
	wa = await startFake();
});
afterEach(async () => wa.stop());

const run = (operation, parameters) =>
	runWhatsApp(wa, { parameters: { resource: 'template', operation, ...parameters } });

test('Get Many: every page (cursor paging) or a limit; filters; one item per template', async () => {
	for (let i = 0; i < 130; i++) {
		wa.addTemplate({
			wabaId: wa.wabaId,
			name: `bulk_${i}`,
			language: 'en_US',
			category: 'MARKETING',
			status: 'APPROVED',
			components: [],
		});
	}
	const all = await run('getAll', { returnAll: true });
	expect(all.output).toHaveLength(134);
	expect(wa.log.filter((entry) => entry.kind === 'templates.get')).toHaveLength(2);
	expect(all.output[0].json).toMatchObject({
		name: 'hello_world',
		language: 'en_US',
		status: 'APPROVED',
		category: 'UTILITY',
	});
	const some = await run('getAll', { returnAll: false, limit: 3 });
	expect(some.output).toHaveLength(3);
	const german = await run('getAll', { returnAll: true, filters: { language: 'de' } });
	expect(german.output.map((item) => item.json.name)).toEqual(['conversation_reopen']);
});

test('Create (defined below), Get by its ID, Delete by name', async () => {
	const created = await run('create', {
		name: 'appointment_reminder',
		language: 'en_US',
		category: 'UTILITY',
		definition: 'fields',
		headerText: 'Reminder',
		bodyText: 'Hi {{1}}, see you on {{2}}.',
		bodyExamples: 'Ann, Monday',
		footerText: 'Reply STOP to opt out',
		buttons: {
			button: [
				{ type: 'QUICK_REPLY', text: 'Confirm' },
				{ type: 'URL', text: 'Reschedule', url: 'https://example.com/r' },
			],
		},
	});
	const { id } = created.output[0].json;
	expect(created.output[0].json).toEqual({
		id,
		name: 'appointment_reminder',
		status: 'APPROVED',
		category: 'UTILITY',
	});
	const stored = wa.templates.find((template) => template.id === id);
	expect(stored.components).toEqual([
		{ type: 'HEADER', format: 'TEXT', text: 'Reminder' },
		{
			type: 'BODY',
			text: 'Hi {{1}}, see you on {{2}}.',
			example: { body_text: [['Ann', 'Monday']] },
		},
		{ type: 'FOOTER', text: 'Reply STOP to opt out' },
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'QUICK_REPLY', text: 'Confirm' },
				{ type: 'URL', text: 'Reschedule', url: 'https://example.com/r' },
			],
		},
	]);
	const got = await run('get', { templateId: id });
	expect(got.output[0].json).toMatchObject({
		id,
		name: 'appointment_reminder',
		components: stored.components,
	});
	const deleted = await run('delete', { name: 'appointment_reminder' });
	expect(deleted.output[0].json).toEqual({ name: 'appointment_reminder', deleted: true });
	expect(wa.templates.some((template) => template.name === 'appointment_reminder')).toBe(false);
});

test('a bad name is refused before Meta is asked', async () => {
	const { error } = await run('create', {
		name: 'Bad Name',
		language: 'en_US',
		category: 'UTILITY',
		definition: 'fields',
		bodyText: 'x',
	});
	expect(error.message).toBe('"Bad Name" is not a template name');
	expect(wa.log).toHaveLength(0);
});

const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

const upsert = (extra = {}) => ({
	resource: 'contact',
	operation: 'upsert',
	matchBy: 'EMAIL',
	matchValue: '={{ $json.email }}',
	firstName: '={{ $json.name }}',
	phones: { values: [{ value: '={{ $json.phone }}', valueType: 'MOBILE' }] },
	upsertFields: { POST: '={{ $json.position }}' },
	...extra,
});

describe('Contact → Upsert', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('creates a contact, then updates the same one found by email, adding only the new phone', async () => {
		const first = await runBitrix24(portal, {
			items: [
				{ email: 'ada@example.com', name: 'Ada', phone: '+44 20 7946 0000', position: 'Analyst' },
			],
			parameters: upsert(),
		});
		expect(first.error).toBeUndefined();
		const [created] = portal.contacts();
		expect(first.output[0].json).toEqual({ id: Number(created.ID), created: true, updated: false });
		expect(created).toMatchObject({ NAME: 'Ada', POST: 'Analyst' });
		expect(created.EMAIL.map((email) => email.VALUE)).toEqual(['ada@example.com']);

		const second = await runBitrix24(portal, {
			items: [
				{
					email: 'ADA@example.com',
					name: 'Ada',
					phone: '+44 (20) 7946-0000',
					position: 'Lead analyst',
				},
			],
			parameters: upsert(),
		});
		expect(second.error).toBeUndefined();
		expect(second.output[0].json).toEqual({
			id: Number(created.ID),
			created: false,
			updated: true,
		});
		const contacts = portal.contacts();
		expect(contacts).toHaveLength(1);
		expect(contacts[0].POST).toBe('Lead analyst');
		expect(contacts[0].PHONE).toHaveLength(1);
		expect(contacts[0].EMAIL).toHaveLength(1);
	});

	it('matches by phone digits', async () => {
		portal.seedContacts(1, () => ({
			NAME: 'Alan',
			PHONE: [{ VALUE: '+1 (555) 010-0200', VALUE_TYPE: 'WORK' }],
		}));
		const { output, error } = await runBitrix24(portal, {
			items: [{ phone: '15550100200', name: 'Alan T.' }],
			parameters: upsert({
				matchBy: 'PHONE',
				matchValue: '={{ $json.phone }}',
				phones: {},
				upsertFields: {},
			}),
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ created: false, updated: true });
		expect(portal.contacts()).toHaveLength(1);
		expect(portal.contacts()[0].NAME).toBe('Alan T.');
	});

	it('matches a national number by its E.164 form, and saves new numbers in E.164', async () => {
		portal.seedContacts(1, () => ({
			NAME: 'Klaus',
			PHONE: [{ VALUE: '+49 151 1234-5678', VALUE_TYPE: 'WORK' }],
		}));
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ phone: '0151 12345678', name: 'Klaus W.' },
				{ phone: '0170 7654321', name: 'Jana' },
				{ phone: '+49 170 7654321', name: 'Jana K.' },
			],
			parameters: upsert({
				matchBy: 'PHONE',
				matchValue: '={{ $json.phone }}',
				defaultCountryCode: '49',
				phones: {},
				upsertFields: {},
			}),
		});
		expect(error).toBeUndefined();
		const [klaus, jana] = portal.contacts();
		expect(output.map((item) => item.json)).toEqual([
			{ id: Number(klaus.ID), created: false, updated: true },
			{ id: Number(jana.ID), created: true, updated: false },
			{ id: Number(jana.ID), created: false, updated: true },
		]);
		expect(portal.contacts()).toHaveLength(2);
		expect(klaus.PHONE.map((phone) => phone.VALUE)).toEqual(['+49 151 1234-5678']);
		expect(jana).toMatchObject({ NAME: 'Jana K.' });
		expect(jana.PHONE.map((phone) => phone.VALUE)).toEqual(['+491707654321']);
		// The duplicate search is asked for both forms: records keep phones as people typed them.
		const [lookUps] = portal.log.map((entry) => Object.values(entry.params.cmd ?? {}));
		expect(lookUps.map((command) => decodeURIComponent(command.replace(/\+/g, ' ')))).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/values\[0\]=\+4915112345678&values\[1\]=0151 12345678/),
			]),
		);
	});

	it('names a Default Country Code that is no calling code', async () => {
		const { output } = await runBitrix24(portal, {
			items: [{ phone: '0151 12345678' }],
			parameters: upsert({
				matchBy: 'PHONE',
				matchValue: '={{ $json.phone }}',
				defaultCountryCode: 'Germany',
				phones: {},
				upsertFields: {},
			}),
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe('"Germany" is not a country calling code');
		expect(restRequests(portal)).toBe(0);
	});

	it('never creates duplicates when several items of one run carry the same email', async () => {
		const items = [
			{ email: 'grace@example.com', name: 'Grace', phone: '+1 555 0001', position: 'A' },
			{ email: 'linus@example.com', name: 'Linus', phone: '+1 555 0002', position: 'B' },
			{ email: 'Grace@Example.com', name: 'Grace H.', phone: '+1 555 0003', position: 'C' },
		];
		const { output, error } = await runBitrix24(portal, { items, parameters: upsert() });
		expect(error).toBeUndefined();
		const contacts = portal.contacts();
		expect(contacts).toHaveLength(2);
		const grace = contacts.find((contact) => contact.EMAIL[0].VALUE === 'grace@example.com');
		expect(output.map((item) => item.json)).toEqual([
			{ id: Number(grace.ID), created: true, updated: false },
			{ id: expect.any(Number), created: true, updated: false },
			{ id: Number(grace.ID), created: false, updated: true },
		]);
		expect(grace).toMatchObject({ NAME: 'Grace H.', POST: 'C' });
		expect(grace.PHONE.map((phone) => phone.VALUE)).toEqual(['+1 555 0001', '+1 555 0003']);
		expect(restRequests(portal)).toBeLessThanOrEqual(4);
	});

	it('names the item whose value to match is empty', async () => {
		const { output } = await runBitrix24(portal, {
			items: [
				{ email: '', name: 'Nobody' },
				{ email: 'x@example.com', name: 'X' },
			],
			parameters: upsert(),
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe('Value to Match is empty');
		expect(output[1].json.created).toBe(true);
	});

	it('matches by email unless told otherwise; nodes saved before version 1.1 keep matching by a field', async () => {
		// n8n saves a node without the parameters left at their defaults: no "matchBy" here.
		const { matchBy, ...unset } = upsert();
		expect(matchBy).toBe('EMAIL');
		const item = {
			email: 'ada@example.com',
			name: 'Ada',
			phone: '+44 20 7946 0000',
			position: 'A',
		};
		for (const email of ['ada@example.com', 'ADA@example.com']) {
			const { output, error } = await runBitrix24(portal, {
				typeVersion: 1.1,
				items: [{ ...item, email }],
				parameters: unset,
			});
			expect(error).toBeUndefined();
			expect(output[0].json.created).toBe(email === 'ada@example.com');
		}
		expect(portal.contacts()).toHaveLength(1);

		// A version 1 node saved with the former default (Field) and its match field.
		const saved = { ...unset, matchField: 'ORIGIN_ID', matchValue: '=crm-{{ $json.name }}' };
		for (const created of [true, false]) {
			const { output, error } = await runBitrix24(portal, { items: [item], parameters: saved });
			expect(error).toBeUndefined();
			expect(output[0].json.created).toBe(created);
		}
		const contacts = portal.contacts();
		expect(contacts).toHaveLength(2);
		expect(contacts[1].ORIGIN_ID).toBe('crm-Ada');
	});
});

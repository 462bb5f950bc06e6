'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox legacy deals, contacts, companies', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2026, 4, 14, 7, 0, 0));
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('crm.deal.add/get: defaults, legacy typing, default pipeline', async () => {
		const add = await api('crm.deal.add', {
			fields: {
				TITLE: 'Big deal',
				OPPORTUNITY: 1500.5,
				CURRENCY_ID: 'EUR',
				PHONE: [{ VALUE: '1' }],
			},
		});
		expect(add.body.result).toBe(1);
		const deal = (await api('crm.deal.get', { id: 1 })).body.result;
		expect(deal).toMatchObject({
			ID: '1',
			TITLE: 'Big deal',
			CATEGORY_ID: '0',
			STAGE_ID: 'NEW',
			STAGE_SEMANTIC_ID: 'P',
			IS_NEW: 'Y',
			CLOSED: 'N',
			OPPORTUNITY: '1500.50',
			CURRENCY_ID: 'EUR',
			BEGINDATE: '2026-05-14T00:00:00+03:00',
			CLOSEDATE: '2026-05-21T00:00:00+03:00',
			ASSIGNED_BY_ID: '1',
			DATE_CREATE: '2026-05-14T10:00:00+03:00',
		});
		expect(deal).not.toHaveProperty('PHONE');
		await api('crm.deal.add', {});
		expect(sb.deals()[1].TITLE).toBe('Deal #2');
	});

	test('deal stages: won closes, unknown or foreign stage is a legacy 400, CATEGORY_ID immutable', async () => {
		const cat = (await api('crm.category.add', { entityTypeId: 2, fields: { name: 'Wholesale' } }))
			.body.result.category;
		expect(cat).toMatchObject({ id: 1, name: 'Wholesale', isDefault: 'N', entityTypeId: 2 });

		const inCat = (await api('crm.deal.add', { fields: { CATEGORY_ID: 1 } })).body.result;
		expect(sb.deals()[0]).toMatchObject({
			ID: String(inCat),
			CATEGORY_ID: '1',
			STAGE_ID: 'C1:NEW',
		});

		const foreign = await api('crm.deal.add', { fields: { CATEGORY_ID: 1, STAGE_ID: 'WON' } });
		expect(foreign.status).toBe(400);
		expect(foreign.body.error).toBe('');
		expect(foreign.body.error_description).toMatch(/WON.*pipeline 0.*pipeline 1/);
		const unknown = await api('crm.deal.add', { fields: { STAGE_ID: 'NOPE' } });
		expect(unknown.body.error_description).toMatch(/NOPE.*not found/);
		const noCat = await api('crm.deal.add', { fields: { CATEGORY_ID: 9 } });
		expect([noCat.status, noCat.body.error_description]).toEqual([
			400,
			'Pipeline (CATEGORY_ID) 9 is not found.',
		]);
		expect(sb.deals()).toHaveLength(1); // nothing stored, no ID burned
		expect((await api('crm.deal.add', {})).body.result).toBe(2);

		clock.advance(60000);
		const bad = await api('crm.deal.update', {
			id: inCat,
			fields: { STAGE_ID: 'WON', TITLE: 'x' },
		});
		expect(bad.status).toBe(400);
		expect(sb.deals()[0].TITLE).toBe('Deal #1'); // untouched
		await api('crm.deal.update', { id: inCat, fields: { STAGE_ID: 'C1:WON', CATEGORY_ID: 0 } });
		expect(sb.deals()[0]).toMatchObject({
			CATEGORY_ID: '1',
			STAGE_ID: 'C1:WON',
			STAGE_SEMANTIC_ID: 'S',
			CLOSED: 'Y',
			IS_NEW: 'N',
			MOVED_TIME: '2026-05-14T10:01:00+03:00',
		});
		expect((await api('crm.deal.update', { id: 99, fields: {} })).body.error_description).toBe(
			'Deal is not found',
		);
	});

	test('deal list: filter by pipeline and stage, order by stage sort', async () => {
		sb.seedDeals(4, (i) => ({ TITLE: `D${i}`, STAGE_ID: ['WON', 'NEW', 'EXECUTING', 'NEW'][i] }));
		const list = await api('crm.deal.list', {
			filter: { CATEGORY_ID: 0, '!STAGE_ID': 'WON' },
			order: { STAGE_ID: 'DESC' },
			select: ['ID', 'STAGE_ID'],
		});
		expect(list.body.result).toEqual([
			{ ID: '3', STAGE_ID: 'EXECUTING' },
			{ ID: '2', STAGE_ID: 'NEW' },
			{ ID: '4', STAGE_ID: 'NEW' },
		]);
		expect(list.body.total).toBe(3);
	});

	test('contacts and companies: multifields, types, COMPANY_ID ↔ COMPANY_IDS', async () => {
		const [c1, c2] = sb.seedCompanies(2, (i) => ({
			TITLE: `Co ${i}`,
			COMPANY_TYPE: 'CUSTOMER',
			INDUSTRY: 'IT',
			REVENUE: 1000000,
			EMAIL: [{ VALUE: `co${i}@example.com`, VALUE_TYPE: 'WORK' }],
		}));
		expect(sb.companies()[0]).toMatchObject({
			TITLE: 'Co 0',
			COMPANY_TYPE: 'CUSTOMER',
			INDUSTRY: 'IT',
			REVENUE: '1000000.00',
			HAS_EMAIL: 'Y',
			EMAIL: [{ ID: '1', VALUE_TYPE: 'WORK', VALUE: 'co0@example.com', TYPE_ID: 'EMAIL' }],
		});
		const id = (
			await api('crm.contact.add', {
				fields: {
					NAME: 'Ann',
					LAST_NAME: 'Lee',
					SECOND_NAME: 'M',
					POST: 'CTO',
					TYPE_ID: 'CLIENT',
					SOURCE_ID: 'WEB',
					COMPANY_IDS: [c2, c1],
					PHONE: [{ VALUE: '+1 (555) 010-20' }],
				},
			})
		).body.result;
		let contact = (await api('crm.contact.get', { id })).body.result;
		expect(contact).toMatchObject({
			NAME: 'Ann',
			LAST_NAME: 'Lee',
			POST: 'CTO',
			TYPE_ID: 'CLIENT',
			COMPANY_ID: String(c2),
			HAS_PHONE: 'Y',
			EXPORT: 'Y',
		});
		const list = await api('crm.contact.list', {
			filter: { COMPANY_ID: c2 },
			select: ['ID', 'COMPANY_IDS', 'PHONE'],
		});
		expect(list.body.result).toEqual([
			{
				ID: String(id),
				COMPANY_IDS: [String(c2), String(c1)],
				PHONE: [{ ID: '3', VALUE_TYPE: 'WORK', VALUE: '+1 (555) 010-20', TYPE_ID: 'PHONE' }],
			},
		]);
		// Deleting a company unlinks it.
		await api('crm.company.delete', { id: c2 });
		contact = (await api('crm.contact.get', { id })).body.result;
		expect(contact.COMPANY_ID).toBe(String(c1));
		expect((await api('crm.company.get', { id: c2 })).body.error_description).toBe('Not found');
		// Company without a title.
		await api('crm.company.add', { fields: {} });
		expect(sb.companies().at(-1).TITLE).toBe('Company #3');
	});

	test('crm.*.fields per entity', async () => {
		const deal = (await api('crm.deal.fields')).body.result;
		expect(deal.CATEGORY_ID).toMatchObject({ type: 'crm_category', isImmutable: true });
		expect(deal.STAGE_ID).toMatchObject({ type: 'crm_status', statusType: 'DEAL_STAGE' });
		expect(deal).not.toHaveProperty('PHONE');
		const contact = (await api('crm.contact.fields')).body.result;
		expect(contact.PHONE).toMatchObject({ type: 'crm_multifield', isMultiple: true });
		expect(contact.COMPANY_IDS).toMatchObject({ type: 'crm_company', isMultiple: true });
		const company = (await api('crm.company.fields')).body.result;
		expect(company.INDUSTRY).toMatchObject({ statusType: 'INDUSTRY' });
		expect(company.REVENUE.type).toBe('double');
	});

	test('user fields: add (UF_CRM_ prefix, enumeration LIST ids), get, update, delete, use', async () => {
		const id = (
			await api('crm.deal.userfield.add', {
				fields: {
					FIELD_NAME: 'PRIORITY',
					USER_TYPE_ID: 'enumeration',
					LABEL: 'Priority',
					LIST: [{ VALUE: 'Low' }, { VALUE: 'High', DEF: 'Y' }, { VALUE: '' }],
				},
			})
		).body.result;
		expect(typeof id).toBe('number');
		let field = (await api('crm.deal.userfield.get', { id })).body.result;
		expect(field).toMatchObject({
			ENTITY_ID: 'CRM_DEAL',
			FIELD_NAME: 'UF_CRM_PRIORITY',
			USER_TYPE_ID: 'enumeration',
			EDIT_FORM_LABEL: { en: 'Priority' },
		});
		expect(field.LIST.map((i) => [i.VALUE, i.DEF])).toEqual([
			['Low', 'N'],
			['High', 'Y'],
		]);
		const [low, high] = field.LIST.map((i) => i.ID);

		await api('crm.deal.userfield.update', {
			id,
			fields: { LIST: [{ ID: low, DEL: 'Y' }, { ID: high, VALUE: 'Urgent' }, { VALUE: 'Medium' }] },
		});
		field = (await api('crm.deal.userfield.get', { id, LANG: 'en' })).body.result;
		expect(field.EDIT_FORM_LABEL).toBe('Priority');
		expect(field.LIST.map((i) => i.VALUE)).toEqual(['Urgent', 'Medium']);

		const fields = (await api('crm.deal.fields')).body.result;
		expect(fields.UF_CRM_PRIORITY).toMatchObject({
			type: 'enumeration',
			isDynamic: true,
			items: [
				{ ID: high, VALUE: 'Urgent' },
				{ ID: field.LIST[1].ID, VALUE: 'Medium' },
			],
		});
		const deal = (await api('crm.deal.add', { fields: { UF_CRM_PRIORITY: high } })).body.result;
		expect((await api('crm.deal.get', { id: deal })).body.result.UF_CRM_PRIORITY).toBe(high);
		expect((await api('crm.deal.userfield.list')).body.result.map((f) => f.FIELD_NAME)).toEqual([
			'UF_CRM_PRIORITY',
		]);
		// Lead user fields are separate.
		expect((await api('crm.lead.userfield.get', { id })).body.error_description).toBe('Not found');

		const dup = await api('crm.deal.userfield.add', {
			fields: { FIELD_NAME: 'UF_CRM_PRIORITY', USER_TYPE_ID: 'string' },
		});
		expect([dup.status, dup.body.error]).toEqual([400, '']);
		const noType = await api('crm.contact.userfield.add', { fields: { FIELD_NAME: 'X' } });
		expect(noType.body.error_description).toBe('The field USER_TYPE_ID is required.');

		expect((await api('crm.deal.userfield.delete', { id })).body.result).toBe(true);
		expect((await api('crm.deal.get', { id: deal })).body.result).not.toHaveProperty(
			'UF_CRM_PRIORITY',
		);
	});

	test('generic seed/records helpers and control routes', async () => {
		expect(sb.seed('contacts', 2)).toEqual([1, 2]);
		expect(sb.records('contact').map((c) => c.NAME)).toEqual(['Contact 1', 'Contact 2']);
		expect(() => sb.seed('tasks', 1)).toThrow(/Unknown entity/);
		const res = await fetch(`${sb.url}/_sandbox/seed/companies`, {
			method: 'POST',
			body: JSON.stringify({ count: 3, fields: { TITLE: 'Firm {i}' } }),
		});
		expect(await res.json()).toEqual({ count: 3, firstId: 1, lastId: 3 });
		const got = await (await fetch(`${sb.url}/_sandbox/companies`)).json();
		expect(got.map((c) => c.TITLE)).toEqual(['Firm 1', 'Firm 2', 'Firm 3']);
	});
});

'use strict';

const { startSandbox, call } = require('./helpers');

describe('sandbox CRM links, duplicates, product rows', () => {
	let sb;
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('crm.deal.contact.items.get|set, add, delete keep CONTACT_ID/CONTACT_IDS in sync', async () => {
		const [c1, c2, c3] = sb.seedContacts(3);
		const [deal] = sb.seedDeals(1, () => ({ CONTACT_IDS: [c1, c2] }));
		let items = (await api('crm.deal.contact.items.get', { id: deal })).body.result;
		expect(items).toEqual([
			{ CONTACT_ID: c1, SORT: 10, ROLE_ID: 0, IS_PRIMARY: 'Y' },
			{ CONTACT_ID: c2, SORT: 20, ROLE_ID: 0, IS_PRIMARY: 'N' },
		]);

		await api('crm.deal.contact.add', { id: deal, fields: { CONTACT_ID: c3, IS_PRIMARY: 'Y' } });
		items = (await api('crm.deal.contact.items.get', { id: deal })).body.result;
		expect(items.map((i) => [i.CONTACT_ID, i.SORT, i.IS_PRIMARY])).toEqual([
			[c1, 10, 'N'],
			[c2, 20, 'N'],
			[c3, 30, 'Y'],
		]);
		let list = await api('crm.deal.list', { select: ['CONTACT_ID', 'CONTACT_IDS'] });
		expect(list.body.result[0]).toEqual({
			ID: String(deal),
			CONTACT_ID: String(c3),
			CONTACT_IDS: [String(c1), String(c2), String(c3)],
		});

		await api('crm.deal.contact.delete', { id: deal, fields: { CONTACT_ID: c3 } });
		expect(sb.deals()[0].CONTACT_ID).toBe(String(c1));

		await api('crm.deal.contact.items.set', {
			id: deal,
			items: [
				{ CONTACT_ID: c2, SORT: 5 },
				{ CONTACT_ID: c3, SORT: 1, IS_PRIMARY: 'N' },
			],
		});
		items = (await api('crm.deal.contact.items.get', { id: deal })).body.result;
		expect(items.map((i) => [i.CONTACT_ID, i.IS_PRIMARY])).toEqual([
			[c3, 'Y'],
			[c2, 'N'],
		]);

		// Deleting a contact unlinks it from deals.
		await api('crm.contact.delete', { id: c3 });
		expect(sb.deals()[0].CONTACT_ID).toBe(String(c2));

		const missing = await api('crm.deal.contact.add', { id: deal, fields: { CONTACT_ID: 99 } });
		expect([missing.status, missing.body.error]).toEqual([400, '']);
		expect((await api('crm.deal.contact.items.get', { id: 99 })).body.error_description).toBe(
			'Not found',
		);
		expect((await api('crm.deal.contact.items.get', {})).status).toBe(400);

		expect((await api('crm.deal.contact.items.delete', { id: deal })).body.result).toBe(true);
		expect((await api('crm.deal.contact.items.get', { id: deal })).body.result).toEqual([]);
		// Legacy field on update: CONTACT_ID adds and makes primary.
		await api('crm.deal.update', { id: deal, fields: { CONTACT_ID: c1 } });
		await api('crm.deal.update', { id: deal, fields: { CONTACT_ID: c2 } });
		expect(
			(await api('crm.deal.contact.items.get', { id: deal })).body.result.map((i) => i.CONTACT_ID),
		).toEqual([c2, c1]);
	});

	test('crm.contact.company.* and the reverse crm.company.contact.*', async () => {
		const [co1, co2] = sb.seedCompanies(2);
		const [c1, c2] = sb.seedContacts(2);
		await api('crm.contact.company.items.set', {
			id: c1,
			items: [{ COMPANY_ID: co1 }, { COMPANY_ID: co2, IS_PRIMARY: 'Y' }],
		});
		expect(sb.contacts()[0].COMPANY_ID).toBe(String(co2));
		await api('crm.contact.company.add', { id: c2, fields: { COMPANY_ID: co1 } });

		const fromCompany = (await api('crm.company.contact.items.get', { id: co1 })).body.result;
		expect(fromCompany.map((i) => i.CONTACT_ID)).toEqual([c1, c2]);

		await api('crm.company.contact.items.set', { id: co1, items: [{ CONTACT_ID: c2 }] });
		expect((await api('crm.contact.company.items.get', { id: c1 })).body.result).toEqual([
			{ COMPANY_ID: co2, SORT: 20, ROLE_ID: 0, IS_PRIMARY: 'Y' },
		]);
		await api('crm.company.contact.delete', { id: co1, fields: { CONTACT_ID: c2 } });
		expect(sb.contacts()[1].COMPANY_ID).toBe(null);
		await api('crm.company.contact.add', { id: co2, fields: { CONTACT_ID: c2 } });
		expect(sb.contacts()[1].COMPANY_ID).toBe(String(co2));
	});

	test('crm.duplicate.findbycomm: phone digits, e-mail case, entity_type, errors', async () => {
		sb.seedLeads(2, (i) => ({ PHONE: [{ VALUE: i === 0 ? '+1 (555) 010-2030' : '999' }] }));
		sb.seedContacts(1, () => ({
			PHONE: [{ VALUE: '15550102030' }],
			EMAIL: [{ VALUE: 'Ann@Example.com' }],
		}));
		sb.seedCompanies(1, () => ({ EMAIL: [{ VALUE: 'ann@example.com ' }] }));

		const phone = await api('crm.duplicate.findbycomm', {
			type: 'PHONE',
			values: ['1-555-010-20-30'],
		});
		expect(phone.body.result).toEqual({ LEAD: [1], CONTACT: [1] });
		const email = await api('crm.duplicate.findbycomm', {
			type: 'EMAIL',
			values: ['ANN@example.COM'],
			entity_type: 'COMPANY',
		});
		expect(email.body.result).toEqual({ COMPANY: [1] });
		const none = await api('crm.duplicate.findbycomm', { type: 'EMAIL', values: ['nobody@x.y'] });
		expect(none.body.result).toEqual([]);

		const noType = await api('crm.duplicate.findbycomm', { values: ['1'] });
		expect([noType.status, noType.body]).toEqual([
			400,
			{
				error: 'Communication type is not defined',
				error_description: 'Communication type is not defined',
			},
		]);
		expect((await api('crm.duplicate.findbycomm', { type: 'PHONE' })).body.error).toBe(
			'Communication values is not defined',
		);
		const tooMany = await api('crm.duplicate.findbycomm', {
			type: 'PHONE',
			values: Array.from({ length: 21 }, (_, i) => String(i + 1)),
		});
		expect(tooMany.status).toBe(400);
	});

	test('productrows.set replaces rows and recomputes OPPORTUNITY; get; discount errors', async () => {
		const [deal] = sb.seedDeals(1);
		const set = await api('crm.deal.productrows.set', {
			id: deal,
			rows: [
				{ PRODUCT_NAME: 'Chair', PRICE: 100, QUANTITY: 3, DISCOUNT_TYPE_ID: 2, DISCOUNT_RATE: 20 },
				{ PRODUCT_NAME: 'Desk', PRICE: 110, QUANTITY: 1, TAX_RATE: 10, TAX_INCLUDED: 'Y' },
			],
		});
		expect(set.body.result).toBe(true);
		const rows = (await api('crm.deal.productrows.get', { id: deal })).body.result;
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			ID: '1',
			OWNER_ID: String(deal),
			OWNER_TYPE: 'D',
			PRODUCT_NAME: 'Chair',
			PRICE: '100',
			PRICE_NETTO: '125',
			DISCOUNT_SUM: '25',
			QUANTITY: '3',
		});
		expect(rows[1]).toMatchObject({ PRICE_EXCLUSIVE: '100', TAX_RATE: '10', TAX_INCLUDED: 'Y' });
		expect(sb.deals()[0]).toMatchObject({ OPPORTUNITY: '410.00', TAX_VALUE: '10.00' });

		await api('crm.deal.productrows.set', { id: deal, rows: [{ PRODUCT_NAME: 'Lamp', PRICE: 5 }] });
		expect(
			(await api('crm.deal.productrows.get', { id: deal })).body.result.map((r) => r.PRODUCT_NAME),
		).toEqual(['Lamp']);
		expect(sb.deals()[0].OPPORTUNITY).toBe('5.00');
		await api('crm.deal.productrows.set', { id: deal, rows: [] });
		expect((await api('crm.deal.productrows.get', { id: deal })).body.result).toEqual([]);

		const bad = await api('crm.deal.productrows.set', {
			id: deal,
			rows: [{ PRICE: 1, DISCOUNT_TYPE_ID: 1 }],
		});
		expect([bad.status, bad.body.error]).toEqual([400, 'ERROR_CORE']);
		expect(bad.body.error_description).toMatch(/^Discount Sum \(DISCOUNT_SUM\) is required/);
		expect((await api('crm.deal.productrows.get', { id: 77 })).body.error_description).toBe(
			'Not found',
		);

		// Leads too; a manual amount is kept.
		const [lead] = sb.seedLeads(1, () => ({ OPPORTUNITY: 7, IS_MANUAL_OPPORTUNITY: 'Y' }));
		await api('crm.lead.productrows.set', { id: lead, rows: [{ PRICE: 50, QUANTITY: 2 }] });
		const leadRows = (await api('crm.lead.productrows.get', { id: lead })).body.result;
		expect(leadRows[0]).toMatchObject({ OWNER_TYPE: 'L', PRODUCT_NAME: `[${leadRows[0].ID}]` });
		expect(sb.leads()[0].OPPORTUNITY).toBe('7.00');
	});
});

describe('sandbox CRM batch across entities', () => {
	let sb;
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());

	test('company → contact → deal with $result references, then read back', async () => {
		const res = await call(sb.webhookUrl, 'batch', {
			halt: 1,
			cmd: {
				co: 'crm.company.add?fields[TITLE]=ACME',
				c: 'crm.contact.add?fields[NAME]=Ann&fields[COMPANY_ID]=$result[co]',
				d: 'crm.deal.add?fields[TITLE]=Deal&fields[COMPANY_ID]=$result[co]&fields[CONTACT_IDS][]=$result[c]',
				links: 'crm.deal.contact.items.get?id=$result[d]',
				item: 'crm.item.get?entityTypeId=2&id=$result[d]',
			},
		});
		const r = res.body.result;
		expect(r.result_error).toEqual([]);
		expect(r.result.links).toEqual([{ CONTACT_ID: 1, SORT: 10, ROLE_ID: 0, IS_PRIMARY: 'Y' }]);
		expect(r.result.item.item).toMatchObject({ companyId: 1, contactIds: [1] });
		expect(sb.contacts()[0].COMPANY_ID).toBe('1');
	});
});

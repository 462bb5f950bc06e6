'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox crm.lead.* CRUD', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2026, 4, 14, 7, 0, 0));
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('add returns an int ID; get prints legacy typing with defaults', async () => {
		const add = await api('crm.lead.add', {
			fields: {
				TITLE: 'ACME',
				NAME: 'Ann',
				OPPORTUNITY: 15000,
				BIRTHDATE: '1990-05-14',
				UNKNOWN_FIELD: 'x',
				ID: 77,
				HAS_PHONE: 'Y',
			},
		});
		expect(add.body.result).toBe(1);
		const lead = (await api('crm.lead.get', { id: add.body.result })).body.result;
		expect(lead).toMatchObject({
			ID: '1',
			TITLE: 'ACME',
			NAME: 'Ann',
			LAST_NAME: null,
			STATUS_ID: 'NEW',
			STATUS_SEMANTIC_ID: 'P',
			OPPORTUNITY: '15000.00',
			CURRENCY_ID: 'USD',
			OPENED: 'Y',
			HAS_PHONE: 'N',
			HAS_EMAIL: 'N',
			ASSIGNED_BY_ID: '1',
			CREATED_BY_ID: '1',
			BIRTHDATE: '1990-05-14T00:00:00+03:00',
			DATE_CREATE: '2026-05-14T10:00:00+03:00',
			DATE_MODIFY: '2026-05-14T10:00:00+03:00',
			DATE_CLOSED: '',
			UF_CRM_SOURCE_DETAIL: '',
		});
		expect(lead).not.toHaveProperty('UNKNOWN_FIELD');
		expect(lead).not.toHaveProperty('PHONE');
	});

	test('a lead without title gets "Lead #ID"; fields param casing variants', async () => {
		await api('crm.lead.add', { FIELDS: { NAME: 'Upper' } });
		await api('crm.lead.add', { Fields: { NAME: 'Cap' } });
		await api('crm.lead.add', { arFields: { NAME: 'Hungarian' } });
		expect(sb.leads().map((l) => [l.TITLE, l.NAME])).toEqual([
			['Lead #1', 'Upper'],
			['Lead #2', 'Cap'],
			['Lead #3', 'Hungarian'],
		]);
		expect((await api('crm.lead.get', { ID: 2 })).body.result.NAME).toBe('Cap');
	});

	test('legacy errors: error "" with HTTP 400', async () => {
		const cases = [
			['crm.lead.get', {}, 'ID is not defined or invalid.'],
			['crm.lead.get', { id: 'abc' }, 'ID is not defined or invalid.'],
			['crm.lead.get', { id: 5 }, 'Not found'],
			['crm.lead.update', { id: 5, fields: { TITLE: 'x' } }, 'Lead is not found'],
			['crm.lead.update', { id: 5, fields: 'oops' }, "Parameter 'fields' must be array."],
			['crm.lead.delete', { id: 5 }, 'Not found'],
			['crm.lead.add', { fields: 'oops' }, "Parameter 'fields' must be array."],
			['crm.lead.list', { filter: 'oops' }, "Parameter 'filter' must be array."],
			['crm.lead.list', { order: 'oops' }, "Parameter 'order' must be array."],
		];
		for (const [method, params, description] of cases) {
			const res = await api(method, params);
			expect([method, res.status, res.body]).toEqual([
				method,
				400,
				{ error: '', error_description: description },
			]);
		}
	});

	test('update: changed fields only, read-only ignored, DATE_MODIFY and stage bookkeeping', async () => {
		const id = (await api('crm.lead.add', { fields: { TITLE: 'Before', NAME: 'Keep' } })).body
			.result;
		clock.advance(60 * 1000);
		const res = await api('crm.lead.update', {
			id,
			fields: { TITLE: 'After', STATUS_ID: 'CONVERTED', DATE_CREATE: '2000-01-01' },
		});
		expect(res.body.result).toBe(true);
		const lead = sb.leads()[0];
		expect(lead).toMatchObject({
			TITLE: 'After',
			NAME: 'Keep',
			STATUS_ID: 'CONVERTED',
			STATUS_SEMANTIC_ID: 'S',
			DATE_CREATE: '2026-05-14T10:00:00+03:00',
			DATE_MODIFY: '2026-05-14T10:01:00+03:00',
			MOVED_TIME: '2026-05-14T10:01:00+03:00',
			DATE_CLOSED: '2026-05-14T10:01:00+03:00',
		});
	});

	test('multifields: output shape, merge on update (add, change, delete)', async () => {
		const id = (
			await api('crm.lead.add', {
				fields: {
					PHONE: [
						{ VALUE: '+1 111', VALUE_TYPE: 'WORK' },
						{ VALUE: '+1 222', VALUE_TYPE: 'MOBILE' },
						{ VALUE: '' },
					],
					EMAIL: [{ VALUE: 'ann@example.com' }],
				},
			})
		).body.result;
		let lead = (await api('crm.lead.get', { id })).body.result;
		expect(lead.PHONE).toEqual([
			{ ID: '1', VALUE_TYPE: 'WORK', VALUE: '+1 111', TYPE_ID: 'PHONE' },
			{ ID: '2', VALUE_TYPE: 'MOBILE', VALUE: '+1 222', TYPE_ID: 'PHONE' },
		]);
		expect(lead.EMAIL).toEqual([
			{ ID: '3', VALUE_TYPE: 'WORK', VALUE: 'ann@example.com', TYPE_ID: 'EMAIL' },
		]);
		expect([lead.HAS_PHONE, lead.HAS_EMAIL]).toEqual(['Y', 'Y']);

		await api('crm.lead.update', {
			id,
			fields: {
				PHONE: [
					{ ID: '1', VALUE: '+1 999', VALUE_TYPE: 'HOME' },
					{ ID: '2', DELETE: 'Y' },
					{ VALUE: '+1 333' },
				],
				EMAIL: [{ ID: 3, VALUE: '' }],
			},
		});
		lead = (await api('crm.lead.get', { id })).body.result;
		expect(lead.PHONE).toEqual([
			{ ID: '1', VALUE_TYPE: 'HOME', VALUE: '+1 999', TYPE_ID: 'PHONE' },
			{ ID: '4', VALUE_TYPE: 'WORK', VALUE: '+1 333', TYPE_ID: 'PHONE' },
		]);
		expect(lead).not.toHaveProperty('EMAIL');
		expect(lead.HAS_EMAIL).toBe('N');

		// Form encoding: multifields through bracket notation.
		await api(
			'crm.lead.update',
			{ id, fields: { WEB: [{ VALUE: 'https://acme.test' }] } },
			{ as: 'form' },
		);
		expect(sb.leads()[0].WEB).toEqual([
			{ ID: '5', VALUE_TYPE: 'WORK', VALUE: 'https://acme.test', TYPE_ID: 'WEB' },
		]);
	});

	test('user fields: stored, listed, described', async () => {
		const id = (
			await api('crm.lead.add', {
				fields: { UF_CRM_SOURCE_DETAIL: 'fair 2026', UF_CRM_IS_VIP: 'Y' },
			})
		).body.result;
		expect((await api('crm.lead.get', { id })).body.result).toMatchObject({
			UF_CRM_SOURCE_DETAIL: 'fair 2026',
			UF_CRM_IS_VIP: true,
		});

		const ufList = await api('crm.lead.userfield.list', { filter: { USER_TYPE_ID: 'string' } });
		expect(ufList.body.result).toEqual([
			expect.objectContaining({
				ENTITY_ID: 'CRM_LEAD',
				FIELD_NAME: 'UF_CRM_SOURCE_DETAIL',
				USER_TYPE_ID: 'string',
				MULTIPLE: 'N',
			}),
		]);
		const all = await api('crm.lead.userfield.list', { order: { SORT: 'DESC' }, LANG: 'en' });
		expect(all.body.result.map((f) => [f.FIELD_NAME, f.EDIT_FORM_LABEL])).toEqual([
			['UF_CRM_IS_VIP', 'VIP client'],
			['UF_CRM_SOURCE_DETAIL', 'Source detail'],
		]);
	});

	test('crm.lead.fields describes standard, multi and user fields', async () => {
		const fields = (await api('crm.lead.fields')).body.result;
		expect(fields.ID).toEqual({
			type: 'integer',
			isRequired: false,
			isReadOnly: true,
			isImmutable: false,
			isMultiple: false,
			isDynamic: false,
			title: 'ID',
		});
		expect(fields.STATUS_ID).toMatchObject({ type: 'crm_status', statusType: 'STATUS' });
		expect(fields.CONTACT_ID.isDeprecated).toBe(true);
		expect(fields.PHONE).toMatchObject({ type: 'crm_multifield', isMultiple: true });
		expect(fields.UF_CRM_SOURCE_DETAIL).toMatchObject({
			type: 'string',
			isDynamic: true,
			title: 'UF_CRM_SOURCE_DETAIL',
			listLabel: 'Source detail',
			formLabel: 'Source detail',
		});
	});

	test('delete removes the lead', async () => {
		const id = (await api('crm.lead.add', { fields: { TITLE: 'Gone' } })).body.result;
		expect((await api('crm.lead.delete', { ID: String(id) })).body.result).toBe(true);
		expect(sb.leads()).toEqual([]);
		expect((await api('crm.lead.get', { id })).body.error_description).toBe('Not found');
	});

	test('crm.status.list and crm.currency.list', async () => {
		const stages = await api('crm.status.list', { filter: { ENTITY_ID: 'STATUS' } });
		expect(stages.body.total).toBe(5);
		expect(stages.body.result.map((s) => s.STATUS_ID)).toEqual([
			'NEW',
			'IN_PROCESS',
			'PROCESSED',
			'CONVERTED',
			'JUNK',
		]);
		expect(stages.body.result[3]).toMatchObject({
			SORT: '40',
			SEMANTICS: 'S',
			EXTRA: { SEMANTICS: 'success' },
		});
		const sources = await api('crm.status.list', {
			filter: { ENTITY_ID: 'SOURCE' },
			order: { SORT: 'DESC' },
		});
		expect(sources.body.result[0].STATUS_ID).toBe('OTHER');
		const currencies = await api('crm.currency.list');
		expect(currencies.body.result.map((c) => c.CURRENCY)).toEqual(['USD', 'EUR', 'RUB']);
	});
});

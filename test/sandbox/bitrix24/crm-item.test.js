'use strict';

const { startSandbox, call } = require('./helpers');

describe('sandbox crm.item.* (Engine) and crm.type.*', () => {
	let sb;
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('add/get/update/delete a deal: camelCase, typed values, same record as crm.deal.*', async () => {
		const add = await api('crm.item.add', {
			entityTypeId: 2,
			fields: {
				title: 'Engine deal',
				opportunity: 19000,
				contactIds: [3, 4],
				stageId: 'PREPARATION',
			},
		});
		expect(add.status).toBe(200);
		expect(add.body.result.item).toMatchObject({
			id: 1,
			title: 'Engine deal',
			categoryId: 0,
			stageId: 'PREPARATION',
			opportunity: 19000,
			contactId: 3,
			contactIds: [3, 4],
			assignedById: 1,
			createdBy: 1,
			opened: 'Y',
			closed: 'N',
		});
		expect(add.body.result.item.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
		expect(sb.deals()[0]).toMatchObject({
			TITLE: 'Engine deal',
			OPPORTUNITY: '19000.00',
			CONTACT_ID: '3',
		});

		const upd = await api('crm.item.update', {
			entityTypeId: 2,
			id: 1,
			fields: { stageId: 'WON', bogus: 1 },
		});
		expect(upd.body.result.item).toMatchObject({
			stageId: 'WON',
			stageSemanticId: 'S',
			closed: 'Y',
		});
		const bad = await api('crm.item.update', {
			entityTypeId: 2,
			id: 1,
			fields: { stageId: 'C5:NEW' },
		});
		expect([bad.status, bad.body.error]).toEqual([400, 'CRM_FIELD_ERROR_VALUE_NOT_VALID']);

		expect((await api('crm.item.get', { entityTypeId: 2, id: 1 })).body.result.item.id).toBe(1);
		expect((await api('crm.item.delete', { entityTypeId: 2, id: 1 })).body.result).toEqual([]);
		const gone = await api('crm.item.get', { entityTypeId: 2, id: 1 });
		expect([gone.status, gone.body.error]).toEqual([400, 'NOT_FOUND']);
		const noType = await api('crm.item.get', { entityTypeId: 999, id: 1 });
		expect(noType.body).toEqual({
			error: 'NOT_FOUND',
			error_description: 'Smart process not found',
		});
	});

	test('contacts: fm multifields on add, update by value id, and in lists only with *', async () => {
		const item = (
			await api('crm.item.add', {
				entityTypeId: 3,
				fields: { name: 'Ann', fm: [{ typeId: 'PHONE', valueType: 'WORK', value: '+1 555' }] },
			})
		).body.result.item;
		expect(item.fm).toEqual([{ id: 1, valueType: 'WORK', value: '+1 555', typeId: 'PHONE' }]);
		const upd = await api('crm.item.update', {
			entityTypeId: 3,
			id: item.id,
			fields: {
				fm: {
					1: { typeId: 'PHONE', valueType: 'HOME', value: '+1 777' },
					new1: { typeId: 'EMAIL', valueType: 'WORK', value: 'ann@example.com' },
				},
			},
		});
		expect(upd.body.result.item.fm).toEqual([
			{ id: 1, valueType: 'HOME', value: '+1 777', typeId: 'PHONE' },
			{ id: 2, valueType: 'WORK', value: 'ann@example.com', typeId: 'EMAIL' },
		]);
		expect(sb.contacts()[0].PHONE[0].VALUE).toBe('+1 777');
		const star = await api('crm.item.list', { entityTypeId: 3, select: ['*'] });
		expect(star.body.result.items[0].fm).toHaveLength(2);
		const named = await api('crm.item.list', { entityTypeId: 3, select: ['id', 'name'] });
		expect(named.body.result.items).toEqual([{ id: 1, name: 'Ann' }]);
	});

	test('list: Engine filter with OR groups, order, ORM offset paging and fast >id paging', async () => {
		sb.seedLeads(120, (i) => ({ TITLE: `L${i + 1}`, STATUS_ID: i % 2 ? 'IN_PROCESS' : 'NEW' }));
		const page = await api('crm.item.list', {
			entityTypeId: 1,
			select: ['id', 'title', 'stageId'],
			filter: { stageId: 'NEW' },
			order: { id: 'DESC' },
			start: 5, // ORM offset: not rounded to a page
		});
		expect(page.body.result.items[0]).toEqual({ id: 109, title: 'L109', stageId: 'NEW' });
		expect(page.body.result.items).toHaveLength(50);
		expect(page.body.total).toBe(60);
		expect(page.body.next).toBe(55);
		const last = await api('crm.item.list', {
			entityTypeId: 1,
			filter: { stageId: 'NEW' },
			start: 10,
		});
		expect(last.body.result.items).toHaveLength(50);
		expect(last.body).not.toHaveProperty('next');

		const or = await api('crm.item.list', {
			entityTypeId: 1,
			select: ['id'],
			filter: { logic: 'OR', 0: { title: 'L3' }, 1: { '@id': [7, 8] } },
		});
		expect(or.body.result.items.map((i) => i.id)).toEqual([3, 7, 8]);

		const fast = await api('crm.item.list', {
			entityTypeId: 1,
			select: ['id'],
			order: { id: 'ASC' },
			filter: { '>id': 100 },
			start: -1,
		});
		expect(fast.body.result.items.map((i) => i.id)).toEqual(
			Array.from({ length: 20 }, (_, i) => 101 + i),
		);
		expect(fast.body.total).toBe(0);
		expect(fast.body).not.toHaveProperty('next');

		const bad = await api('crm.item.list', { entityTypeId: 1, filter: { NOPE: 1 } });
		expect(bad.body).toEqual({
			error: 'INVALID_ARG_VALUE',
			error_description: "Invalid filter: field 'NOPE' is not allowed in filter",
		});
	});

	test('user fields: camelCase names by default, original names with useOriginalUfNames=Y', async () => {
		const [id] = sb.seedLeads(1, () => ({ UF_CRM_SOURCE_DETAIL: 'fair', UF_CRM_IS_VIP: 'Y' }));
		const camel = (await api('crm.item.get', { entityTypeId: 1, id })).body.result.item;
		expect(camel).toMatchObject({ ufCrmSourceDetail: 'fair', ufCrmIsVip: 'Y' });
		const original = (await api('crm.item.get', { entityTypeId: 1, id, useOriginalUfNames: 'Y' }))
			.body.result.item;
		expect(original).toMatchObject({ UF_CRM_SOURCE_DETAIL: 'fair', UF_CRM_IS_VIP: 'Y' });
		expect(original).not.toHaveProperty('ufCrmSourceDetail');
		await api('crm.item.update', { entityTypeId: 1, id, fields: { ufCrmSourceDetail: 'web' } });
		expect(sb.leads()[0].UF_CRM_SOURCE_DETAIL).toBe('web');
		const fields = (await api('crm.item.fields', { entityTypeId: 1 })).body.result.fields;
		expect(fields.ufCrmSourceDetail).toMatchObject({
			isDynamic: true,
			upperName: 'UF_CRM_SOURCE_DETAIL',
		});
		expect(fields.stageId).toMatchObject({ type: 'crm_status', upperName: 'STATUS_ID' });
		expect(fields.fm.type).toBe('crm_multifield');
	});

	test('smart processes: crm.type.add/list, default pipeline and stages, items', async () => {
		const type = (
			await api('crm.type.add', { fields: { title: 'Orders', isCategoriesEnabled: 'Y' } })
		).body.result.type;
		expect(type).toMatchObject({
			id: 1,
			title: 'Orders',
			entityTypeId: 128,
			isCategoriesEnabled: 'Y',
		});
		const second = (await api('crm.type.add', { fields: { title: 'Trips' } })).body.result.type;
		expect(second.entityTypeId).toBe(129);
		const types = await api('crm.type.list');
		expect(types.body.result.types.map((t) => t.title)).toEqual(['Orders', 'Trips']);
		expect(types.body.total).toBe(2);

		const cats = (await api('crm.category.list', { entityTypeId: 128 })).body.result.categories;
		expect(cats).toEqual([
			{ id: 1, name: 'Default', sort: 500, entityTypeId: 128, isDefault: 'Y' },
		]);
		const stages = (await api('crm.status.list', { filter: { ENTITY_ID: 'DYNAMIC_128_STAGE_1' } }))
			.body.result;
		expect(stages.map((s) => s.STATUS_ID)).toEqual([
			'DT128_1:NEW',
			'DT128_1:PREPARATION',
			'DT128_1:CLIENT',
			'DT128_1:SUCCESS',
			'DT128_1:FAIL',
		]);

		const item = (await api('crm.item.add', { entityTypeId: 128, fields: { opportunity: 5 } })).body
			.result.item;
		expect(item).toMatchObject({
			id: 1,
			title: 'Orders #1',
			categoryId: 1,
			stageId: 'DT128_1:NEW',
			opportunity: 5,
		});
		const moved = (
			await api('crm.item.update', {
				entityTypeId: 128,
				id: 1,
				fields: { stageId: 'DT128_1:SUCCESS' },
			})
		).body.result.item;
		expect(moved).toMatchObject({ stageId: 'DT128_1:SUCCESS', previousStageId: 'DT128_1:NEW' });
		expect((await api('crm.item.list', { entityTypeId: 129 })).body.result).toEqual({ items: [] });

		// Smart-process user fields: UF_CRM_{typeId}_… ↔ ufCrm{typeId}_…
		sb.state.userFields.add({
			ENTITY_ID: 'CRM_1',
			FIELD_NAME: 'UF_CRM_1_1639669411830',
			USER_TYPE_ID: 'string',
		});
		await api('crm.item.update', {
			entityTypeId: 128,
			id: 1,
			fields: { ufCrm1_1639669411830: 'x' },
		});
		expect(
			(await api('crm.item.get', { entityTypeId: 128, id: 1 })).body.result.item
				.ufCrm1_1639669411830,
		).toBe('x');

		expect((await api('crm.type.delete', { id: 2 })).body.result).toEqual([]);
		expect((await api('crm.item.list', { entityTypeId: 129 })).body.error).toBe('NOT_FOUND');
		expect((await api('crm.type.add', { fields: {} })).status).toBe(400);
	});
});

'use strict';

const { startSandbox, call } = require('./helpers');

describe('sandbox pipelines (crm.category.*) and stages (crm.status.*)', () => {
	let sb;
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('crm.category.list: default deal pipeline id 0, Engine envelope', async () => {
		const res = await api('crm.category.list', { entityTypeId: 2 });
		expect(res.body.result).toEqual({
			categories: [
				{
					id: 0,
					name: 'General',
					sort: 0,
					entityTypeId: 2,
					isDefault: 'Y',
					originId: '',
					originatorId: '',
				},
			],
		});
		expect(res.body.total).toBe(1);
		const contacts = await api('crm.category.list', { entityTypeId: 3 });
		expect(contacts.body.result.categories).toEqual([
			{ id: 0, name: 'Contacts', sort: 0, entityTypeId: 3, isDefault: 'Y' },
		]);
		const lead = await api('crm.category.list', { entityTypeId: 1 });
		expect([lead.status, lead.body.error]).toEqual([400, 'ENTITY_TYPE_NOT_SUPPORTED']);
		const missing = await api('crm.category.list', { entityTypeId: 999 });
		expect([missing.status, missing.body.error]).toEqual([400, 'NOT_FOUND']);
	});

	test('add creates default stages (DEAL_STAGE_{id}, C{id}: prefix); get/update/delete', async () => {
		const add = await api('crm.category.add', {
			entityTypeId: 2,
			fields: { name: 'B2B', sort: 200 },
		});
		expect(add.body.result.category).toEqual({
			id: 1,
			name: 'B2B',
			sort: 200,
			entityTypeId: 2,
			isDefault: 'N',
			originId: '',
			originatorId: '',
		});
		const stages = await api('crm.status.list', {
			filter: { ENTITY_ID: 'DEAL_STAGE_1' },
			order: { SORT: 'ASC' },
		});
		expect(stages.body.result.map((s) => [s.STATUS_ID, s.SEMANTICS, s.CATEGORY_ID])).toEqual([
			['C1:NEW', null, '1'],
			['C1:PREPARATION', null, '1'],
			['C1:PREPAYMENT_INVOICE', null, '1'],
			['C1:EXECUTING', null, '1'],
			['C1:FINAL_INVOICE', null, '1'],
			['C1:WON', 'S', '1'],
			['C1:LOSE', 'F', '1'],
			['C1:APOLOGY', 'F', '1'],
		]);
		expect(stages.body.result[5].EXTRA).toEqual({ SEMANTICS: 'success', COLOR: '#7BD500' });

		expect(
			(await api('crm.category.get', { entityTypeId: 2, id: 1 })).body.result.category.name,
		).toBe('B2B');
		const upd = await api('crm.category.update', {
			entityTypeId: 2,
			id: 1,
			fields: { name: 'Retail' },
		});
		expect(upd.body.result.category.name).toBe('Retail');
		const empty = await api('crm.category.add', { entityTypeId: 2, fields: { name: '  ' } });
		expect([empty.status, empty.body.error_description]).toEqual([400, "Field 'NAME' is required"]);
		const fields = (await api('crm.category.fields', { entityTypeId: 2 })).body.result.fields;
		expect(Object.keys(fields)).toEqual([
			'id',
			'name',
			'sort',
			'entityTypeId',
			'isDefault',
			'originId',
			'originatorId',
		]);

		// A pipeline with deals cannot be deleted; the default one never.
		const dealId = (await api('crm.deal.add', { fields: { CATEGORY_ID: 1 } })).body.result;
		expect((await api('crm.category.delete', { entityTypeId: 2, id: 1 })).status).toBe(400);
		await api('crm.deal.delete', { id: dealId });
		expect((await api('crm.category.delete', { entityTypeId: 2, id: 1 })).body.result).toEqual([]);
		expect(
			(await api('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE_1' } })).body.total,
		).toBe(0);
		expect((await api('crm.category.delete', { entityTypeId: 2, id: 0 })).status).toBe(400);
		expect((await api('crm.category.get', { entityTypeId: 2, id: 1 })).body.error).toBe(
			'NOT_FOUND',
		);
	});

	test('crm.status.add/update/delete/get with prefixes, duplicates and system entries', async () => {
		await api('crm.category.add', { entityTypeId: 2, fields: { name: 'B2B' } });
		const id = (
			await api('crm.status.add', {
				fields: {
					ENTITY_ID: 'DEAL_STAGE_1',
					STATUS_ID: 'DECISION',
					NAME: 'Decision',
					SORT: 25,
					COLOR: '#FFA900',
				},
			})
		).body.result;
		expect(typeof id).toBe('number');
		expect((await api('crm.status.get', { id })).body.result).toMatchObject({
			ID: String(id),
			ENTITY_ID: 'DEAL_STAGE_1',
			STATUS_ID: 'C1:DECISION',
			SORT: '25',
			SEMANTICS: null,
			CATEGORY_ID: '1',
		});
		const dup = await api('crm.status.add', {
			fields: { ENTITY_ID: 'DEAL_STAGE_1', STATUS_ID: 'C1:DECISION', NAME: 'Again' },
		});
		expect([dup.status, dup.body.error, dup.body.error_description]).toEqual([
			400,
			'',
			'Duplicate STATUS_ID.',
		]);
		expect(
			(await api('crm.status.add', { fields: { STATUS_ID: 'X', NAME: 'x' } })).body
				.error_description,
		).toBe('The field ENTITY_ID is required.');
		expect(
			(await api('crm.status.add', { fields: { ENTITY_ID: 'NOPE', STATUS_ID: 'X', NAME: 'x' } }))
				.body.error_description,
		).toBe('Specified entity type is not supported.');

		// The new stage is usable by deals of that pipeline only.
		expect(
			(await api('crm.deal.add', { fields: { CATEGORY_ID: 1, STAGE_ID: 'C1:DECISION' } })).status,
		).toBe(200);
		expect((await api('crm.deal.add', { fields: { STAGE_ID: 'C1:DECISION' } })).status).toBe(400);

		expect(
			(await api('crm.status.update', { id, fields: { NAME: 'Decided', SEMANTICS: 'F' } })).body
				.result,
		).toBe(true);
		expect((await api('crm.status.get', { id })).body.result).toMatchObject({
			NAME: 'Decided',
			SEMANTICS: 'F',
		});
		expect((await api('crm.status.delete', { id })).body.result).toBe(true);

		const system = (
			await api('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE', STATUS_ID: 'WON' } })
		).body.result[0];
		expect((await api('crm.status.delete', { id: system.ID })).status).toBe(400);
		expect(
			(await api('crm.status.delete', { id: system.ID, params: { FORCED: 'Y' } })).body.result,
		).toBe(true);

		const types = (await api('crm.status.entity.types')).body.result;
		expect(types.find((t) => t.ID === 'DEAL_STAGE_1')).toMatchObject({
			PREFIX: 'C1:',
			ENTITY_TYPE_ID: 2,
			CATEGORY_ID: 1,
		});
		expect(types.map((t) => t.ID)).toEqual(
			expect.arrayContaining([
				'STATUS',
				'SOURCE',
				'DEAL_STAGE',
				'DEAL_TYPE',
				'CONTACT_TYPE',
				'COMPANY_TYPE',
				'INDUSTRY',
			]),
		);
		expect((await api('crm.status.fields')).body.result.SEMANTICS.type).toBe('string');
	});

	test('reset restores stages and pipelines', async () => {
		await api('crm.category.add', { entityTypeId: 2, fields: { name: 'B2B' } });
		sb.reset();
		expect((await api('crm.category.list', { entityTypeId: 2 })).body.total).toBe(1);
		expect(
			(await api('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE_1' } })).body.total,
		).toBe(0);
		expect(
			(await api('crm.category.add', { entityTypeId: 2, fields: { name: 'Again' } })).body.result
				.category.id,
		).toBe(1);
	});

	test('crm.item.update moves a deal to another pipeline (first stage unless given); crm.deal.update cannot', async () => {
		const made = await api('crm.category.add', { entityTypeId: 2, fields: { name: 'Partners' } });
		const pipeline = made.body.result.category.id;
		const [id] = sb.seedDeals(1, () => ({ TITLE: 'Moving' }));
		await api('crm.deal.update', { id, fields: { CATEGORY_ID: pipeline } });
		expect(sb.deals()[0]).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'NEW' });

		const moved = await api('crm.item.update', {
			entityTypeId: 2,
			id,
			fields: { categoryId: pipeline },
		});
		expect(moved.body.result.item).toMatchObject({
			categoryId: pipeline,
			stageId: `C${pipeline}:NEW`,
		});
		await api('crm.item.update', {
			entityTypeId: 2,
			id,
			fields: { categoryId: 0, stageId: 'WON' },
		});
		expect(sb.deals()[0]).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'WON' });

		const wrong = await api('crm.item.update', {
			entityTypeId: 2,
			id,
			fields: { categoryId: 0, stageId: `C${pipeline}:NEW` },
		});
		expect(wrong.status).toBe(400);
		const missing = await api('crm.item.update', {
			entityTypeId: 2,
			id,
			fields: { categoryId: 999 },
		});
		expect(missing.status).toBe(400);
	});
});

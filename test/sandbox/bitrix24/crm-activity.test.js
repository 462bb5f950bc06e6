'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox activities and timeline comments', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2026, 4, 14, 7, 0, 0));
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('crm.activity.add/get/list/update/delete (legacy)', async () => {
		const [deal] = sb.seedDeals(1);
		const add = await api('crm.activity.add', {
			fields: {
				OWNER_TYPE_ID: 2,
				OWNER_ID: deal,
				TYPE_ID: 2,
				SUBJECT: 'Call back',
				START_TIME: '2026-05-15T10:00:00',
				END_TIME: '2026-05-15T10:30:00',
				DIRECTION: 2,
				COMMUNICATIONS: [{ VALUE: '+1 555 0100' }],
			},
		});
		expect(add.body.result).toBe(1);
		const act = (await api('crm.activity.get', { id: 1 })).body.result;
		expect(act).toMatchObject({
			ID: '1',
			OWNER_TYPE_ID: '2',
			OWNER_ID: String(deal),
			TYPE_ID: '2',
			SUBJECT: 'Call back',
			START_TIME: '2026-05-15T10:00:00+03:00',
			END_TIME: '2026-05-15T10:30:00+03:00',
			DEADLINE: '2026-05-15T10:30:00+03:00',
			COMPLETED: 'N',
			STATUS: '1',
			DIRECTION: '2',
			RESPONSIBLE_ID: '1',
			AUTHOR_ID: '1',
			CREATED: '2026-05-14T10:00:00+03:00',
			COMMUNICATIONS: [
				{
					ID: '1',
					TYPE: 'PHONE',
					VALUE: '+1 555 0100',
					ENTITY_ID: String(deal),
					ENTITY_TYPE_ID: '2',
				},
			],
		});
		await api('crm.activity.update', { id: 1, fields: { COMPLETED: 'Y', OWNER_ID: 99 } });
		const list = await api('crm.activity.list', {
			filter: { OWNER_TYPE_ID: 2, OWNER_ID: deal, COMPLETED: 'Y' },
			select: ['ID', 'STATUS', 'OWNER_ID'],
		});
		expect(list.body.result).toEqual([{ ID: '1', STATUS: '2', OWNER_ID: String(deal) }]);
		expect(list.body.total).toBe(1);
		expect((await api('crm.activity.delete', { id: 1 })).body.result).toBe(true);
		expect((await api('crm.activity.get', { id: 1 })).body.error_description).toBe('Not found');
		expect((await api('crm.activity.fields')).body.result.COMMUNICATIONS.isMultiple).toBe(true);
		expect((await api('crm.activity.userfield.list')).status).toBe(404);
	});

	test('crm.activity.add errors: legacy 400 with a clear text', async () => {
		const [deal] = sb.seedDeals(1);
		const base = {
			OWNER_TYPE_ID: 2,
			OWNER_ID: deal,
			TYPE_ID: 2,
			SUBJECT: 's',
			COMMUNICATIONS: [{ VALUE: '1' }],
		};
		const cases = [
			[{ ...base, OWNER_ID: undefined }, 'The field OWNER_ID is not defined or invalid.'],
			[{ ...base, TYPE_ID: undefined }, 'The field TYPE_ID is not defined or invalid.'],
			[{ ...base, SUBJECT: '' }, 'The field SUBJECT is not defined or empty'],
			[{ ...base, COMMUNICATIONS: [] }, 'The field COMMUNICATIONS is not defined or invalid.'],
			[{ ...base, OWNER_ID: 42 }, 'The owner entity is not found.'],
		];
		for (const [fields, text] of cases) {
			const res = await api('crm.activity.add', { fields });
			expect([res.status, res.body]).toEqual([400, { error: '', error_description: text }]);
		}
		expect(sb.state.store.table('activities').size).toBe(0);
	});

	test('crm.activity.todo.add (Engine)', async () => {
		const [lead] = sb.seedLeads(1);
		const res = await api('crm.activity.todo.add', {
			ownerTypeId: 1,
			ownerId: lead,
			deadline: '2026-05-20T12:00:00+03:00',
			title: 'Follow up',
			description: 'Ask about budget',
		});
		expect(res.body.result).toEqual({ id: 1 });
		expect((await api('crm.activity.get', { id: 1 })).body.result).toMatchObject({
			PROVIDER_ID: 'CRM_TODO',
			TYPE_ID: '6',
			SUBJECT: 'Follow up',
			DESCRIPTION: 'Ask about budget',
			DEADLINE: '2026-05-20T12:00:00+03:00',
		});
		const noDeadline = await api('crm.activity.todo.add', { ownerTypeId: 1, ownerId: lead });
		expect([noDeadline.status, noDeadline.body.error]).toEqual([400, '100']);
		const noOwner = await api('crm.activity.todo.add', {
			ownerTypeId: 2,
			ownerId: 5,
			deadline: '2026-05-20',
		});
		expect(noOwner.body.error).toBe('OWNER_NOT_FOUND');
		const badDate = await api('crm.activity.todo.add', {
			ownerTypeId: 1,
			ownerId: lead,
			deadline: 'soon',
		});
		expect(badDate.body.error).toBe('WRONG_DATETIME_FORMAT');
	});

	test('crm.timeline.comment.add/get/list/update/delete', async () => {
		const [deal] = sb.seedDeals(1);
		const id = (
			await api('crm.timeline.comment.add', {
				fields: {
					ENTITY_ID: deal,
					ENTITY_TYPE: 'deal',
					COMMENT: 'First',
					FILES: [['a.txt', 'aGVsbG8=']],
				},
			})
		).body.result;
		expect(id).toBe(1);
		clock.advance(1000);
		await api('crm.timeline.comment.add', {
			fields: { ENTITY_ID: deal, ENTITY_TYPE: 'deal', COMMENT: 'Second' },
		});
		const got = (await api('crm.timeline.comment.get', { id })).body.result;
		expect(got).toMatchObject({
			ID: '1',
			ENTITY_ID: String(deal),
			ENTITY_TYPE: 'deal',
			COMMENT: 'First',
			AUTHOR_ID: '1',
			CREATED: '2026-05-14T10:00:00+03:00',
		});
		expect(Object.values(got.FILES)[0]).toMatchObject({ name: 'a.txt', size: 5 });

		const list = await api('crm.timeline.comment.list', {
			filter: { ENTITY_ID: deal, ENTITY_TYPE: 'deal' },
			order: { ID: 'DESC' },
			select: ['ID', 'COMMENT', 'FILES'],
		});
		expect(list.body.result).toEqual([
			{ ID: '2', COMMENT: 'Second', FILES: {} },
			{ ID: '1', COMMENT: 'First', FILES: got.FILES },
		]);
		expect(list.body.total).toBe(2);
		expect((await api('crm.timeline.comment.list', { filter: { ENTITY_ID: deal } })).status).toBe(
			400,
		);

		expect(
			(await api('crm.timeline.comment.update', { id, fields: { COMMENT: 'Edited' } })).body.result,
		).toBe(1);
		expect(
			(await api('crm.timeline.comment.update', { id, fields: { COMMENT: ' ' } })).body.error,
		).toBe('INVALID_ARG_VALUE');
		const del = await api('crm.timeline.comment.delete', { id });
		expect([del.status, del.body.result]).toEqual([200, null]);
		expect((await api('crm.timeline.comment.get', { id })).body).toEqual({
			error: 'NOT_FOUND',
			error_description: 'Not found.',
		});

		const noOwner = await api('crm.timeline.comment.add', {
			fields: { ENTITY_ID: 77, ENTITY_TYPE: 'deal', COMMENT: 'x' },
		});
		expect(noOwner.body.error).toBe('OWNER_NOT_FOUND');
		const upper = await api('crm.timeline.comment.add', {
			FIELDS: { ENTITY_ID: deal, ENTITY_TYPE: 'deal', COMMENT: 'x' },
		});
		expect(upper.body.error).toBe('100');
	});
});

'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox users, departments and tasks', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2026, 4, 14, 7, 0, 0));
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('user.get filters, sort and fields; seedUsers/users()', async () => {
		const ids = sb.seedUsers(3, (i) => ({
			NAME: ['Ivan', 'Ivana', 'Olga'][i],
			LAST_NAME: ['Petrov', 'Smith', 'Ivanova'][i],
			WORK_POSITION: ['Sales', 'Support', 'Sales lead'][i],
			UF_DEPARTMENT: [i === 2 ? 2 : 1],
			ACTIVE: i !== 1,
			PERSONAL_MOBILE: '+100',
		}));
		expect(ids).toEqual([3, 4, 5]);
		expect(sb.users()).toHaveLength(5);
		const all = await api('user.get', {});
		expect(all.body.total).toBe(5);
		expect(all.body.result[2]).toMatchObject({
			ID: '3',
			ACTIVE: true,
			NAME: 'Ivan',
			LAST_NAME: 'Petrov',
			EMAIL: 'user3@sandbox.local',
			WORK_POSITION: 'Sales',
			PERSONAL_MOBILE: '+100',
			WORK_PHONE: '',
			UF_DEPARTMENT: [1],
			USER_TYPE: 'employee',
		});
		const names = (r) => r.body.result.map((u) => u.NAME);
		expect(names(await api('user.get', { filter: { NAME: 'Iva%' } }))).toEqual(['Ivan', 'Ivana']);
		expect(names(await api('user.get', { FILTER: { '%LAST_NAME': 'ov' } }))).toEqual([
			'Ivan',
			'Olga',
		]);
		expect(names(await api('user.get', { filter: { '!%LAST_NAME': 'ov' } }))).toEqual([
			'Sandbox',
			'Sam',
			'Ivana',
		]);
		expect(names(await api('user.get', { UF_DEPARTMENT: 2 }))).toEqual(['Olga']);
		expect(names(await api('user.get', { ACTIVE: true, ID: [3, 4, 5] }))).toEqual(['Ivan', 'Olga']);
		expect(names(await api('user.get', { filter: { EMAIL: 'USER5@sandbox.local' } }))).toEqual([
			'Olga',
		]);
		expect(names(await api('user.get', { filter: { USER_TYPE: 'extranet' } }))).toEqual([]);
		expect(
			names(await api('user.get', { sort: 'LAST_NAME', order: 'desc', filter: { '>ID': 2 } })),
		).toEqual(['Ivana', 'Ivan', 'Olga']);
		// form encoding, top-level keys
		expect(names(await api('user.get', { ID: 4 }, { as: 'get' }))).toEqual(['Ivana']);
	});

	test('user.get pages by 50; user.search FIND', async () => {
		sb.seedUsers(60, (i) => ({ WORK_POSITION: i === 59 ? 'Chief Accountant' : 'Clerk' }));
		const p1 = await api('user.get', {});
		expect(p1.body).toMatchObject({ total: 62, next: 50 });
		expect(p1.body.result).toHaveLength(50);
		const p2 = await api('user.get', { start: 50 });
		expect(p2.body.result).toHaveLength(12);
		expect(p2.body.next).toBeUndefined();
		const s = await api('user.search', { FILTER: { FIND: 'accountant', NAME: 'nobody' } });
		expect(s.body.result.map((u) => u.ID)).toEqual(['62']);
		const s2 = await api('user.search', { FILTER: { FIND: 'sam manager' } });
		expect(s2.body.result.map((u) => u.ID)).toEqual(['2']);
	});

	test('department.get|add|update', async () => {
		const add = await api('department.add', { NAME: 'Sales', PARENT: 1, UF_HEAD: 2 });
		expect(add.body.result).toBe(2);
		expect((await api('department.add', { NAME: 'X', PARENT: 99 })).status).toBe(400);
		expect(
			(await api('department.update', { ID: 2, NAME: 'Sales EU', SORT: 100 })).body.result,
		).toBe(true);
		const list = await api('department.get', {});
		expect(list.body.total).toBe(2);
		expect(list.body.result[1]).toEqual({
			ID: '2',
			NAME: 'Sales EU',
			SORT: '100',
			PARENT: '1',
			UF_HEAD: '2',
		});
		expect((await api('department.get', { PARENT: 1 })).body.result.map((d) => d.ID)).toEqual([
			'2',
		]);
		sb.reset();
		expect(sb.departments()).toHaveLength(1);
		expect(sb.users()).toHaveLength(2);
	});

	test('tasks.task add/get/update/list/actions/delete', async () => {
		const add = await api('tasks.task.add', {
			fields: {
				TITLE: 'Call client',
				RESPONSIBLE_ID: 2,
				DEADLINE: '2026-05-20T18:00:00',
				UF_CRM_TASK: ['D_1'],
				ACCOMPLICES: [1],
			},
		});
		expect(add.status).toBe(200);
		const t = add.body.result.task;
		expect(t).toMatchObject({
			id: '1',
			title: 'Call client',
			responsibleId: '2',
			createdBy: '1',
			status: '2',
			priority: '1',
			deadline: '2026-05-20T18:00:00+03:00',
			ufCrmTask: ['D_1'],
			accomplices: ['1'],
			closedDate: null,
			createdDate: '2026-05-14T10:00:00+03:00',
		});
		expect(t.responsible).toMatchObject({ id: '2', name: 'Sam Manager' });

		expect((await api('tasks.task.start', { taskId: 1 })).body.result.task.status).toBe('3');
		expect((await api('tasks.task.defer', { taskId: 1 })).body.result.task.status).toBe('6');
		expect((await api('tasks.task.renew', { taskId: 1 })).body.result.task.status).toBe('2');
		const done = (await api('tasks.task.complete', { taskId: 1 })).body.result.task;
		expect(done).toMatchObject({
			status: '5',
			closedBy: '1',
			closedDate: '2026-05-14T10:00:00+03:00',
		});
		const del = (await api('tasks.task.delegate', { taskId: 1, userId: 1 })).body.result.task;
		expect(del).toMatchObject({ responsibleId: '1', status: '2' });

		const upd = await api('tasks.task.update', {
			taskId: 1,
			fields: { TITLE: 'Call back', PRIORITY: 2 },
		});
		expect(upd.body.result.task).toMatchObject({ title: 'Call back', priority: '2' });
		const get = await api('tasks.task.get', { taskId: 1, select: ['ID', 'TITLE'] });
		expect(get.body.result).toEqual({ task: { id: '1', title: 'Call back' } });

		await api('tasks.task.add', { fields: { TITLE: 'Second', RESPONSIBLE_ID: 2 } });
		await api('tasks.task.add', { fields: { TITLE: 'Third', RESPONSIBLE_ID: 1 } });
		const list = await api('tasks.task.list', {
			filter: { RESPONSIBLE_ID: 2 },
			select: ['ID', 'TITLE', 'STATUS'],
		});
		expect(list.body).toMatchObject({
			total: 1,
			result: { tasks: [{ id: '2', title: 'Second', status: '2' }] },
		});
		const ordered = await api('tasks.task.list', { select: ['ID'] });
		expect(ordered.body.result.tasks.map((x) => x.id)).toEqual(['3', '2', '1']);
		const asc = await api('tasks.task.list', {
			order: { ID: 'asc' },
			filter: { '%TITLE': 'ir' },
			select: ['ID'],
		});
		expect(asc.body.result.tasks.map((x) => x.id)).toEqual(['3']);
		expect(sb.tasks()).toHaveLength(3);

		expect((await api('tasks.task.delete', { taskId: 3 })).body.result).toEqual({ task: true });
		expect(sb.tasks()).toHaveLength(2);
	});

	test('tasks.task errors', async () => {
		const noTitle = await api('tasks.task.add', { fields: { RESPONSIBLE_ID: 1 } });
		expect(noTitle.status).toBe(400);
		expect(noTitle.body).toEqual({
			error: 'ERROR_CORE',
			error_description: 'Task title is not specified<br>',
		});
		const noFields = await api('tasks.task.add', {});
		expect(noFields.body).toEqual({
			error: '100',
			error_description: 'Could not find value for parameter {fields} (internal error)',
		});
		expect((await api('tasks.task.get', { taskId: 0 })).body.error).toBe('0');
		expect((await api('tasks.task.get', { taskId: 99 })).status).toBe(400);
		const badSort = await api('tasks.task.list', { order: { NOPE: 'asc' } });
		expect(badSort.body).toEqual({
			error: '0',
			error_description: 'Invalid sorting key (internal error)',
		});
	});

	test('positional task.commentitem / checklistitem / elapseditem', async () => {
		await api('tasks.task.add', { fields: { TITLE: 'T', RESPONSIBLE_ID: 1 } });
		// form encoding ?0=1&1[POST_MESSAGE]=…
		const c = await api(
			'task.commentitem.add',
			{ 0: 1, 1: { POST_MESSAGE: 'Hello' } },
			{ as: 'form' },
		);
		expect(c.body.result).toBe(1);
		// JSON array body
		await api('task.commentitem.add', [1, { POST_MESSAGE: 'Second', AUTHOR_ID: 2 }]);
		const comments = await api('task.commentitem.getlist', [1, { ID: 'desc' }]);
		expect(comments.body.result.map((x) => x.POST_MESSAGE)).toEqual(['Second', 'Hello']);
		expect(comments.body.result[0]).toMatchObject({
			ID: '2',
			AUTHOR_ID: '2',
			AUTHOR_NAME: 'Sam Manager',
		});
		expect((await api('task.commentitem.delete', [1, 2])).body.result).toBe(true);
		expect((await api('tasks.task.get', { taskId: 1 })).body.result.task.commentsCount).toBe('1');

		// named keys in the documented order also work
		const item = await api('task.checklistitem.add', { TASKID: 1, FIELDS: { TITLE: 'Step 1' } });
		expect(item.body.result).toBe(1);
		await api('task.checklistitem.add', [1, { TITLE: 'Step 2', IS_COMPLETE: 'Y' }]);
		expect((await api('task.checklistitem.complete', [1, 1])).status).toBe(200);
		const items = await api('task.checklistitem.getlist', [1]);
		expect(items.body.result.map((x) => [x.TITLE, x.IS_COMPLETE])).toEqual([
			['Step 1', 'Y'],
			['Step 2', 'Y'],
		]);
		await api('task.checklistitem.delete', [1, 2]);
		expect((await api('task.checklistitem.getlist', [1])).body.result).toHaveLength(1);

		expect(
			(await api('task.elapseditem.add', [1, { SECONDS: 3600, COMMENT_TEXT: 'work' }])).body.result,
		).toBe(1);
		const el = await api('task.elapseditem.getlist', [1]);
		expect(el.body.result[0]).toMatchObject({
			SECONDS: '3600',
			MINUTES: '60',
			COMMENT_TEXT: 'work',
			USER_ID: '1',
		});
		expect((await api('tasks.task.get', { taskId: 1 })).body.result.task.timeSpentInLogs).toBe(
			'3600',
		);
		expect((await api('task.commentitem.add', [99, { POST_MESSAGE: 'x' }])).status).toBe(400);
	});
});

const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

const task = (id) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Task', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	async function createTasks(titles, extra = {}) {
		const { output, error } = await runBitrix24(portal, {
			items: titles.map((title) => ({ title })),
			parameters: {
				resource: 'task',
				operation: 'create',
				title: '={{ $json.title }}',
				responsibleId: 2,
				taskFields: extra,
			},
		});
		expect(error).toBeUndefined();
		return output.map((item) => item.json.id);
	}

	it('creates tasks from items in one batch request, with UPPER fields and camelCase output', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: [{ title: 'Call back Ann' }, { title: 'Send the offer' }, { title: 'Sign' }],
			parameters: {
				resource: 'task',
				operation: 'create',
				title: '={{ $json.title }}',
				responsibleId: 2,
				taskFields: {
					DESCRIPTION: 'From the [b]website[/b]',
					DEADLINE: '2026-12-01T18:00:00',
					PRIORITY: 2,
					AUDITORS: [1],
					TAGS: 'web, urgent',
					UF_CRM_TASK: 'L_4, D_10',
					UF_TASK_WEBDAV_FILES: '17',
					TIME_ESTIMATE: 90,
					ALLOW_TIME_TRACKING: true,
				},
			},
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(1);
		expect(output).toHaveLength(3);
		expect(output[0].json).toMatchObject({
			id: expect.any(Number),
			title: 'Call back Ann',
			status: 2,
			statusName: 'Pending',
			priority: 2,
			responsibleId: 2,
			auditors: [1],
			tags: ['web', 'urgent'],
			crmLinks: ['L_4', 'D_10'],
		});
		const stored = portal.tasks().find((t) => t.id === String(output[0].json.id));
		expect(stored).toMatchObject({
			title: 'Call back Ann',
			responsibleId: '2',
			priority: '2',
			tags: ['web', 'urgent'],
			ufCrmTask: ['L_4', 'D_10'],
			ufTaskWebdavFiles: ['n17'],
			timeEstimate: '5400',
			allowTimeTracking: 'Y',
		});
		expect(stored.deadline).toMatch(/^2026-12-01T18:00:00/);
	});

	it('explains an empty title and a bad CRM link, and lets the good item through', async () => {
		const { output } = await runBitrix24(portal, {
			items: [{ title: '' }, { title: 'Good', link: 'deal 5' }, { title: 'Fine', link: 'D_5' }],
			parameters: {
				resource: 'task',
				operation: 'create',
				title: '={{ $json.title }}',
				responsibleId: 1,
				taskFields: { UF_CRM_TASK: '={{ $json.link }}' },
			},
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe('Title is empty');
		expect(output[1].json.error).toBe('CRM link "deal 5" is not valid');
		expect(output[2].json.title).toBe('Fine');
		expect(portal.tasks().map((t) => t.title)).toEqual(['Fine']);
	});

	it('gets, updates and deletes; a missing task fails only its item', async () => {
		const [id] = await createTasks(['Draft']);
		const got = await runBitrix24(portal, {
			items: [{ id }, { id: 999 }],
			parameters: {
				resource: 'task',
				operation: 'get',
				taskId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				simplify: false,
			},
			continueOnFail: true,
		});
		expect(got.output[0].json).toMatchObject({
			id: String(id),
			title: 'Draft',
			responsibleId: '2',
		});
		expect(got.output[1].json.error).toMatch(/tasks\.task\.get/);

		const updated = await runBitrix24(portal, {
			parameters: {
				resource: 'task',
				operation: 'update',
				taskId: task(id),
				updateFields: { TITLE: 'Final', RESPONSIBLE_ID: 1, DESCRIPTION: 'Done soon' },
			},
		});
		expect(updated.output[0].json).toMatchObject({ id, title: 'Final', responsibleId: 1 });
		expect(portal.tasks()[0]).toMatchObject({ title: 'Final', description: 'Done soon' });

		const nothing = await runBitrix24(portal, {
			parameters: { resource: 'task', operation: 'update', taskId: task(id), updateFields: {} },
			continueOnFail: true,
		});
		expect(nothing.output[0].json.error).toBe('Nothing to update');

		const deleted = await runBitrix24(portal, {
			parameters: { resource: 'task', operation: 'delete', taskId: task(id) },
		});
		expect(deleted.output[0].json).toEqual({ id, deleted: true });
		expect(portal.tasks()).toHaveLength(0);
	});

	it('starts, defers, renews, completes and delegates', async () => {
		const [id] = await createTasks(['Lifecycle']);
		const run = async (operation, extra = {}) =>
			(
				await runBitrix24(portal, {
					parameters: { resource: 'task', operation, taskId: task(id), ...extra },
				})
			).output[0].json;
		expect((await run('start')).statusName).toBe('In Progress');
		expect((await run('defer')).statusName).toBe('Deferred');
		expect((await run('renew')).statusName).toBe('Pending');
		expect((await run('complete')).statusName).toBe('Completed');
		expect(portal.tasks()[0].status).toBe('5');
		const delegated = await run('delegate', { userId: 1 });
		expect(delegated).toMatchObject({ responsibleId: 1, status: 2 });
		expect(portal.tasks()[0].responsibleId).toBe('1');
	});

	it('gets many: filters, limit, sort, and Return All through the fast export', async () => {
		const ids = [];
		for (let batch = 0; batch < 3; batch++)
			ids.push(
				...(await createTasks(Array.from({ length: 50 }, (_, i) => `Task ${batch * 50 + i}`))),
			);
		ids.push(...(await createTasks(['Urgent report'], { GROUP_ID: 7 })));
		portal.clearLog();

		const all = await runBitrix24(portal, {
			parameters: { resource: 'task', operation: 'getAll', returnAll: true },
		});
		expect(all.output.map((item) => item.json.id)).toEqual(ids);
		// 151 tasks: 1 page beside the look-up of the last ID (issue 14), then the 3 pages left.
		expect(restRequests(portal)).toBe(2);
		expect(all.output[0].json).toMatchObject({ title: 'Task 0', statusName: 'Pending' });

		const some = await runBitrix24(portal, {
			parameters: {
				resource: 'task',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				options: { sortBy: 'ID', sortDirection: 'DESC' },
			},
		});
		expect(some.output.map((item) => item.json.id)).toEqual(ids.slice(-3).reverse());

		const filtered = await runBitrix24(portal, {
			parameters: {
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				taskFilters: { '%TITLE': 'urgent', GROUP_ID: 7, REAL_STATUS: [2] },
			},
		});
		expect(filtered.output.map((item) => item.json.title)).toEqual(['Urgent report']);

		const badJson = await runBitrix24(portal, {
			parameters: {
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				taskFilters: { custom: '{nope' },
			},
			continueOnFail: true,
		});
		expect(badJson.output[0].json.error).toBe('Custom Filter (JSON) is not valid JSON');
	});
});

describe('Task comments, checklist items and elapsed time', () => {
	let portal;
	let taskId;
	beforeEach(async () => {
		portal = await startPortal();
		const { output } = await runBitrix24(portal, {
			parameters: { resource: 'task', operation: 'create', title: 'Parent', responsibleId: 1 },
		});
		taskId = output[0].json.id;
	});
	afterEach(async () => {
		await portal.stop();
	});
	const parent = () => ({ __rl: true, mode: 'id', value: String(taskId) });

	it('adds, lists and deletes comments', async () => {
		const added = await runBitrix24(portal, {
			items: [{ text: 'First' }, { text: 'Second' }, { text: ' ' }],
			parameters: {
				resource: 'taskComment',
				operation: 'create',
				taskId: parent(),
				comment: '={{ $json.text }}',
				authorId: 2,
			},
			continueOnFail: true,
		});
		expect(added.output[0].json).toEqual({ id: expect.any(Number), taskId });
		expect(added.output[2].json.error).toBe('Comment is empty');

		const listed = await runBitrix24(portal, {
			parameters: { resource: 'taskComment', operation: 'getAll', taskId: parent() },
		});
		expect(listed.output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				postMessage: 'First',
				authorId: 2,
				authorName: 'Sam Manager',
				taskId,
			}),
			expect.objectContaining({ postMessage: 'Second', authorId: 2 }),
		]);

		const removed = await runBitrix24(portal, {
			parameters: {
				resource: 'taskComment',
				operation: 'delete',
				taskId: parent(),
				itemId: String(added.output[0].json.id),
			},
		});
		expect(removed.output[0].json).toEqual({ id: added.output[0].json.id, deleted: true });
		expect(portal.tasks()[0].commentsCount).toBe('1');
	});

	it('adds, lists, completes and deletes checklist items', async () => {
		const added = await runBitrix24(portal, {
			items: [{ title: 'Draft' }, { title: 'Review' }],
			parameters: {
				resource: 'taskChecklistItem',
				operation: 'create',
				taskId: parent(),
				title: '={{ $json.title }}',
				checklistOptions: { IS_IMPORTANT: true },
			},
		});
		const [first, second] = added.output.map((item) => item.json.id);
		await runBitrix24(portal, {
			parameters: {
				resource: 'taskChecklistItem',
				operation: 'complete',
				taskId: parent(),
				itemId: String(first),
			},
		});
		const deleted = await runBitrix24(portal, {
			parameters: {
				resource: 'taskChecklistItem',
				operation: 'delete',
				taskId: parent(),
				itemId: String(second),
			},
		});
		expect(deleted.output[0].json).toEqual({ id: second, deleted: true });
		const listed = await runBitrix24(portal, {
			parameters: { resource: 'taskChecklistItem', operation: 'getAll', taskId: parent() },
		});
		expect(listed.output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: first,
				title: 'Draft',
				isComplete: true,
				isImportant: true,
				taskId,
			}),
		]);

		const wrong = await runBitrix24(portal, {
			parameters: {
				resource: 'taskChecklistItem',
				operation: 'complete',
				taskId: parent(),
				itemId: 'abc',
			},
			continueOnFail: true,
		});
		expect(wrong.output[0].json.error).toBe('Checklist Item ID must be a positive whole number');
	});

	it('logs time and lists it', async () => {
		const logged = await runBitrix24(portal, {
			items: [{ minutes: 45 }, { minutes: 0 }],
			parameters: {
				resource: 'taskElapsedTime',
				operation: 'create',
				taskId: parent(),
				minutes: '={{ $json.minutes }}',
				elapsedOptions: { COMMENT_TEXT: 'Call prep', USER_ID: 2 },
			},
			continueOnFail: true,
		});
		expect(logged.output[0].json).toEqual({ id: expect.any(Number), taskId });
		expect(logged.output[1].json.error).toBe('Minutes must be more than 0');
		const listed = await runBitrix24(portal, {
			parameters: { resource: 'taskElapsedTime', operation: 'getAll', taskId: parent() },
		});
		expect(listed.output.map((item) => item.json)).toEqual([
			expect.objectContaining({ seconds: 2700, minutes: 45, userId: 2, commentText: 'Call prep' }),
		]);
		expect(portal.tasks()[0].timeSpentInLogs).toBe('2700');
	});
});

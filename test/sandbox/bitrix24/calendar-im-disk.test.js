'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox calendar, messenger and disk', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2024, 11, 5, 10, 0, 0));
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('calendar.event add/get/getbyid/update/delete', async () => {
		const add = await api('calendar.event.add', {
			type: 'user',
			ownerId: 1,
			name: 'Meeting',
			from: '2024-12-11T17:59:00',
			to: '2024-12-11T18:59:00',
			is_meeting: 'Y',
			attendees: [1, 2],
			remind: [{ type: 'min', count: 20 }],
			crm_fields: ['D_1'],
		});
		expect(add.body.result).toBe(1);
		const ev = (await api('calendar.event.getbyid', { id: 1 })).body.result;
		expect(ev).toMatchObject({
			ID: '1',
			CAL_TYPE: 'user',
			OWNER_ID: '1',
			NAME: 'Meeting',
			DATE_FROM: '12/11/2024 05:59:00 pm',
			DATE_TO: '12/11/2024 06:59:00 pm',
			TZ_FROM: 'Europe/Moscow',
			TZ_OFFSET_FROM: '10800',
			DATE_FROM_TS_UTC: String(Date.UTC(2024, 11, 11, 14, 59) / 1000),
			DT_SKIP_TIME: 'N',
			DT_LENGTH: 3600,
			IS_MEETING: true,
			MEETING_HOST: '1',
			REMIND: [{ type: 'min', count: 20 }],
			ATTENDEES_CODES: ['U1', 'U2'],
			UF_CRM_CAL_EVENT: ['D_1'],
		});
		await api('calendar.event.add', {
			type: 'company_calendar',
			ownerId: 0,
			name: 'Holiday',
			from: '2024-12-31',
			to: '2024-12-31',
			skip_time: 'Y',
		});
		const list = await api('calendar.event.get', {
			type: 'user',
			ownerId: 1,
			from: '2024-12-01',
			to: '2024-12-31',
		});
		expect(list.body.result.map((e) => e.NAME)).toEqual(['Meeting']);
		// attendee sees the meeting in their calendar
		expect(
			(await api('calendar.event.get', { type: 'user', ownerId: 2 })).body.result,
		).toHaveLength(1);
		const company = (await api('calendar.event.get', { type: 'company_calendar', ownerId: 0 })).body
			.result;
		expect(company[0]).toMatchObject({ DATE_FROM: '12/31/2024', DT_SKIP_TIME: 'Y' });
		expect(
			(
				await api('calendar.event.get', {
					type: 'user',
					ownerId: 1,
					from: '2025-01-01',
					to: '2025-02-01',
				})
			).body.result,
		).toEqual([]);

		const upd = await api('calendar.event.update', {
			id: 1,
			type: 'user',
			ownerId: 1,
			name: 'Moved',
			from: '2024-12-12T09:00:00',
			to: '2024-12-12T10:00:00',
		});
		expect(upd.body.result).toBe(1);
		expect(sb.calendarEvents()[0]).toMatchObject({
			NAME: 'Moved',
			DATE_FROM: '12/12/2024 09:00:00 am',
		});
		expect((await api('calendar.event.delete', { id: 1 })).body.result).toBe(true);
		expect(sb.calendarEvents()).toHaveLength(1);
	});

	test('calendar errors', async () => {
		const r = await api('calendar.event.add', {
			type: 'user',
			ownerId: 1,
			from: '2024-12-11',
			to: '2024-12-11',
		});
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			error: '',
			error_description:
				'The required parameter "name" for the method "calendar.event.add" is not set',
		});
		expect((await api('calendar.event.delete', {})).body.error_description).toBe(
			'Event id not specified',
		);
		expect((await api('calendar.event.get', {})).body.error_description).toContain('"type"');
	});

	test('im.notify.* and im.message.add', async () => {
		expect(
			(await api('im.notify.system.add', { USER_ID: 2, MESSAGE: 'Hi [b]there[/b]' })).body.result,
		).toBe(1);
		expect(
			(await api('im.notify.personal.add', { USER_ID: 2, MESSAGE: 'Ping', TAG: 't1' })).body.result,
		).toBe(2);
		expect(sb.notifications()).toMatchObject([
			{ ID: 1, TYPE: 'system', USER_ID: 2, FROM_USER_ID: 0, MESSAGE: 'Hi [b]there[/b]' },
			{ ID: 2, TYPE: 'personal', USER_ID: 2, FROM_USER_ID: 1, TAG: 't1' },
		]);
		expect((await api('im.notify.system.add', { MESSAGE: 'x' })).body.error).toBe('USER_ID_EMPTY');
		expect((await api('im.notify.system.add', { USER_ID: 2 })).body.error).toBe('MESSAGE_EMPTY');

		expect(
			(await api('im.message.add', { DIALOG_ID: 'chat15', MESSAGE: 'Hello chat' })).body.result,
		).toBe(1);
		expect(
			(await api('im.message.add', { DIALOG_ID: 2, MESSAGE: 'Hello Sam', SYSTEM: 'Y' })).body
				.result,
		).toBe(2);
		expect(sb.messages()).toMatchObject([
			{ ID: 1, DIALOG_ID: 'chat15', CHAT_ID: 15, AUTHOR_ID: 1, MESSAGE: 'Hello chat', SYSTEM: 'N' },
			{ ID: 2, DIALOG_ID: '2', TO_USER_ID: 2, SYSTEM: 'Y' },
		]);
		expect((await api('im.message.add', { DIALOG_ID: 999, MESSAGE: 'x' })).body.error).toBe(
			'USER_NOT_FOUND',
		);
		expect((await api('im.message.add', { DIALOG_ID: 'chat1' })).body.error).toBe('MESSAGE_EMPTY');
	});

	test('disk storages, upload, children, get with download URL, delete', async () => {
		const storages = await api('disk.storage.getlist', {});
		expect(storages.body.total).toBe(3);
		expect(storages.body.result[0]).toMatchObject({
			ID: '1',
			ENTITY_TYPE: 'common',
			ROOT_OBJECT_ID: '1',
		});
		expect(storages.body.result[1]).toMatchObject({ ENTITY_TYPE: 'user', ENTITY_ID: '1' });
		const root = Number(storages.body.result[1].ROOT_OBJECT_ID);

		const content = Buffer.from('hello, disk \u00e9').toString('base64');
		const up = await api('disk.folder.uploadfile', {
			id: root,
			data: { NAME: 'a.txt' },
			fileContent: ['a.txt', content],
		});
		expect(up.status).toBe(200);
		expect(up.body.result).toMatchObject({
			NAME: 'a.txt',
			TYPE: 'file',
			PARENT_ID: String(root),
			SIZE: '14',
		});
		const dup = await api('disk.folder.uploadfile', {
			id: root,
			data: { NAME: 'a.txt' },
			fileContent: ['a.txt', content],
		});
		expect(dup.status).toBe(400);
		const unique = await api('disk.folder.uploadfile', {
			id: root,
			data: { NAME: 'a.txt' },
			fileContent: content,
			generateUniqueName: true,
		});
		expect(unique.body.result.NAME).toBe('a (1).txt');
		expect(
			(await api('disk.folder.uploadfile', { id: root, fileContent: ['x', content] })).body.error,
		).toBe('DISK_BASE_SERVICE_22001');
		expect(
			(await api('disk.folder.uploadfile', { id: 999, data: { NAME: 'x' }, fileContent: content }))
				.body.error,
		).toBe('ERROR_NOT_FOUND');

		const children = await api('disk.folder.getchildren', { id: root });
		expect(children.body.result.map((f) => f.NAME)).toEqual(['a.txt', 'a (1).txt']);
		const file = (await api('disk.file.get', { id: up.body.result.ID })).body.result;
		expect(file.DOWNLOAD_URL.startsWith(`${sb.url}/rest/download.json?token=`)).toBe(true);
		expect(file.DOWNLOAD_URL).not.toContain('sbx4wh00k5ecr3t');
		const dl = await fetch(file.DOWNLOAD_URL);
		expect(dl.status).toBe(200);
		expect(Buffer.from(await dl.arrayBuffer()).toString()).toBe('hello, disk \u00e9');
		expect(sb.diskFiles()).toHaveLength(2);

		expect((await api('disk.file.delete', { id: file.ID })).body.result).toBe(true);
		expect((await fetch(file.DOWNLOAD_URL)).status).toBe(404);
		expect((await api('disk.file.get', { id: file.ID })).body.error).toBe('ERROR_NOT_FOUND');
	});
});

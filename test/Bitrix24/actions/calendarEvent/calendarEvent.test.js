const {
	startPortal,
	runBitrix24,
	restRequests,
	credentialsFor,
	NODE_TYPE,
	Bitrix24,
	Bitrix24WebhookApi,
	Bitrix24OAuth2Api,
} = require('../../../helpers/bitrix24');
const { runWorkflow } = require('../../../helpers/workflow-runner');

// The sandbox portal runs at UTC+3 (Europe/Moscow); its clock is fixed so the default range is known.
const NOW = Date.UTC(2026, 5, 1, 9, 0, 0);
const ts = (iso) => String(Date.parse(iso) / 1000);
/** The params of one command of a logged batch request. */
const sentParams = (entry, key = 'i0') =>
	Object.fromEntries(new URLSearchParams(entry.params.cmd[key].split('?')[1]));

describe('Calendar Event → Create, Get, Get Many, Update, Delete', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal({ now: () => NOW });
	});
	afterEach(async () => {
		await portal.stop();
	});

	const run = (parameters, options = {}) =>
		runBitrix24(portal, { ...options, parameters: { resource: 'calendarEvent', ...parameters } });

	const create = (fields, options) =>
		run(
			{
				operation: 'create',
				calendarType: 'user',
				ownerUserId: '1',
				name: 'Event',
				start: '2026-06-03T10:00:00+03:00',
				end: '2026-06-03T11:00:00+03:00',
				...fields,
			},
			options,
		);

	it('creates a meeting with attendees, reminders and CRM links, and reads it back', async () => {
		const created = await create({
			name: 'Kick-off',
			start: '2026-06-03T10:00:00+03:00',
			end: '2026-06-03T11:30:00+03:00',
			eventFields: {
				attendees: ['2'],
				reminders: {
					reminder: [
						{ count: 15, unit: 'min' },
						{ count: 1, unit: 'day' },
					],
				},
				crmLinks: 'd_12, C_5',
				location: 'Room 1',
				description: 'Agenda: scope',
				accessibility: 'quest',
				importance: 'high',
				privateEvent: true,
				color: '#9cbe1c',
			},
		});
		expect(created.error).toBeUndefined();
		const { id } = created.output[0].json;
		expect(created.output[0].json).toEqual({
			id: expect.any(Number),
			calendarType: 'user',
			ownerId: 1,
		});
		expect(portal.calendarEvents()).toHaveLength(1);
		expect(portal.calendarEvents()[0]).toMatchObject({
			ID: String(id),
			CAL_TYPE: 'user',
			OWNER_ID: '1',
			NAME: 'Kick-off',
			DATE_FROM_TS_UTC: ts('2026-06-03T07:00:00Z'),
			DATE_TO_TS_UTC: ts('2026-06-03T08:30:00Z'),
			DT_SKIP_TIME: 'N',
			IS_MEETING: true,
			MEETING_HOST: '1',
			ATTENDEES_CODES: ['U1', 'U2'],
			REMIND: [
				{ type: 'min', count: 15 },
				{ type: 'day', count: 1 },
			],
			UF_CRM_CAL_EVENT: ['D_12', 'C_5'],
			LOCATION: 'Room 1',
			DESCRIPTION: 'Agenda: scope',
			ACCESSIBILITY: 'quest',
			IMPORTANCE: 'high',
			PRIVATE_EVENT: '1',
			COLOR: '#9cbe1c',
		});

		const got = await run({ operation: 'get', eventId: String(id) });
		expect(got.output.map((item) => item.json)).toEqual([
			{
				id,
				name: 'Kick-off',
				calendarType: 'user',
				ownerId: 1,
				from: '2026-06-03T07:00:00.000Z',
				to: '2026-06-03T08:30:00.000Z',
				allDay: false,
				timezone: 'Europe/Moscow',
				description: 'Agenda: scope',
				location: 'Room 1',
				accessibility: 'quest',
				importance: 'high',
				private: true,
				color: '#9cbe1c',
				isMeeting: true,
				hostId: 1,
				attendees: [1, 2],
				reminders: [
					{ count: 15, unit: 'min' },
					{ count: 1, unit: 'day' },
				],
				crmLinks: ['D_12', 'C_5'],
				sectionId: expect.any(Number),
				createdBy: 1,
			},
		]);

		const raw = await run({ operation: 'get', eventId: String(id), simplify: false });
		expect(raw.output[0].json).toMatchObject({
			ID: String(id),
			DATE_FROM: '06/03/2026 10:00:00 am',
			DATE_TO: '06/03/2026 11:30:00 am',
		});
	});

	it('creates events in company, workgroup and user calendars from many items in one request', async () => {
		const { output, error } = await run(
			{
				operation: 'create',
				calendarType: '={{ $json.type }}',
				ownerUserId: '={{ $json.user }}',
				groupId: '={{ $json.group }}',
				name: '={{ $json.name }}',
				start: '={{ $json.start }}',
				end: '={{ $json.end }}',
			},
			{
				items: [
					{
						type: 'company_calendar',
						name: 'Town hall',
						start: '2026-06-05T15:00:00Z',
						end: '2026-06-05T16:00:00Z',
					},
					{
						type: 'group',
						group: 7,
						name: 'Sprint review',
						start: '2026-06-08T09:00:00Z',
						end: '2026-06-08T10:00:00Z',
					},
					{
						type: 'user',
						user: 2,
						name: '1:1',
						start: '2026-06-09T12:00:00Z',
						end: '2026-06-09T12:30:00Z',
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(1);
		expect(portal.log[0].restMethod).toBe('batch');
		expect(output.map((item) => [item.json.calendarType, item.json.ownerId])).toEqual([
			['company_calendar', 0],
			['group', 7],
			['user', 2],
		]);
		expect(
			portal
				.calendarEvents()
				.map((event) => [
					event.ID,
					event.CAL_TYPE,
					event.OWNER_ID,
					event.NAME,
					event.DATE_FROM_TS_UTC,
				]),
		).toEqual([
			[String(output[0].json.id), 'company_calendar', '0', 'Town hall', ts('2026-06-05T15:00:00Z')],
			[String(output[1].json.id), 'group', '7', 'Sprint review', ts('2026-06-08T09:00:00Z')],
			[String(output[2].json.id), 'user', '2', '1:1', ts('2026-06-09T12:00:00Z')],
		]);

		const company = await run({
			operation: 'getAll',
			calendarType: 'company_calendar',
			returnAll: true,
		});
		expect(company.output.map((item) => item.json.name)).toEqual(['Town hall']);
		const group = await run({
			operation: 'getAll',
			calendarType: 'group',
			groupId: '7',
			returnAll: true,
		});
		expect(group.output.map((item) => [item.json.name, item.json.ownerId])).toEqual([
			['Sprint review', 7],
		]);
		const otherGroup = await run({
			operation: 'getAll',
			calendarType: 'group',
			groupId: '8',
			returnAll: true,
		});
		expect(otherGroup.output).toEqual([]);
	});

	it('creates all-day events from dates and returns them as dates', async () => {
		const { output, error } = await create({
			name: 'Offsite',
			start: '2026-06-10',
			end: '2026-06-11',
			allDay: true,
		});
		expect(error).toBeUndefined();
		expect(portal.calendarEvents()[0]).toMatchObject({
			DT_SKIP_TIME: 'Y',
			DATE_FROM: '06/10/2026',
			DATE_TO: '06/11/2026',
		});
		const got = await run({ operation: 'get', eventId: String(output[0].json.id) });
		expect(got.output[0].json).toMatchObject({
			allDay: true,
			from: '2026-06-10',
			to: '2026-06-11',
			timezone: null,
			isMeeting: false,
		});
	});

	it("reads times without an offset in the workflow's time zone", async () => {
		const creds = credentialsFor(portal, 'webhook');
		const result = await runWorkflow({
			nodeTypes: { [NODE_TYPE]: Bitrix24 },
			credentialTypes: [Bitrix24WebhookApi, Bitrix24OAuth2Api],
			credentials: creds,
			workflow: {
				settings: { timezone: 'Europe/Berlin' },
				nodes: [
					{
						id: 's',
						name: 'Start',
						type: 'test.items',
						typeVersion: 1,
						position: [0, 0],
						parameters: { items: [{}] },
					},
					{
						id: 'b',
						name: 'Bitrix24',
						type: NODE_TYPE,
						typeVersion: 1,
						position: [200, 0],
						parameters: {
							authentication: 'webhook',
							resource: 'calendarEvent',
							operation: 'create',
							calendarType: 'company_calendar',
							name: 'Summer and winter',
							start: '2026-07-01T09:00:00',
							end: '2026-12-01T09:00:00',
						},
						credentials: { bitrix24WebhookApi: { id: '1', name: 'Bitrix24 Webhook' } },
					},
				],
				connections: { Start: { main: [[{ node: 'Bitrix24', type: 'main', index: 0 }]] } },
			},
		});
		expect(result.errorOf('Bitrix24')).toBeUndefined();
		expect(sentParams(portal.log[0])).toMatchObject({
			from: '2026-07-01T09:00:00+02:00',
			to: '2026-12-01T09:00:00+01:00',
		});
		expect(portal.calendarEvents()[0]).toMatchObject({
			DATE_FROM_TS_UTC: ts('2026-07-01T07:00:00Z'),
			DATE_TO_TS_UTC: ts('2026-12-01T08:00:00Z'),
		});
	});

	it('gets the events of a calendar in a date range, with a limit', async () => {
		const created = await run(
			{
				operation: 'create',
				calendarType: 'user',
				ownerUserId: '1',
				name: '={{ $json.name }}',
				start: '={{ $json.start }}',
				end: '={{ $json.end }}',
				eventFields: { attendees: '={{ $json.attendees }}' },
			},
			{
				items: [
					{
						name: 'Before',
						start: '2026-06-02T08:00:00Z',
						end: '2026-06-02T09:00:00Z',
						attendees: '',
					},
					{
						name: 'Monday',
						start: '2026-06-08T08:00:00Z',
						end: '2026-06-08T09:00:00Z',
						attendees: '',
					},
					{
						name: 'Tuesday',
						start: '2026-06-09T08:00:00Z',
						end: '2026-06-09T09:00:00Z',
						attendees: '2',
					},
					{
						name: 'Friday',
						start: '2026-06-12T20:00:00Z',
						end: '2026-06-12T21:00:00Z',
						attendees: '',
					},
					{
						name: 'Far away',
						start: '2026-12-01T08:00:00Z',
						end: '2026-12-01T09:00:00Z',
						attendees: '',
					},
				],
			},
		);
		expect(created.error).toBeUndefined();
		const list = (parameters) =>
			run({ operation: 'getAll', calendarType: 'user', ownerUserId: '1', ...parameters });

		const week = await list({
			from: '2026-06-08T00:00:00Z',
			to: '2026-06-12T23:59:59+03:00',
			returnAll: true,
		});
		expect(week.output.map((item) => item.json.name)).toEqual(['Monday', 'Tuesday', 'Friday']);
		expect(week.output[1].json).toMatchObject({
			from: '2026-06-09T08:00:00.000Z',
			attendees: [1, 2],
		});

		const limited = await list({ from: '2026-06-08T00:00:00Z', to: '2026-06-12', limit: 2 });
		expect(limited.output.map((item) => item.json.name)).toEqual(['Monday', 'Tuesday']);
		expect(sentParams(portal.log.at(-1))).toMatchObject({
			type: 'user',
			ownerId: '1',
			from: '2026-06-08T00:00:00+00:00',
			to: '2026-06-12',
		});

		// Bitrix24's default range: a month back to three months ahead of now (June 1).
		const byDefault = await list({ returnAll: true, simplify: false });
		expect(byDefault.output.map((item) => item.json.NAME)).toEqual([
			'Before',
			'Monday',
			'Tuesday',
			'Friday',
		]);

		// A meeting shows in each attendee's calendar.
		const attendee = await run({
			operation: 'getAll',
			calendarType: 'user',
			ownerUserId: '2',
			returnAll: true,
		});
		expect(attendee.output.map((item) => item.json.name)).toEqual(['Tuesday']);
	});

	it('updates an event (times, reminders, attendees) and deletes it', async () => {
		const created = await create({
			name: 'Demo',
			eventFields: { reminders: { reminder: [{ count: 10, unit: 'min' }] } },
		});
		const { id } = created.output[0].json;
		const updated = await run({
			operation: 'update',
			eventId: String(id),
			calendarType: 'user',
			ownerUserId: '1',
			updateFields: {
				name: 'Product demo',
				start: '2026-06-04T14:00:00+03:00',
				end: '2026-06-04T15:00:00+03:00',
				attendees: ['2'],
				reminders: { reminder: [{ count: 2, unit: 'hour' }] },
				location: 'Zoom',
			},
		});
		expect(updated.error).toBeUndefined();
		expect(updated.output[0].json).toEqual({ id, updated: true });
		expect(sentParams(portal.log.at(-1))).toMatchObject({
			id: String(id),
			type: 'user',
			ownerId: '1',
		});
		expect(portal.calendarEvents()[0]).toMatchObject({
			NAME: 'Product demo',
			DATE_FROM_TS_UTC: ts('2026-06-04T11:00:00Z'),
			DATE_TO_TS_UTC: ts('2026-06-04T12:00:00Z'),
			IS_MEETING: true,
			ATTENDEES_CODES: ['U1', 'U2'],
			REMIND: [{ type: 'hour', count: 2 }],
			LOCATION: 'Zoom',
			VERSION: '2',
		});

		const nothing = await run(
			{ operation: 'update', eventId: String(id), calendarType: 'user', ownerUserId: '1' },
			{ continueOnFail: true },
		);
		expect(nothing.output[0].json.error).toBe('Nothing to update');

		const removed = await run({ operation: 'delete', eventId: String(id) });
		expect(removed.output[0].json).toEqual({ deleted: true, id });
		expect(portal.calendarEvents()).toEqual([]);
		const again = await run({ operation: 'delete', eventId: String(id) }, { continueOnFail: true });
		expect(again.output[0].json.error).toMatch(/^Bitrix24 calendar\.event\.delete: /);

		const gone = await run(
			{ operation: 'get', eventId: '={{ $json.id }}' },
			{ items: [{ id }], continueOnFail: true },
		);
		expect(gone.output[0].json.error).toBe(`Event ${id} does not exist`);
		const stopped = await run({ operation: 'get', eventId: String(id) });
		expect(stopped.error.message).toBe(`Event ${id} does not exist`);
	});

	it('fails only the items with bad input, and names the field', async () => {
		const { output, error } = await run(
			{
				operation: 'create',
				calendarType: '={{ $json.type }}',
				ownerUserId: '={{ $json.user }}',
				groupId: '={{ $json.group }}',
				name: 'Review',
				start: '={{ $json.start }}',
				end: '={{ $json.end }}',
				eventFields: { crmLinks: '={{ $json.crm }}' },
			},
			{
				continueOnFail: true,
				items: [
					{
						type: 'user',
						user: 1,
						start: '2026-06-03T10:00:00Z',
						end: '2026-06-03T11:00:00Z',
						crm: 'D_1',
					},
					{
						type: 'user',
						user: 1,
						start: '2026-06-03T10:00:00Z',
						end: '2026-06-03T09:00:00Z',
						crm: '',
					},
					{
						type: 'user',
						user: '',
						start: '2026-06-03T10:00:00Z',
						end: '2026-06-03T11:00:00Z',
						crm: '',
					},
					{
						type: 'group',
						group: '',
						start: '2026-06-03T10:00:00Z',
						end: '2026-06-03T11:00:00Z',
						crm: '',
					},
					{
						type: 'group',
						group: 'abc',
						start: '2026-06-03T10:00:00Z',
						end: '2026-06-03T11:00:00Z',
						crm: '',
					},
					{ type: 'user', user: 1, start: 'next Monday', end: '2026-06-03T11:00:00Z', crm: '' },
					{
						type: 'user',
						user: 1,
						start: '2026-06-03T10:00:00Z',
						end: '2026-06-03T11:00:00Z',
						crm: 'deal 5',
					},
					{
						type: 'company_calendar',
						start: '2026-06-04T10:00:00Z',
						end: '2026-06-04T11:00:00Z',
						crm: '',
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.error)).toEqual([
			undefined,
			'End is before Start',
			'Calendar Owner is required for a user calendar',
			'Workgroup ID is required for a workgroup calendar',
			'Workgroup ID must be a positive whole number',
			'Start is not a valid date',
			'CRM link "deal 5" is not valid',
			undefined,
		]);
		expect(output[1].json.details).toContain('Set End to Start or later');
		expect(output[5].json.details).toContain('Got "next Monday"');
		expect(restRequests(portal)).toBe(1);
		expect(
			portal.calendarEvents().map((event) => [event.CAL_TYPE, event.UF_CRM_CAL_EVENT]),
		).toEqual([
			['user', ['D_1']],
			['company_calendar', false],
		]);
	});

	it('sends nothing when an item is bad and Continue On Fail is off', async () => {
		const { error } = await run(
			{
				operation: 'getAll',
				calendarType: 'user',
				ownerUserId: '1',
				from: '={{ $json.from }}',
				to: '={{ $json.to }}',
			},
			{
				items: [
					{ from: '2026-06-01', to: '2026-06-30' },
					{ from: '2026-06-10', to: '2026-06-09' },
				],
			},
		);
		expect(error.message).toBe('To is before From');
		expect(restRequests(portal)).toBe(0);
	});
});

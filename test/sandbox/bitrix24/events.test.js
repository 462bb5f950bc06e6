'use strict';

const { startSandbox, call, fakeClock, startHandlerServer } = require('./helpers');

const enc = (s) => encodeURIComponent(s);

describe('sandbox events: event.bind/unbind/get and delivery', () => {
	let sb;
	let hs;
	const clock = fakeClock(Date.UTC(2026, 4, 14, 7, 26, 32));
	const rest = () => `${sb.url}/rest/`;
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	/** OAuth call as the given user (default the admin, user 1). */
	const app = (method, params = {}, userId = 1, scope = undefined) =>
		call(rest(), method, { auth: sb.issueTokens({ userId, scope }).access_token, ...params });
	const bind = (event, path = '/hook', extra = {}) =>
		app('event.bind', { event, handler: `${hs.url}${path}`, ...extra });
	/** Events the handler server received, as [event, data] pairs. */
	const received = () => hs.received.map((r) => [r.form.event, r.form.data]);

	beforeAll(async () => {
		hs = await startHandlerServer();
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(async () => {
		await sb.flushEvents();
		await sb.stop();
		await hs.stop();
	});
	beforeEach(async () => {
		await sb.flushEvents();
		sb.reset();
		sb.setEventOptions({ strictEventHandlerHost: false, unreachableEventHandlerHosts: [] });
		hs.received.length = 0;
	});

	describe('subscriptions', () => {
		test('webhook credentials → 403 WRONG_AUTH_TYPE for event.bind/unbind/get', async () => {
			for (const method of ['event.bind', 'event.unbind', 'event.get']) {
				const res = await api(method, { event: 'ONCRMLEADADD', handler: `${hs.url}/hook` });
				expect([res.status, res.body]).toEqual([
					403,
					{
						error: 'WRONG_AUTH_TYPE',
						error_description: 'Current authorization type is denied for this method',
					},
				]);
			}
			expect(sb.eventBindings()).toEqual([]);
		});

		test('bind (name case-insensitive, stored UPPER) → get → unbind {count} round trip', async () => {
			expect((await bind('onCrmLeadAdd')).body.result).toBe(true);
			expect((await bind('OnCrmDealUpdate', '/deals')).body.result).toBe(true);
			expect((await app('event.get')).body.result).toEqual([
				{ event: 'ONCRMLEADADD', handler: `${hs.url}/hook`, auth_type: '0', offline: 0 },
				{ event: 'ONCRMDEALUPDATE', handler: `${hs.url}/deals`, auth_type: '0', offline: 0 },
			]);
			const wrongHandler = await app('event.unbind', {
				event: 'oncrmleadadd',
				handler: `${hs.url}/other`,
			});
			expect(wrongHandler.body.result).toEqual({ count: 0 });
			const unbind = await app('event.unbind', {
				event: 'oncrmleadadd',
				handler: `${hs.url}/hook`,
			});
			expect(unbind.body.result).toEqual({ count: 1 });
			expect((await app('event.get')).body.result).toEqual([
				{ event: 'ONCRMDEALUPDATE', handler: `${hs.url}/deals`, auth_type: '0', offline: 0 },
			]);
			const noHandler = await app('event.unbind', { event: 'ONCRMDEALUPDATE' });
			expect([noHandler.status, noHandler.body.error]).toEqual([400, 'ERROR_ARGUMENT']);
		});

		test('duplicate bind → 400 ERROR_CORE "Handler already binded"; unknown event → ERROR_EVENT_NOT_FOUND', async () => {
			await bind('ONCRMLEADADD');
			const dup = await bind('oncrmleadadd');
			expect([dup.status, dup.body]).toEqual([
				400,
				{
					error: 'ERROR_CORE',
					error_description: 'Unable to set event handler: Handler already binded',
				},
			]);
			const unknown = await bind('ONCRMNOTHING');
			expect([unknown.status, unknown.body]).toEqual([
				400,
				{ error: 'ERROR_EVENT_NOT_FOUND', error_description: 'Event not found' },
			]);
			const noEvent = await app('event.bind', { handler: `${hs.url}/hook` });
			expect(noEvent.body).toEqual({
				error: 'ERROR_ARGUMENT',
				error_description: "Argument 'EVENT' is null or empty",
				argument: 'EVENT',
			});
		});

		test('handler URL checks: protocol, host, strict dot check, refused hosts', async () => {
			const bindUrl = (handler) => app('event.bind', { event: 'ONCRMLEADADD', handler });
			const ftp = await bindUrl('ftp://example.com/h');
			expect([ftp.status, ftp.body]).toEqual([
				400,
				{ error: 'ERROR_UNSUPPORTED_PROTOCOL', error_description: 'Unsupported handler protocol' },
			]);
			const junk = await bindUrl('not a url');
			expect([junk.status, junk.body]).toEqual([
				400,
				{ error: 'ERROR_WRONG_HANDLER_URL', error_description: 'Wrong handler URL' },
			]);
			expect((await bindUrl('http://localhost:5678/webhook')).body.result).toBe(true);

			sb.setEventOptions({ strictEventHandlerHost: true });
			expect((await bindUrl('http://localhost:5678/other')).body.error).toBe(
				'ERROR_WRONG_HANDLER_URL',
			);
			expect((await bindUrl('https://n8n.example.com/webhook/x')).body.result).toBe(true);
			expect((await bindUrl('http://127.0.0.1:5678/x')).body.result).toBe(true); // has dots

			sb.setEventOptions({ unreachableEventHandlerHosts: ['down.example.com'] });
			const refused = await bindUrl('https://down.example.com/hook');
			expect([refused.status, refused.body.error]).toEqual([400, 'ERROR_WRONG_HANDLER_URL']);
		});

		test('non-admin: auth_type is their own ID, another user or offline → 403 ACCESS_DENIED', async () => {
			const asUser2 = (method, params) => app(method, params, 2);
			expect(
				(await asUser2('event.bind', { event: 'ONCRMDEALADD', handler: `${hs.url}/u2` })).body
					.result,
			).toBe(true);
			await bind('ONCRMCONTACTADD', '/admin'); // admin, auth_type 0
			const other = await asUser2('event.bind', {
				event: 'ONCRMLEADADD',
				handler: `${hs.url}/x`,
				auth_type: 1,
			});
			expect([other.status, other.body]).toEqual([
				403,
				{
					error: 'ACCESS_DENIED',
					error_description:
						'Access denied! Event binding with AUTH_TYPE requires administrator access rights',
				},
			]);
			const offline = await asUser2('event.bind', { event: 'ONCRMLEADADD', event_type: 'offline' });
			expect(offline.body.error_description).toBe(
				'Access denied! Offline events binding requires administrator access rights',
			);
			expect((await asUser2('event.get')).body.result).toEqual([
				{ event: 'ONCRMDEALADD', handler: `${hs.url}/u2`, auth_type: '2', offline: 0 },
			]);
			expect((await app('event.get')).body.result.map((b) => [b.event, b.auth_type])).toEqual([
				['ONCRMDEALADD', '2'],
				['ONCRMCONTACTADD', '0'],
			]);
		});

		test('events outside the token scope are not found', async () => {
			const res = await app('event.bind', { event: 'ONTASKADD', handler: `${hs.url}/t` }, 1, 'crm');
			expect(res.body.error).toBe('ERROR_EVENT_NOT_FOUND');
			const crm = await app(
				'event.bind',
				{ event: 'ONCRMLEADADD', handler: `${hs.url}/t` },
				1,
				'crm',
			);
			expect(crm.body.result).toBe(true);
		});
	});

	describe('delivery', () => {
		test('lead add/update/delete: exact form body, valid tokens, application token', async () => {
			await bind('ONCRMLEADADD');
			await bind('ONCRMLEADUPDATE');
			await bind('ONCRMLEADDELETE');
			const id = (await api('crm.lead.add', { fields: { TITLE: 'Hello' } })).body.result;
			await api('crm.lead.update', { id, fields: { TITLE: 'Hi' } });
			await api('crm.lead.delete', { id });
			await sb.flushEvents();

			expect(received()).toEqual([
				['ONCRMLEADADD', { FIELDS: { ID: String(id) } }],
				['ONCRMLEADUPDATE', { FIELDS: { ID: String(id) } }],
				['ONCRMLEADDELETE', { FIELDS: { ID: String(id) } }],
			]);
			const first = hs.received[0];
			expect(first.path).toBe('/hook');
			expect(first.headers['content-type']).toBe('application/x-www-form-urlencoded');

			const ts = Math.floor(clock.now() / 1000);
			const { access_token: token } = first.form.auth;
			const host = new URL(sb.url).host;
			const expected = [
				'event=ONCRMLEADADD',
				'event_handler_id=1',
				`${enc('data[FIELDS][ID]')}=${id}`,
				`ts=${ts}`,
				`${enc('auth[access_token]')}=${token}`,
				`${enc('auth[expires]')}=${ts + 3600}`,
				`${enc('auth[expires_in]')}=3600`,
				`${enc('auth[scope]')}=${enc('crm,user,department,task,calendar,im,disk,placement,imopenlines,imconnector')}`,
				`${enc('auth[domain]')}=${enc(host)}`,
				`${enc('auth[server_endpoint]')}=${enc(`${sb.url}/rest/`)}`,
				`${enc('auth[status]')}=L`,
				`${enc('auth[client_endpoint]')}=${enc(`${sb.url}/rest/`)}`,
				`${enc('auth[member_id]')}=${sb.state.tokens.memberId}`,
				`${enc('auth[user_id]')}=1`,
				`${enc('auth[application_token]')}=${sb.applicationToken}`,
			].join('&');
			expect(first.body).toBe(expected);
			expect(hs.received.map((r) => r.form.event_handler_id)).toEqual(['1', '2', '3']);
			expect(sb.applicationToken).toMatch(/^[0-9a-f]{32}$/);
			expect(sb.applicationTokenFor(sb.oauth.clientId)).toBe(sb.applicationToken);
			expect(first.form.auth).not.toHaveProperty('refresh_token');

			// The access token in the event is a working sandbox token of the acting user.
			const profile = await call(rest(), 'profile', { auth: token });
			expect([profile.status, profile.body.result.ID]).toEqual([200, '1']);

			const log = sb.eventLog();
			expect(log.map((e) => [e.event, e.handler, e.status, e.error, e.attempts])).toEqual([
				['ONCRMLEADADD', `${hs.url}/hook`, 200, null, 1],
				['ONCRMLEADUPDATE', `${hs.url}/hook`, 200, null, 1],
				['ONCRMLEADDELETE', `${hs.url}/hook`, 200, null, 1],
			]);
			expect(log[0].body).toBe(expected);
			expect(log[0].target).toBe('app');
		});

		test("failed calls raise nothing; auth_type sends that user's tokens", async () => {
			await bind('ONCRMLEADUPDATE');
			await bind('ONCRMLEADADD', '/as2', { auth_type: 2 });
			const missing = await api('crm.lead.update', { id: 999, fields: { TITLE: 'x' } });
			expect(missing.status).toBe(400);
			await api('crm.lead.add', { fields: { TITLE: 'x' } });
			await sb.flushEvents();
			expect(hs.received.map((r) => [r.path, r.form.event, r.form.auth.user_id])).toEqual([
				['/as2', 'ONCRMLEADADD', '2'],
			]);
		});

		test('each batch command raises its events; failed commands none', async () => {
			await bind('ONCRMLEADADD');
			await bind('ONCRMLEADUPDATE');
			await bind('ONCRMDEALADD');
			const res = await api('batch', {
				halt: 0,
				cmd: {
					lead: 'crm.lead.add?fields[TITLE]=A',
					upd: 'crm.lead.update?id=$result[lead]&fields[TITLE]=B',
					bad: 'crm.lead.update?id=999&fields[TITLE]=C',
					deal: 'crm.deal.add?fields[TITLE]=D',
				},
			});
			expect(Object.keys(res.body.result.result_error)).toEqual(['bad']);
			await sb.flushEvents();
			expect(received()).toEqual([
				['ONCRMLEADADD', { FIELDS: { ID: '1' } }],
				['ONCRMLEADUPDATE', { FIELDS: { ID: '1' } }],
				['ONCRMDEALADD', { FIELDS: { ID: '1' } }],
			]);
		});

		test('deal stage move: ONCRMDEALUPDATE; pipeline change adds ONCRMDEALMOVETOCATEGORY', async () => {
			await bind('ONCRMDEALUPDATE');
			await bind('ONCRMDEALMOVETOCATEGORY');
			await api('crm.category.add', { entityTypeId: 2, fields: { name: 'Wholesale' } });
			const id = (await api('crm.deal.add', { fields: { TITLE: 'D' } })).body.result;
			await api('crm.deal.update', { id, fields: { STAGE_ID: 'PREPARATION' } });
			await sb.flushEvents();
			expect(received()).toEqual([['ONCRMDEALUPDATE', { FIELDS: { ID: String(id) } }]]);

			hs.received.length = 0;
			const moved = await api('crm.item.update', {
				entityTypeId: 2,
				id,
				fields: { categoryId: 1 },
			});
			expect(moved.body.result.item).toMatchObject({ categoryId: 1, stageId: 'C1:NEW' });
			await sb.flushEvents();
			expect(received()).toEqual([
				['ONCRMDEALUPDATE', { FIELDS: { ID: String(id) } }],
				[
					'ONCRMDEALMOVETOCATEGORY',
					{ FIELDS: { ID: String(id), CATEGORY_ID: '1', STAGE_ID: 'C1:NEW' } },
				],
			]);
		});

		test('crm.item.*: entity events for types 1-4, ONCRMQUOTE* for 7, ONCRMDYNAMICITEM* (+ _{type}) for smart processes', async () => {
			const type = (await api('crm.type.add', { fields: { title: 'Orders' } })).body.result.type;
			await bind('ONCRMLEADADD');
			await bind('ONCRMQUOTEADD');
			await bind('ONCRMDYNAMICITEMADD');
			await bind(`onCrmDynamicItemAdd_${type.entityTypeId}`);
			await bind('ONCRMDYNAMICITEMDELETE');
			expect((await bind('ONCRMDYNAMICITEMADD_999')).body.error).toBe('ERROR_EVENT_NOT_FOUND');

			await api('crm.item.add', { entityTypeId: 1, fields: { title: 'L' } });
			await api('crm.item.add', { entityTypeId: 7, fields: { title: 'Q' } });
			const item = (
				await api('crm.item.add', { entityTypeId: type.entityTypeId, fields: { title: 'O' } })
			).body.result.item;
			await api('crm.item.delete', { entityTypeId: type.entityTypeId, id: item.id });
			await sb.flushEvents();
			const t = String(type.entityTypeId);
			expect(received()).toEqual([
				['ONCRMLEADADD', { FIELDS: { ID: '1' } }],
				['ONCRMQUOTEADD', { FIELDS: { ID: '1' } }],
				['ONCRMDYNAMICITEMADD', { FIELDS: { ID: String(item.id), ENTITY_TYPE_ID: t } }],
				[`ONCRMDYNAMICITEMADD_${t}`, { FIELDS: { ID: String(item.id), ENTITY_TYPE_ID: t } }],
				['ONCRMDYNAMICITEMDELETE', { FIELDS: { ID: String(item.id), ENTITY_TYPE_ID: t } }],
			]);
		});

		test('tasks and task comments: FIELDS_BEFORE/AFTER with the "undefined" strings', async () => {
			for (const e of [
				'ONTASKADD',
				'ONTASKUPDATE',
				'ONTASKDELETE',
				'ONTASKCOMMENTADD',
				'ONTASKCOMMENTDELETE',
			])
				await bind(e);
			const task = (await api('tasks.task.add', { fields: { TITLE: 'T', RESPONSIBLE_ID: 1 } })).body
				.result.task;
			await api('tasks.task.update', { taskId: task.id, fields: { TITLE: 'T2' } });
			await api('tasks.task.complete', { taskId: task.id });
			const comment = (await api('task.commentitem.add', [task.id, { POST_MESSAGE: 'hi' }])).body
				.result;
			await api('task.commentitem.delete', [task.id, comment]);
			await api('tasks.task.delete', { taskId: task.id });
			await sb.flushEvents();
			const id = String(task.id);
			const update = {
				FIELDS_BEFORE: { ID: id },
				FIELDS_AFTER: { ID: id },
				IS_ACCESSIBLE_BEFORE: 'undefined',
				IS_ACCESSIBLE_AFTER: 'undefined',
			};
			expect(received()).toEqual([
				[
					'ONTASKADD',
					{
						FIELDS_BEFORE: 'undefined',
						FIELDS_AFTER: { ID: id },
						IS_ACCESSIBLE_BEFORE: 'N',
						IS_ACCESSIBLE_AFTER: 'undefined',
					},
				],
				['ONTASKUPDATE', update],
				['ONTASKUPDATE', update],
				[
					'ONTASKCOMMENTADD',
					{
						FIELDS_BEFORE: 'undefined',
						FIELDS_AFTER: { ID: String(comment), TASK_ID: id },
						IS_ACCESSIBLE_BEFORE: 'undefined',
						IS_ACCESSIBLE_AFTER: 'undefined',
					},
				],
				[
					'ONTASKCOMMENTDELETE',
					{
						FIELDS_BEFORE: { ID: String(comment), TASK_ID: id },
						FIELDS_AFTER: { ID: String(comment), TASK_ID: id, ACTION: 'DEL' },
						IS_ACCESSIBLE_BEFORE: 'undefined',
						IS_ACCESSIBLE_AFTER: 'undefined',
					},
				],
				[
					'ONTASKDELETE',
					{
						FIELDS_BEFORE: { ID: id },
						FIELDS_AFTER: 'undefined',
						IS_ACCESSIBLE_BEFORE: 'undefined',
						IS_ACCESSIBLE_AFTER: 'N',
					},
				],
			]);
			expect(hs.received[0].body).toContain(`${enc('data[FIELDS_BEFORE]')}=undefined`);
		});

		test('calendar entries: {id} with a lower-case key', async () => {
			for (const e of ['ONCALENDARENTRYADD', 'ONCALENDARENTRYUPDATE', 'ONCALENDARENTRYDELETE'])
				await bind(e);
			const base = {
				type: 'user',
				ownerId: 1,
				name: 'Call',
				from: '2026-05-14 10:00',
				to: '2026-05-14 11:00',
			};
			const id = (await api('calendar.event.add', base)).body.result;
			await api('calendar.event.update', { ...base, id, name: 'Call 2' });
			await api('calendar.event.delete', { id });
			await sb.flushEvents();
			expect(received()).toEqual([
				['ONCALENDARENTRYADD', { id: String(id) }],
				['ONCALENDARENTRYUPDATE', { id: String(id) }],
				['ONCALENDARENTRYDELETE', { id: String(id) }],
			]);
		});

		test('user.add (not emulated yet: a stand-in method) raises ONUSERADD with user fields', async () => {
			if (!sb.state.registry.get('user.add')) {
				sb.state.registry.register(
					'user.add',
					(params, ctx) => ctx.state.users.push({ ...params, ID: 3, UF_DEPARTMENT: [1] }) && 3,
					{ scope: 'user' },
				);
			}
			await bind('ONUSERADD');
			await api('user.add', { NAME: 'Ann', LAST_NAME: 'Lee', EMAIL: 'ann@example.com' });
			await sb.flushEvents();
			expect(received()).toEqual([
				[
					'ONUSERADD',
					{
						ID: '3',
						ACTIVE: 'Y',
						EMAIL: 'ann@example.com',
						NAME: 'Ann',
						LAST_NAME: 'Lee',
						UF_DEPARTMENT: ['1'],
					},
				],
			]);
		});

		test('outgoing webhook: only portal data and its application token', async () => {
			const wh = sb.addOutgoingWebhook({
				url: `${hs.url}/out`,
				events: ['onCrmLeadAdd', 'ONCRMLEADDELETE'],
			});
			expect(wh.applicationToken).toMatch(/^[0-9a-z]{32}$/);
			expect(wh.events).toEqual(['ONCRMLEADADD', 'ONCRMLEADDELETE']);
			const fixed = sb.addOutgoingWebhook({
				url: `${hs.url}/fixed`,
				events: ['ONCRMLEADADD'],
				applicationToken: 'my-own-token',
			});
			await api('crm.lead.add', { fields: { TITLE: 'x' } });
			await sb.flushEvents();
			const ts = String(Math.floor(clock.now() / 1000));
			const byPath = (path) => hs.received.filter((r) => r.path === path).map((r) => r.form);
			expect([...byPath('/out'), ...byPath('/fixed')]).toEqual([
				{
					event: 'ONCRMLEADADD',
					event_handler_id: String(wh.handlerIds[0]),
					data: { FIELDS: { ID: '1' } },
					ts,
					auth: {
						domain: new URL(sb.url).host,
						client_endpoint: `${sb.url}/rest/`,
						server_endpoint: `${sb.url}/rest/`,
						member_id: sb.state.tokens.memberId,
						application_token: wh.applicationToken,
					},
				},
				expect.objectContaining({
					event_handler_id: String(fixed.handlerIds[0]),
					auth: expect.objectContaining({ application_token: 'my-own-token' }),
				}),
			]);
			expect(Object.keys(byPath('/out')[0].auth)).toEqual([
				'domain',
				'client_endpoint',
				'server_endpoint',
				'member_id',
				'application_token',
			]);
			expect(sb.eventLog().map((e) => [e.target, e.applicationToken])).toEqual([
				['webhook', wh.applicationToken],
				['webhook', 'my-own-token'],
			]);
			expect(sb.removeOutgoingWebhook(wh.id)).toBe(2);
			expect(sb.outgoingWebhooks().map((w) => w.id)).toEqual([fixed.id]);
		});

		test('no retries: a 500 answer, a refused connection, a timeout are each tried once', async () => {
			await bind('ONCRMLEADADD', '/fail');
			await bind('ONCRMLEADADD', '/hang');
			await app('event.bind', { event: 'ONCRMLEADADD', handler: 'http://127.0.0.1:1/closed' });
			sb.setEventOptions({ eventTimeoutMs: 150 });
			try {
				await api('crm.lead.add', { fields: { TITLE: 'x' } });
				await sb.flushEvents();
				await new Promise((r) => setTimeout(r, 200));
				expect(hs.received.map((r) => r.path).sort()).toEqual(['/fail', '/hang']);
				expect(
					sb.eventLog().map((e) => [e.handler.replace(hs.url, ''), e.status, e.error, e.attempts]),
				).toEqual([
					['/fail', 500, null, 1],
					['/hang', null, 'timeout', 1],
					['http://127.0.0.1:1/closed', null, 'ECONNREFUSED', 1],
				]);
			} finally {
				sb.setEventOptions({ eventTimeoutMs: 10000 });
			}
		});

		test('unreachable hosts (sandbox option) are not contacted', async () => {
			await bind('ONCRMLEADADD');
			sb.setEventOptions({ unreachableEventHandlerHosts: [new URL(hs.url).host] });
			await api('crm.lead.add', { fields: { TITLE: 'x' } });
			await sb.flushEvents();
			expect(hs.received).toEqual([]);
			expect(sb.eventLog().map((e) => [e.status, e.error])).toEqual([[null, 'unreachable']]);
		});

		test('emitEvent: custom names, nested data, app lifecycle token rules', async () => {
			sb.registerEvents(['onImConnectorMessageAdd'], { scope: 'global' });
			await bind('ONIMCONNECTORMESSAGEADD');
			await bind('ONAPPINSTALL');
			await bind('ONAPPUNINSTALL');
			sb.emitEvent('OnImConnectorMessageAdd', {
				CONNECTOR: 'my_conn',
				LINE: 3,
				MESSAGES: [{ im: { chat_id: 10, message_id: 77 }, message: { text: 'Hi & bye' } }],
			});
			sb.emitEvent('ONAPPINSTALL', { VERSION: 1, ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'en' });
			sb.emitEvent('ONAPPUNINSTALL', { LANGUAGE_ID: 'en', CLEAN: 0 });
			sb.emitEvent('ONIMCONNECTORMESSAGEADD', { CONNECTOR: 'robot' }, { userId: 0 });
			await sb.flushEvents();
			const [msg, install, uninstall, robot] = hs.received;
			expect(msg.body).toContain(`${enc('data[MESSAGES][0][im][chat_id]')}=10`);
			expect(msg.body).toContain(`${enc('data[MESSAGES][0][message][text]')}=Hi+%26+bye`);
			expect(msg.form.data).toEqual({
				CONNECTOR: 'my_conn',
				LINE: '3',
				MESSAGES: [{ im: { chat_id: '10', message_id: '77' }, message: { text: 'Hi & bye' } }],
			});
			expect(msg.form.auth.access_token).toEqual(expect.any(String));
			expect(install.form.auth.refresh_token).toEqual(expect.any(String));
			expect(Object.keys(uninstall.form.auth)).toEqual([
				'domain',
				'client_endpoint',
				'server_endpoint',
				'member_id',
				'application_token',
			]);
			expect(robot.form.auth).not.toHaveProperty('access_token');
			expect(robot.form.auth.application_token).toBe(sb.applicationToken);
		});

		test("event.test: ONAPPTEST only to the calling app's ONAPPTEST handlers, QUERY and LANGUAGE_ID, tokens with refresh_token", async () => {
			const viaWebhook = await api('event.test', { issued: '1' });
			expect([viaWebhook.status, viaWebhook.body.error]).toEqual([403, 'WRONG_AUTH_TYPE']);
			await bind('ONAPPTEST', '/mine');
			await bind('ONCRMLEADADD', '/lead');
			sb.state.events.addBinding({
				clientId: 'local.another.app',
				event: 'ONAPPTEST',
				handler: `${hs.url}/other-app`,
				userId: 0,
				offline: false,
			});
			sb.addOutgoingWebhook({ url: `${hs.url}/outgoing`, events: ['ONAPPTEST'] });

			const answer = await app(
				'event.test',
				{ issued: 1700000000, proof: 'p', nested: { a: 'b' } },
				2,
			);
			expect(answer.body.result).toBe(true);
			await sb.flushEvents();
			expect(hs.received.map((r) => r.path)).toEqual(['/mine']);
			const [{ form }] = hs.received;
			expect(form.event).toBe('ONAPPTEST');
			expect(form.data).toEqual({
				QUERY: { issued: '1700000000', proof: 'p', nested: { a: 'b' } },
				LANGUAGE_ID: 'en',
			});
			expect(form.auth).toMatchObject({
				access_token: expect.any(String),
				refresh_token: expect.any(String),
				user_id: '2',
				application_token: sb.applicationToken,
			});
			// The tokens work: they are the calling user's.
			const me = await call(rest(), 'user.current', { auth: form.auth.access_token });
			expect(me.body.result.ID).toBe('2');
		});

		test("asRobot: a robot's change raises events whose auth has no access or refresh token", async () => {
			await bind('ONCRMDEALUPDATE');
			const id = (await api('crm.deal.add', { fields: { TITLE: 'Robot target' } })).body.result;
			await sb.asRobot(() => api('crm.deal.update', { id, fields: { STAGE_ID: 'WON' } }));
			await api('crm.deal.update', { id, fields: { TITLE: 'By a person' } });
			await sb.flushEvents();
			expect(sb.deals()[0]).toMatchObject({ STAGE_ID: 'WON', TITLE: 'By a person' });
			const [robot, person] = hs.received.map((r) => r.form);
			expect(robot.event).toBe('ONCRMDEALUPDATE');
			expect(robot.data).toEqual({ FIELDS: { ID: String(id) } });
			expect(Object.keys(robot.auth)).toEqual([
				'domain',
				'client_endpoint',
				'server_endpoint',
				'member_id',
				'application_token',
			]);
			expect(robot.auth.application_token).toBe(sb.applicationToken);
			expect(person.auth.access_token).toEqual(expect.any(String));
			expect(sb.eventLog().map((e) => e.userId)).toEqual([0, 1]);
		});

		test('reset clears handlers, outgoing webhooks and the delivery log', async () => {
			await bind('ONCRMLEADADD');
			sb.addOutgoingWebhook({ url: `${hs.url}/out`, events: ['ONCRMLEADADD'] });
			await api('crm.lead.add', { fields: { TITLE: 'x' } });
			await sb.flushEvents();
			expect(sb.eventLog()).toHaveLength(2);
			sb.reset();
			expect(sb.eventBindings()).toEqual([]);
			expect(sb.outgoingWebhooks()).toEqual([]);
			expect(sb.eventLog()).toEqual([]);
			expect((await app('event.get')).body.result).toEqual([]);
			await api('crm.lead.add', { fields: { TITLE: 'y' } });
			await sb.flushEvents();
			expect(sb.eventLog()).toEqual([]);
			expect((await bind('ONCRMLEADADD')).body.result).toBe(true);
			expect(sb.eventBindings()[0].id).toBe(1); // handler IDs start again
		});
	});

	describe('control API (/_sandbox/events/…)', () => {
		const control = async (method, path, body) => {
			const res = await fetch(`${sb.url}/_sandbox/${path}`, {
				method,
				headers: { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: res.status, body: await res.json() };
		};

		test('outgoing webhook, emit, flush, log, bindings, info, options, reset', async () => {
			const info = await control('GET', 'info');
			expect(info.body.applicationToken).toBe(sb.applicationToken);
			const wh = await control('POST', 'events/outgoing-webhooks', {
				url: `${hs.url}/ctl`,
				events: ['ONCRMLEADADD', 'ONMYEVENT'],
				applicationToken: 'ctl-token',
			});
			expect(wh.body).toMatchObject({
				applicationToken: 'ctl-token',
				events: ['ONCRMLEADADD', 'ONMYEVENT'],
			});
			await bind('ONCRMLEADADD');
			const bindings = await control('GET', 'events/bindings');
			expect(bindings.body.bindings.map((b) => [b.kind, b.event])).toEqual([
				['webhook', 'ONCRMLEADADD'],
				['webhook', 'ONMYEVENT'],
				['app', 'ONCRMLEADADD'],
			]);
			expect(bindings.body.outgoingWebhooks).toHaveLength(1);

			const emitted = await control('POST', 'events/emit', { event: 'onMyEvent', data: { X: 1 } });
			expect(emitted.body).toEqual({ queued: 1 });
			await api('crm.lead.add', { fields: { TITLE: 'x' } });
			const flushed = await control('POST', 'events/flush');
			expect(flushed.body).toEqual({ ok: true, deliveries: 3 });
			const log = await control('GET', 'events/log');
			expect(log.body.map((e) => [e.event, e.target, e.status])).toEqual([
				['ONMYEVENT', 'webhook', 200],
				['ONCRMLEADADD', 'webhook', 200],
				['ONCRMLEADADD', 'app', 200],
			]);
			const mine = hs.received.find((r) => r.form.event === 'ONMYEVENT');
			expect(mine && mine.form).toMatchObject({
				data: { X: '1' },
				auth: { application_token: 'ctl-token' },
			});

			const options = await control('POST', 'events/options', { strictEventHandlerHost: true });
			expect(options.body.strictEventHandlerHost).toBe(true);
			const removed = await control('POST', 'events/outgoing-webhooks/remove', { id: wh.body.id });
			expect(removed.body).toEqual({ count: 2 });
			expect((await control('POST', 'events/log/clear')).body).toEqual({ ok: true });
			expect((await control('GET', 'events/log')).body).toEqual([]);
			const bad = await control('POST', 'events/outgoing-webhooks', {
				url: 'ftp://x',
				events: ['A'],
			});
			expect(bad.status).toBe(400);
			await control('POST', 'reset');
			expect((await control('GET', 'events/bindings')).body.bindings).toEqual([]);
		});
	});
});

describe('sandbox events: delivery starts after the REST answer', () => {
	test('a slow answer (latencyMs) still reaches the client before the event reaches the handler', async () => {
		let sb;
		/** Whether the REST call had been answered when its event arrived, per delivery. */
		const answeredFirst = [];
		const hs = await startHandlerServer({
			onRequest: () => {
				const add = sb.log.find((entry) => entry.restMethod === 'crm.lead.add');
				answeredFirst.push(add?.status === 200);
			},
		});
		sb = await startSandbox({ latencyMs: 150 });
		try {
			const auth = sb.issueTokens().access_token;
			await call(`${sb.url}/rest/`, 'event.bind', {
				auth,
				event: 'ONCRMLEADADD',
				handler: `${hs.url}/hook`,
			});
			await call(sb.webhookUrl, 'crm.lead.add', { fields: { TITLE: 'x' } });
			await sb.flushEvents();
			// The log entry gets its status when the answer goes out, after the latency.
			expect(answeredFirst).toEqual([true]);
		} finally {
			await sb.flushEvents();
			await sb.stop();
			await hs.stop();
		}
	});
});

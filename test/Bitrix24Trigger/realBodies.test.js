// Event bodies exactly as Bitrix24 sends them for task deletions and task-chat comments.
const { startPortal } = require('../helpers/bitrix24');
const { startWebhookTrigger } = require('../helpers/triggers');
const { portalCall } = require('../helpers/portalCall');

describe('Bitrix24 Trigger: real Bitrix24 task bodies', () => {
	let portal;
	let trigger;
	beforeEach(async () => {
		portal = await startPortal();
		trigger = await startWebhookTrigger(portal, {
			parameters: { events: ['ONTASKDELETE', 'ONTASKCOMMENTADD', 'ONTASKCOMMENTDELETE'] },
			applicationToken: portal.applicationToken,
		});
		await trigger.activate();
	});
	afterEach(async () => {
		await trigger.stop();
		await portal.stop();
	});

	const auth = () =>
		[
			`auth[domain]=${new URL(portal.url).host}`,
			'auth[client_endpoint]=' + encodeURIComponent(`${portal.url}/rest/`),
			'auth[server_endpoint]=' + encodeURIComponent(`${portal.url}/rest/`),
			`auth[member_id]=${portal.state.tokens.memberId}`,
			`auth[application_token]=${portal.applicationToken}`,
		].join('&');

	/** Posts a body and returns the item the started workflow got. */
	const deliver = async (body) => {
		expect(await trigger.post(`${body}&ts=1766047124&${auth()}`)).toBe(200);
		await trigger.settle();
		return trigger.started().at(-1)[0].json;
	};

	it('ONTASKDELETE (FIELDS_AFTER is the string "undefined") gives the id of the deleted task', async () => {
		const item = await deliver(
			'event=ONTASKDELETE&event_handler_id=12&data[FIELDS_BEFORE][ID]=42&data[FIELDS_AFTER]=undefined&data[IS_ACCESSIBLE_BEFORE]=undefined&data[IS_ACCESSIBLE_AFTER]=undefined',
		);
		expect(item).toMatchObject({ event: 'ONTASKDELETE', id: 42, handlerId: 12 });
		expect(item.data).toEqual({
			FIELDS_BEFORE: { ID: '42' },
			FIELDS_AFTER: 'undefined',
			IS_ACCESSIBLE_BEFORE: 'undefined',
			IS_ACCESSIBLE_AFTER: 'undefined',
		});
		expect(item).not.toHaveProperty('record');
	});

	it('ONTASKCOMMENTDELETE (FIELDS_AFTER "undefined") gives the comment and task ids', async () => {
		const item = await deliver(
			'event=ONTASKCOMMENTDELETE&event_handler_id=13&data[FIELDS_BEFORE][ID]=7&data[FIELDS_BEFORE][TASK_ID]=42&data[FIELDS_AFTER]=undefined&data[IS_ACCESSIBLE_BEFORE]=undefined&data[IS_ACCESSIBLE_AFTER]=undefined',
		);
		expect(item).toMatchObject({ event: 'ONTASKCOMMENTDELETE', id: 7, taskId: 42 });
	});

	it('ONTASKCOMMENTADD from the task chat (ID 0, MESSAGE_ID) gives the message and task ids and reads no comment 0', async () => {
		const { task } = await portalCall(portal, 'tasks.task.add', {
			fields: { TITLE: 'Chat task', RESPONSIBLE_ID: 1 },
		});
		portal.clearLog();
		const item = await deliver(
			`event=ONTASKCOMMENTADD&event_handler_id=14&data[FIELDS_BEFORE]=undefined&data[FIELDS_AFTER][ID]=0&data[FIELDS_AFTER][TASK_ID]=${task.id}&data[FIELDS_AFTER][MESSAGE_ID]=981&data[IS_ACCESSIBLE_BEFORE]=undefined&data[IS_ACCESSIBLE_AFTER]=undefined`,
		);
		expect(item).toMatchObject({
			event: 'ONTASKCOMMENTADD',
			taskId: Number(task.id),
			messageId: 981,
			record: null,
		});
		expect(item).not.toHaveProperty('id');
		expect(portal.log).toEqual([]);
	});

	it('ONTASKCOMMENTADD in the classic format still reads the comment', async () => {
		const { task } = await portalCall(portal, 'tasks.task.add', {
			fields: { TITLE: 'Classic', RESPONSIBLE_ID: 1 },
		});
		const commentId = await portalCall(portal, 'task.commentitem.add', {
			TASKID: task.id,
			FIELDS: { POST_MESSAGE: 'Classic comment' },
		});
		const item = await deliver(
			`event=ONTASKCOMMENTADD&data[FIELDS_BEFORE]=undefined&data[FIELDS_AFTER][ID]=${commentId}&data[FIELDS_AFTER][TASK_ID]=${task.id}&data[IS_ACCESSIBLE_BEFORE]=undefined&data[IS_ACCESSIBLE_AFTER]=undefined`,
		);
		expect(item).toMatchObject({
			id: commentId,
			taskId: Number(task.id),
			record: { POST_MESSAGE: 'Classic comment' },
		});
	});
});

const { startPortal, restRequests } = require('../helpers/bitrix24');
const { pollingTrigger } = require('../helpers/triggers');
const { portalCall } = require('../helpers/portalCall');

describe('Bitrix24 Polling Trigger', () => {
	let portal;
	let now;
	beforeEach(async () => {
		now = Date.parse('2026-06-01T09:00:00Z');
		portal = await startPortal({ now: () => now });
	});
	afterEach(async () => {
		await portal.stop();
	});
	const later = (seconds = 1) => (now += seconds * 1000);

	it('emits each new lead once; the first poll replays no history', async () => {
		portal.seedLeads(3);
		const trigger = pollingTrigger(portal, { parameters: { resource: 'lead', event: 'created' } });
		expect(await trigger.poll()).toEqual([]);
		// A poll that finds nothing is one plain page request, with no COUNT and no batch.
		portal.clearLog();
		expect(await trigger.poll()).toEqual([]);
		expect(portal.log.map((entry) => [entry.restMethod, entry.params.start])).toEqual([
			['crm.lead.list', -1],
		]);
		later();
		const ids = [
			await portalCall(portal, 'crm.lead.add', { fields: { TITLE: 'Fresh 1' } }),
			await portalCall(portal, 'crm.lead.add', { fields: { TITLE: 'Fresh 2' } }),
		];
		const first = await trigger.poll();
		expect(first.map((lead) => Number(lead.ID))).toEqual(ids);
		expect(first[0].TITLE).toBe('Fresh 1');
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits new and updated records exactly once, including several changes in one second', async () => {
		portal.seedLeads(3, (i) => ({ TITLE: `Old ${i}` }));
		const trigger = pollingTrigger(portal, {
			parameters: { resource: 'lead', event: 'createdOrUpdated' },
		});
		expect(await trigger.poll()).toEqual([]);
		// Same second as the seeding, same modification time: told apart by content, caught once.
		await portalCall(portal, 'crm.lead.update', { id: 2, fields: { TITLE: 'Old 1 changed' } });
		expect((await trigger.poll()).map((lead) => lead.TITLE)).toEqual(['Old 1 changed']);
		expect(await trigger.poll()).toEqual([]);
		later();
		await portalCall(portal, 'crm.lead.update', { id: 1, fields: { TITLE: 'Old 0 changed' } });
		const added = await portalCall(portal, 'crm.lead.add', { fields: { TITLE: 'Brand new' } });
		const batch = await trigger.poll();
		expect(batch.map((lead) => lead.TITLE).sort()).toEqual(['Brand new', 'Old 0 changed']);
		// Changed again within the same second after the poll: emitted again (it changed).
		await portalCall(portal, 'crm.lead.update', { id: 3, fields: { TITLE: 'Old 2 changed' } });
		expect((await trigger.poll()).map((lead) => Number(lead.ID))).toEqual([3]);
		later(5);
		await portalCall(portal, 'crm.lead.update', {
			id: added,
			fields: { TITLE: 'Brand new, edited' },
		});
		expect((await trigger.poll()).map((lead) => lead.TITLE)).toEqual(['Brand new, edited']);
		expect(await trigger.poll()).toEqual([]);
	});

	it('catches up 10,000 new records at once through the fast export, each once', async () => {
		portal.seedLeads(5);
		const trigger = pollingTrigger(portal, { parameters: { resource: 'lead', event: 'created' } });
		await trigger.poll();
		later();
		const ids = portal.seedLeads(10000).map(Number);
		portal.clearLog();
		const caught = await trigger.poll();
		expect(caught).toHaveLength(10000);
		expect(caught.map((lead) => Number(lead.ID))).toEqual(ids);
		expect(restRequests(portal)).toBeLessThanOrEqual(6);
		expect(await trigger.poll()).toEqual([]);
	});

	it('emits existing records on the first run when asked, and gives the latest as a sample in a manual test', async () => {
		portal.seedLeads(4, (i) => ({ TITLE: `Lead ${i}` }));
		const trigger = pollingTrigger(portal, {
			parameters: { resource: 'lead', event: 'created', includeExisting: true },
		});
		expect((await trigger.test()).map((lead) => lead.TITLE)).toEqual(['Lead 3']);
		expect(await trigger.poll()).toHaveLength(4);
		expect(await trigger.poll()).toEqual([]);
	});

	it('watches tasks and smart-process items', async () => {
		const tasks = pollingTrigger(portal, {
			parameters: { resource: 'task', event: 'createdOrUpdated' },
		});
		await portalCall(portal, 'tasks.task.add', { fields: { TITLE: 'Before', RESPONSIBLE_ID: 1 } });
		expect(await tasks.poll()).toEqual([]);
		later();
		const { task } = await portalCall(portal, 'tasks.task.add', {
			fields: { TITLE: 'After', RESPONSIBLE_ID: 2 },
		});
		await portalCall(portal, 'tasks.task.update', {
			taskId: 1,
			fields: { TITLE: 'Before, edited' },
		});
		expect((await tasks.poll()).map((t) => t.title).sort()).toEqual(['After', 'Before, edited']);
		expect(await tasks.poll()).toEqual([]);
		expect(task.id).toBeDefined();

		const { type } = await portalCall(portal, 'crm.type.add', { fields: { title: 'Orders' } });
		const { entityTypeId } = type;
		const items = pollingTrigger(portal, {
			parameters: { resource: 'item', entityTypeId, event: 'created' },
		});
		expect(await items.poll()).toEqual([]);
		later();
		const { item } = await portalCall(portal, 'crm.item.add', {
			entityTypeId,
			fields: { title: 'Smart one' },
		});
		expect((await items.poll()).map((row) => row.id)).toEqual([item.id]);
	});

	it('explains a missing smart process type', async () => {
		const trigger = pollingTrigger(portal, {
			parameters: { resource: 'item', entityTypeId: 0, event: 'created' },
		});
		await expect(trigger.poll()).rejects.toThrow('Smart Process Type ID must be a positive number');
	});
});

describe('Bitrix24 Polling Trigger → users', () => {
	it('emits new users once, and explains that updates cannot be watched', async () => {
		const portal = await startPortal();
		try {
			const trigger = pollingTrigger(portal, {
				parameters: { resource: 'user', event: 'created' },
			});
			expect(await trigger.poll()).toEqual([]);
			const ids = portal.seedUsers(60);
			const fresh = await trigger.poll();
			expect(fresh.map((user) => Number(user.ID))).toEqual(ids);
			expect(await trigger.poll()).toEqual([]);
			expect((await trigger.test()).map((user) => Number(user.ID))).toEqual([ids[59]]);
			const updates = pollingTrigger(portal, {
				parameters: { resource: 'user', event: 'createdOrUpdated' },
			});
			await expect(updates.poll()).rejects.toThrow('Users can only be watched for new ones');
		} finally {
			await portal.stop();
		}
	});
});

describe('Bitrix24 Polling Trigger → calendar events', () => {
	it('emits new and changed events of one calendar once', async () => {
		const portal = await startPortal();
		const at = (hours) => new Date(Date.now() + hours * 3600 * 1000).toISOString();
		const add = (name, ownerId = 2) =>
			portalCall(portal, 'calendar.event.add', {
				type: 'user',
				ownerId,
				name,
				from: at(24),
				to: at(25),
			});
		try {
			await add('Before');
			const trigger = pollingTrigger(portal, {
				parameters: {
					resource: 'calendarEvent',
					calendarType: 'user',
					calendarOwnerId: 2,
					event: 'createdOrUpdated',
				},
			});
			expect(await trigger.poll()).toEqual([]);
			const id = await add('Planning');
			await add('Someone else', 1);
			expect((await trigger.poll()).map((event) => event.NAME)).toEqual(['Planning']);
			expect(await trigger.poll()).toEqual([]);
			await portalCall(portal, 'calendar.event.update', {
				id,
				type: 'user',
				ownerId: 2,
				name: 'Planning (moved)',
			});
			expect((await trigger.poll()).map((event) => event.NAME)).toEqual(['Planning (moved)']);
			expect(await trigger.poll()).toEqual([]);
			expect((await trigger.test()).map((event) => Number(event.ID))).toEqual([id]);
		} finally {
			await portal.stop();
		}
	});
});

describe('Bitrix24 Polling Trigger → Trigger On', () => {
	const { NodeHelpers } = require('n8n-workflow');
	const {
		Bitrix24PollingTrigger,
	} = require('../../nodes/Bitrix24PollingTrigger/Bitrix24PollingTrigger.node');
	const { description } = new Bitrix24PollingTrigger();
	/** The "Trigger On" field n8n shows for a watched record type. */
	const triggerOn = (resource) => {
		const shown = description.properties.filter(
			(property) =>
				property.name === 'event' &&
				NodeHelpers.displayParameter({ resource }, property, null, description),
		);
		expect(shown).toHaveLength(1);
		return shown[0];
	};

	it('shows the users-only hint for users alone, where only new records can be watched', () => {
		expect(triggerOn('user').hint).toMatch(/Users can only be watched for new ones/);
		expect(triggerOn('user').options.map((option) => option.value)).toEqual(['created']);
		for (const resource of [
			'lead',
			'deal',
			'contact',
			'company',
			'item',
			'task',
			'calendarEvent',
		]) {
			expect(triggerOn(resource).hint).toBeUndefined();
			expect(triggerOn(resource).options.map((option) => option.value)).toEqual([
				'created',
				'createdOrUpdated',
			]);
		}
	});
});

const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Activity → Create To-Do, Get Many, Complete', () => {
	it('adds to-dos to a deal, lists the open ones and completes one', async () => {
		const portal = await startPortal();
		try {
			const [dealId] = portal.seedDeals(1, () => ({ TITLE: 'Follow up' }));
			const owner = { ownerType: 'deal', ownerId: String(dealId) };
			const created = await runBitrix24(portal, {
				items: [{ title: 'Call back' }, { title: 'Send contract' }],
				parameters: {
					resource: 'activity',
					operation: 'createTodo',
					...owner,
					title: '={{ $json.title }}',
					deadline: '2026-12-01T10:00:00',
					todoFields: { description: 'From n8n', responsibleId: '2' },
				},
			});
			expect(created.error).toBeUndefined();
			const ids = created.output.map((item) => item.json.id);
			expect(ids.every((id) => id > 0)).toBe(true);

			const done = await runBitrix24(portal, {
				parameters: { resource: 'activity', operation: 'complete', activityId: String(ids[0]) },
			});
			expect(done.output[0].json).toEqual({ id: ids[0], completed: true });

			const open = await runBitrix24(portal, {
				parameters: { resource: 'activity', operation: 'getAll', ...owner, onlyOpen: true },
			});
			expect(open.output.map((item) => Number(item.json.ID))).toEqual([ids[1]]);
			const all = await runBitrix24(portal, {
				parameters: { resource: 'activity', operation: 'getAll', ...owner },
			});
			expect(all.output).toHaveLength(2);
		} finally {
			await portal.stop();
		}
	});

	it('logs a call and a meeting on a contact, and names the item with a missing record', async () => {
		const portal = await startPortal();
		try {
			const [contactId] = portal.seedContacts(1, () => ({ NAME: 'Ada' }));
			const { output } = await runBitrix24(portal, {
				items: [
					{ id: contactId, type: 'call', with: '+44 20 7946 0000' },
					{ id: contactId, type: 'meeting', with: 'ada@example.com' },
					{ id: 999999, type: 'call', with: '+1 555 0100' },
				],
				parameters: {
					resource: 'activity',
					operation: 'create',
					ownerType: 'contact',
					ownerId: '={{ $json.id }}',
					activityType: '={{ $json.type }}',
					subject: '={{ "Talk with Ada (" + $json.type + ")" }}',
					communication: '={{ $json.with }}',
					responsibleId: '1',
					activityFields: { DIRECTION: 2, completed: true },
				},
				continueOnFail: true,
			});
			expect(output[0].json.id).toBeGreaterThan(0);
			expect(output[1].json.id).toBeGreaterThan(0);
			expect(output[2].json.error).toMatch(/^Bitrix24 crm\.activity\.add: /);
			const listed = await runBitrix24(portal, {
				parameters: {
					resource: 'activity',
					operation: 'getAll',
					ownerType: 'contact',
					ownerId: String(contactId),
				},
			});
			expect(listed.output.map((item) => [item.json.SUBJECT, item.json.COMPLETED])).toEqual([
				['Talk with Ada (call)', 'Y'],
				['Talk with Ada (meeting)', 'Y'],
			]);
		} finally {
			await portal.stop();
		}
	});

	it('attaches Disk files to a call by ID, and explains IDs that are not numbers', async () => {
		const portal = await startPortal();
		try {
			const [contactId] = portal.seedContacts(1, () => ({ NAME: 'Ada' }));
			const { output } = await runBitrix24(portal, {
				items: [{ files: '12, n15' }, { files: 'contract.pdf' }],
				parameters: {
					resource: 'activity',
					operation: 'create',
					ownerType: 'contact',
					ownerId: String(contactId),
					activityType: 'call',
					subject: 'Signed contract',
					communication: '+44 20 7946 0000',
					responsibleId: '1',
					activityFields: { diskFiles: '={{ $json.files }}' },
				},
				continueOnFail: true,
			});
			expect(output[1].json.error).toBe('Disk File IDs must be numbers');
			const listed = await runBitrix24(portal, {
				parameters: {
					resource: 'method',
					operation: 'call',
					method: 'crm.activity.get',
					parametersJson: JSON.stringify({ id: output[0].json.id }),
				},
			});
			expect(listed.output[0].json.result).toMatchObject({
				STORAGE_TYPE_ID: '3',
				STORAGE_ELEMENT_IDS: ['12', '15'],
			});
		} finally {
			await portal.stop();
		}
	});
});

const { startPortal, runBitrix24 } = require('../../helpers/bitrix24');

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
});

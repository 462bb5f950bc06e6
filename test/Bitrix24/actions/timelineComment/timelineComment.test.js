const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Timeline Comment → Add, Get Many, Update, Delete', () => {
	let portal;
	let dealId;
	beforeEach(async () => {
		portal = await startPortal();
		[dealId] = portal.seedDeals(1, () => ({ TITLE: 'Commented' }));
	});
	afterEach(async () => {
		await portal.stop();
	});

	const owner = () => ({ ownerType: 'deal', ownerId: String(dealId) });

	it('adds comments from many items in one batch, lists, updates and deletes them', async () => {
		const added = await runBitrix24(portal, {
			items: [{ text: 'First call done' }, { text: 'Sent the [b]offer[/b]' }],
			parameters: {
				resource: 'timelineComment',
				operation: 'create',
				...owner(),
				comment: '={{ $json.text }}',
			},
		});
		expect(added.error).toBeUndefined();
		const ids = added.output.map((item) => item.json.id);
		expect(ids.every((id) => id > 0)).toBe(true);
		expect(portal.log.filter((entry) => entry.restMethod === 'batch')).toHaveLength(1);

		const listed = await runBitrix24(portal, {
			parameters: { resource: 'timelineComment', operation: 'getAll', ...owner() },
		});
		expect(listed.output.map((item) => item.json.COMMENT)).toEqual([
			'First call done',
			'Sent the [b]offer[/b]',
		]);

		const updated = await runBitrix24(portal, {
			parameters: {
				resource: 'timelineComment',
				operation: 'update',
				commentId: String(ids[0]),
				comment: 'Call done',
			},
		});
		expect(updated.output[0].json).toEqual({ id: ids[0], updated: true });

		const removed = await runBitrix24(portal, {
			parameters: { resource: 'timelineComment', operation: 'delete', commentId: String(ids[1]) },
		});
		expect(removed.output[0].json).toEqual({ id: ids[1], deleted: true });
		const after = await runBitrix24(portal, {
			parameters: { resource: 'timelineComment', operation: 'getAll', ...owner() },
		});
		expect(after.output.map((item) => item.json.COMMENT)).toEqual(['Call done']);
	});

	it('names the item whose record does not exist', async () => {
		const { output } = await runBitrix24(portal, {
			items: [{ id: dealId }, { id: 999999 }],
			parameters: {
				resource: 'timelineComment',
				operation: 'create',
				ownerType: 'deal',
				ownerId: '={{ $json.id }}',
				comment: 'Hi',
			},
			continueOnFail: true,
		});
		expect(output[0].json.id).toBeGreaterThan(0);
		expect(output[1].json.error).toMatch(/^Bitrix24 crm\.timeline\.comment\.add: /);
	});
});

const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Deal → Upsert by a field', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('finds the deal by any field (here ORIGIN_ID), updates it, or creates it', async () => {
		portal.seedDeals(1, () => ({ TITLE: 'Order 1001', ORIGIN_ID: 'shop-1001', OPPORTUNITY: '10' }));
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ ref: 'shop-1001', title: 'Order 1001', amount: 120 },
				{ ref: 'shop-1002', title: 'Order 1002', amount: 80 },
			],
			parameters: {
				resource: 'deal',
				operation: 'upsert',
				matchBy: 'field',
				matchField: 'ORIGIN_ID',
				matchValue: '={{ $json.ref }}',
				title: '={{ $json.title }}',
				upsertFields: { OPPORTUNITY: '={{ $json.amount }}' },
			},
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.created, item.json.updated])).toEqual([
			[false, true],
			[true, false],
		]);
		const deals = portal.deals();
		expect(deals.map((deal) => [deal.ORIGIN_ID, Number(deal.OPPORTUNITY)])).toEqual([
			['shop-1001', 120],
			['shop-1002', 80],
		]);
	});

	it('refuses a match field the portal does not know, instead of matching any deal', async () => {
		portal.seedDeals(1, () => ({ TITLE: 'Untouched' }));
		const { error } = await runBitrix24(portal, {
			items: [{ ref: 'x' }],
			parameters: {
				resource: 'deal',
				operation: 'upsert',
				matchBy: 'field',
				matchField: 'ORIGN_ID',
				matchValue: '={{ $json.ref }}',
				title: 'Changed',
			},
		});
		expect(error.message).toBe('Field "ORIGN_ID" does not exist on deals');
		expect(error.context.itemIndex).toBe(0);
		expect(portal.deals().map((deal) => deal.TITLE)).toEqual(['Untouched']);
	});

	it('matches deals (no emails) by a field by default, in every version', async () => {
		for (const typeVersion of [1, 1.1]) {
			const { output, error } = await runBitrix24(portal, {
				typeVersion,
				items: [{ ref: 'shop-7' }],
				parameters: {
					resource: 'deal',
					operation: 'upsert',
					matchField: 'ORIGIN_ID',
					matchValue: '={{ $json.ref }}',
					title: 'Order 7',
				},
			});
			expect(error).toBeUndefined();
			expect(output[0].json.created).toBe(typeVersion === 1);
		}
		expect(portal.deals().map((deal) => deal.ORIGIN_ID)).toEqual(['shop-7']);
	});
});

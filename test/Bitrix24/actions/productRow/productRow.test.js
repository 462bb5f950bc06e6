const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Product Row → Set, Get', () => {
	it("replaces a deal's product rows and reads them back", async () => {
		const portal = await startPortal();
		try {
			const [dealId] = portal.seedDeals(1, () => ({ TITLE: 'With products' }));
			const set = await runBitrix24(portal, {
				parameters: {
					resource: 'productRow',
					operation: 'set',
					ownerType: 'deal',
					ownerId: String(dealId),
					rows: {
						row: [
							{ PRODUCT_NAME: 'Licence', PRICE: 100, QUANTITY: 3 },
							{ PRODUCT_NAME: 'Setup', PRICE: 250, QUANTITY: 1, other: '{"DISCOUNT_RATE": 10}' },
						],
					},
				},
			});
			expect(set.error).toBeUndefined();
			expect(set.output[0].json).toEqual({ id: Number(dealId), rows: 2, updated: true });

			const got = await runBitrix24(portal, {
				parameters: {
					resource: 'productRow',
					operation: 'get',
					ownerType: 'deal',
					ownerId: String(dealId),
				},
			});
			expect(
				got.output.map((item) => [
					item.json.PRODUCT_NAME,
					Number(item.json.PRICE),
					Number(item.json.QUANTITY),
				]),
			).toEqual([
				['Licence', 100, 3],
				['Setup', expect.any(Number), 1],
			]);
		} finally {
			await portal.stop();
		}
	});

	it('sets and gets the product rows of a quote (crm.item.productrow.*)', async () => {
		const portal = await startPortal();
		try {
			const quote = await runBitrix24(portal, {
				parameters: {
					resource: 'item',
					operation: 'create',
					entityTypeId: '7',
					itemFields: '{"title": "Quote 1"}',
				},
			});
			const quoteId = String(quote.output[0].json.id);
			const set = await runBitrix24(portal, {
				parameters: {
					resource: 'productRow',
					operation: 'set',
					ownerType: 'quote',
					ownerId: quoteId,
					rows: { row: [{ PRODUCT_NAME: 'Consulting', PRICE: 90, QUANTITY: 4 }] },
				},
			});
			expect(set.error).toBeUndefined();
			expect(set.output[0].json).toEqual({ id: Number(quoteId), rows: 1, updated: true });
			const got = await runBitrix24(portal, {
				parameters: {
					resource: 'productRow',
					operation: 'get',
					ownerType: 'quote',
					ownerId: quoteId,
				},
			});
			expect(
				got.output.map((item) => [item.json.productName, item.json.price, item.json.quantity]),
			).toEqual([['Consulting', 90, 4]]);
			expect(portal.log.map((entry) => entry.restMethod)).toContain('batch');
		} finally {
			await portal.stop();
		}
	});
});

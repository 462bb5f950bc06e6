const { startPortal, runBitrix24 } = require('../../helpers/bitrix24');

// Reads go up to 3 batch requests at a time; writes one at a time, in order.
describe('batch requests in flight at once', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal({ latencyMs: 150 });
	});
	afterEach(async () => {
		await portal.stop();
	});

	const arrivals = () =>
		portal.log.filter((entry) => entry.restMethod === 'batch').map((entry) => entry.at);

	it('sends the batches of a read-only job three at a time', async () => {
		const ids = portal.seedLeads(300).map(Number);
		portal.clearLog();
		const { output, error } = await runBitrix24(portal, {
			items: ids.map((id) => ({ id })),
			parameters: {
				resource: 'lead',
				operation: 'get',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				simplify: true,
			},
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => Number(item.json.ID))).toEqual(ids);
		const at = arrivals();
		expect(at).toHaveLength(6);
		// Two rounds of three: each round arrives together, the next one a latency later.
		expect(at[2] - at[0]).toBeLessThan(100);
		expect(at[3] - at[0]).toBeGreaterThanOrEqual(140);
	});

	it('sends the batches of a write job one after another', async () => {
		const { error } = await runBitrix24(portal, {
			items: Array.from({ length: 150 }, (_, i) => ({ title: `Lead ${i}` })),
			parameters: { resource: 'lead', operation: 'create', title: '={{ $json.title }}' },
		});
		expect(error).toBeUndefined();
		const at = arrivals();
		expect(at).toHaveLength(3);
		expect(at[1] - at[0]).toBeGreaterThanOrEqual(140);
		expect(at[2] - at[1]).toBeGreaterThanOrEqual(140);
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(
			Array.from({ length: 150 }, (_, i) => `Lead ${i}`),
		);
	});
});

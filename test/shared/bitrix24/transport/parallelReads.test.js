const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

// Reads go up to 3 batch requests at a time; writes one at a time, in order. Asserted on how many
// requests the portal had in progress when each arrived, never on arrival times.
describe('batch requests in flight at once', () => {
	let portal;
	afterEach(async () => {
		await portal.stop();
	});

	const batches = () => portal.log.filter((entry) => entry.restMethod === 'batch');

	it('sends the batches of a read-only job three at a time', async () => {
		// Each answer is held until three requests are in progress (or a generous fallback passes,
		// so a client that never sends three at once shows up as a failure, not a hang).
		const held = [];
		let fallback;
		const release = () => {
			clearTimeout(fallback);
			held.splice(0).forEach((resolve) => resolve());
		};
		portal = await startPortal({
			sleep: () =>
				new Promise((resolve) => {
					held.push(resolve);
					clearTimeout(fallback);
					if (portal.state.log.inFlight >= 3) release();
					else fallback = setTimeout(release, 2000);
				}),
		});
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
		expect(batches().map((entry) => entry.inFlight)).toEqual([1, 2, 3, 1, 2, 3]);
	});

	it('sends the batches of a write job one after another', async () => {
		portal = await startPortal({ latencyMs: 150 });
		const { error } = await runBitrix24(portal, {
			items: Array.from({ length: 150 }, (_, i) => ({ title: `Lead ${i}` })),
			parameters: { resource: 'lead', operation: 'create', title: '={{ $json.title }}' },
		});
		expect(error).toBeUndefined();
		expect(batches().map((entry) => entry.inFlight)).toEqual([1, 1, 1]);
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(
			Array.from({ length: 150 }, (_, i) => `Lead ${i}`),
		);
	});
});

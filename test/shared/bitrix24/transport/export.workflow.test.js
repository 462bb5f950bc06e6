// Return All through the fast export, end to end: how many requests and list calls a table costs.
const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

const returnAll = { resource: 'lead', operation: 'getAll', returnAll: true, simplify: false };

/** crm.lead.list calls the portal ran, inside batches or on their own. */
const listCalls = (portal) =>
	portal.log.reduce(
		(count, entry) =>
			count +
			(entry.batch
				? entry.batch.methods.filter((method) => method === 'crm.lead.list').length
				: Number(entry.restMethod === 'crm.lead.list')),
		0,
	);

describe('Return All through the fast export', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it.each([
		// leads, requests, list calls (pages and the look-up of the last ID)
		[0, 1, 2],
		[133, 2, 4],
		[10000, 5, 202],
	])('reads %i leads in %i request(s) with %i list calls', async (size, requests, calls) => {
		const ids = size ? portal.seedLeads(size).map(Number) : [];
		portal.clearLog();
		const { output, error } = await runBitrix24(portal, { parameters: returnAll });
		expect(error).toBeUndefined();
		expect(output.map((item) => Number(item.json.ID))).toEqual(ids);
		expect(restRequests(portal)).toBe(requests);
		expect(listCalls(portal)).toBe(calls);
	});
});

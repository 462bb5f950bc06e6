'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

/**
 * The `sleep` option: answers wait out their latency and COUNT cost through it, so a benchmark
 * can put the sandbox on a virtual clock (together with `now`).
 */
describe('sandbox sleep option', () => {
	let sb;
	/** @type {number[]} */
	let waits;
	afterEach(async () => {
		await sb.stop();
	});

	beforeEach(async () => {
		waits = [];
		const clock = fakeClock();
		sb = await startSandbox({
			now: clock.now,
			latencyMs: 5000,
			countCostMsPerThousandRows: 1000,
			sleep: async (ms) => {
				waits.push(ms);
				clock.advance(ms);
			},
		});
		sb.seedLeads(2000);
	});

	test('REST answers wait latency plus COUNT cost through it, not on a real timer', async () => {
		const timers = jest.spyOn(global, 'setTimeout');
		await call(sb.webhookUrl, 'crm.lead.list', { select: ['ID'] });
		await call(sb.webhookUrl, 'crm.lead.list', { select: ['ID'], start: -1 });
		await call(sb.webhookUrl, 'batch', {
			cmd: { a: 'crm.lead.list?select[]=ID', b: 'crm.lead.list?select[]=ID&start=50' },
		});
		expect(waits).toEqual([5000 + 2000, 5000, 5000 + 2 * 2000]);
		expect(timers.mock.calls.filter(([, ms]) => ms >= 5000)).toEqual([]);
		timers.mockRestore();
	});

	test('errors and the token endpoint wait the latency through it too', async () => {
		expect((await call(sb.webhookUrl, 'no.such.method')).status).toBe(404);
		const token = await fetch(`${sb.url}/oauth/token/?grant_type=refresh_token`);
		expect(token.status).toBe(400);
		expect(waits).toEqual([5000, 5000]);
	});
});

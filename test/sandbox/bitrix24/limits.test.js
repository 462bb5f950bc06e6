'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

describe('sandbox limits', () => {
	test('leaky bucket: burst, then 503 QUERY_LIMIT_EXCEEDED (not executed), drains over time', async () => {
		const clock = fakeClock();
		const sb = await startSandbox({ now: clock.now, bucket: { burst: 5, drainPerSecond: 2 } });
		try {
			const statuses = [];
			for (let i = 0; i < 7; i++)
				statuses.push(
					(await call(sb.webhookUrl, 'crm.lead.add', { fields: { TITLE: `L${i}` } })).status,
				);
			expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503]);
			const rejected = await call(sb.webhookUrl, 'server.time');
			expect(rejected.body).toEqual({
				error: 'QUERY_LIMIT_EXCEEDED',
				error_description: 'Too many requests',
			});
			expect(sb.leads()).toHaveLength(5);
			expect(sb.log[5]).toMatchObject({
				status: 503,
				error: 'QUERY_LIMIT_EXCEEDED',
				executed: false,
			});

			clock.advance(500); // drains one slot
			expect((await call(sb.webhookUrl, 'server.time')).status).toBe(200);
			expect((await call(sb.webhookUrl, 'server.time')).status).toBe(503);
			clock.advance(2000); // four slots
			const after = [];
			for (let i = 0; i < 5; i++) after.push((await call(sb.webhookUrl, 'server.time')).status);
			expect(after).toEqual([200, 200, 200, 200, 503]);
			// The control API is not limited.
			expect((await fetch(`${sb.url}/_sandbox/log`)).status).toBe(200);
		} finally {
			await sb.stop();
		}
	});

	test('operating limit: per method, blocks the call after the one that crossed the limit, then resets', async () => {
		const clock = fakeClock();
		const sb = await startSandbox({
			now: clock.now,
			operating: { limitSeconds: 1, windowSeconds: 600, costSeconds: { 'crm.lead.list': 0.4 } },
		});
		try {
			const startSec = Math.floor(clock.now() / 1000);
			const first = await call(sb.webhookUrl, 'crm.lead.list');
			expect(first.body.time).toMatchObject({ operating: 0.4, operating_reset_at: startSec + 600 });
			clock.advance(61 * 1000); // next bucket
			await call(sb.webhookUrl, 'crm.lead.list');
			const third = await call(sb.webhookUrl, 'crm.lead.list'); // total 1.2 > 1
			expect(third.status).toBe(200);
			expect(third.body.time.operating).toBeCloseTo(1.2);
			expect(third.body.time.operating_reset_at).toBe(startSec + 600);

			const blocked = await call(sb.webhookUrl, 'crm.lead.list');
			expect(blocked.status).toBe(429);
			expect(blocked.body).toEqual({
				error: 'OPERATION_TIME_LIMIT',
				error_description: 'Method is blocked due to operation time limit.',
			});
			// Other methods are not affected.
			expect((await call(sb.webhookUrl, 'crm.lead.fields')).status).toBe(200);

			// Inside a batch the blocked sub-call lands in result_error; the batch itself is not counted.
			const inBatch = await call(sb.webhookUrl, 'batch', {
				cmd: { l: 'crm.lead.list', f: 'crm.lead.fields' },
			});
			expect(inBatch.status).toBe(200);
			expect(inBatch.body.result.result_error.l.error).toBe('OPERATION_TIME_LIMIT');
			expect(Object.keys(inBatch.body.result.result)).toEqual(['f']);
			expect(inBatch.body.result.result_time.f).toHaveProperty('operating');

			clock.advance(540 * 1000 + 1000); // the first bucket (0.4 s) expires: 0.8 left
			const again = await call(sb.webhookUrl, 'crm.lead.list');
			expect(again.status).toBe(200);
		} finally {
			await sb.stop();
		}
	});
});

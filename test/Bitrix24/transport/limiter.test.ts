import { bucketFor, LeakyBucket, PLANS } from '../../../nodes/Bitrix24/transport/limiter';

describe('LeakyBucket', () => {
	it('lets a burst of 50 through, then paces at 2 requests per second', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		const waits = Array.from({ length: 54 }, () => bucket.reserve());
		expect(waits.slice(0, 50).every((wait) => wait === 0)).toBe(true);
		expect(waits.slice(50)).toEqual([500, 1000, 1500, 2000]);
		now += 10_000;
		expect(bucket.reserve()).toBe(0);
	});

	it('drains over time so a later request goes straight through', () => {
		let now = 0;
		const bucket = new LeakyBucket({ burst: 2, drainPerSecond: 1 }, () => now);
		bucket.reserve();
		bucket.reserve();
		expect(bucket.reserve()).toBe(1000);
		now += 5000;
		expect(bucket.reserve()).toBe(0);
	});

	it('treats the portal as full after QUERY_LIMIT_EXCEEDED', () => {
		const bucket = new LeakyBucket(PLANS.standard, () => 0);
		bucket.markFull();
		expect(bucket.reserve()).toBe(500);
	});

	it('enterprise plan allows 250 at once and drains 5 per second', () => {
		const bucket = new LeakyBucket(PLANS.enterprise, () => 0);
		const waits = Array.from({ length: 251 }, () => bucket.reserve());
		expect(waits.filter((wait) => wait > 0)).toEqual([200]);
	});

	it('shares one bucket per portal and plan across the process', () => {
		expect(bucketFor('https://a.example', 'standard')).toBe(
			bucketFor('https://a.example', 'standard'),
		);
		expect(bucketFor('https://a.example', 'standard')).not.toBe(
			bucketFor('https://b.example', 'standard'),
		);
	});
});

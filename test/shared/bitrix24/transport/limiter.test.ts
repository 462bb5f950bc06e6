import { bucketFor, LeakyBucket, PLANS } from '../../../../nodes/shared/bitrix24/transport/limiter';

describe('LeakyBucket', () => {
	it('lets a burst of 49 through (one kept in reserve), then paces at 2 requests per second', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		const waits = Array.from({ length: 53 }, () => bucket.reserve());
		expect(waits.slice(0, 49).every((wait) => wait === 0)).toBe(true);
		expect(waits.slice(49)).toEqual([500, 1000, 1500, 2000]);
		now += 10_000;
		expect(bucket.reserve()).toBe(0);
	});

	it('drains over time so a later request goes straight through', () => {
		let now = 0;
		const bucket = new LeakyBucket({ burst: 3, drainPerSecond: 1 }, () => now);
		bucket.reserve();
		bucket.reserve();
		expect(bucket.reserve()).toBe(1000);
		now += 5000;
		expect(bucket.reserve()).toBe(0);
	});

	it('treats the portal as full after QUERY_LIMIT_EXCEEDED', () => {
		const bucket = new LeakyBucket(PLANS.standard, () => 0);
		bucket.markFull();
		expect(bucket.reserve()).toBe(1000);
	});

	it('enterprise plan allows 249 at once and drains 5 per second', () => {
		const bucket = new LeakyBucket(PLANS.enterprise, () => 0);
		const waits = Array.from({ length: 250 }, () => bucket.reserve());
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

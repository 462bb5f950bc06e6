import {
	bucketFor,
	LeakyBucket,
	PLANS,
	rememberOperating,
} from '../../../../nodes/shared/bitrix24/transport/limiter';

describe('LeakyBucket', () => {
	it('lets a burst of 49 through (a quarter of a unit kept in reserve), then paces at 2 requests per second', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		const waits = Array.from({ length: 53 }, () => bucket.reserve());
		expect(waits.slice(0, 49).every((wait) => wait === 0)).toBe(true);
		expect(waits.slice(49)).toEqual([125, 625, 1125, 1625]);
		now += 10_000;
		expect(bucket.reserve()).toBe(0);
	});

	it('drains over time so a later request goes straight through', () => {
		let now = 0;
		const bucket = new LeakyBucket({ burst: 3, drainPerSecond: 1 }, () => now);
		bucket.reserve();
		bucket.reserve();
		expect(bucket.reserve()).toBe(250);
		now += 5000;
		expect(bucket.reserve()).toBe(0);
	});

	it('treats the portal as full after QUERY_LIMIT_EXCEEDED and paces at the cut rate', () => {
		const bucket = new LeakyBucket(PLANS.standard, () => 0);
		for (let i = 0; i < 49; i++) bucket.reserve();
		bucket.markFull();
		expect(bucket.rate).toBe(1);
		expect(bucket.reserve()).toBe(1250);
	});

	it('enterprise plan allows 249 at once and drains 5 per second', () => {
		const bucket = new LeakyBucket(PLANS.enterprise, () => 0);
		const waits = Array.from({ length: 250 }, () => bucket.reserve());
		expect(waits.filter((wait) => wait > 0)).toEqual([50]);
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

describe('LeakyBucket shared with other processes', () => {
	it('cuts its rate by half on a refusal once it paced itself, straight to a little less than its share when the time block measured one', () => {
		const busy = new LeakyBucket(PLANS.standard, () => 0);
		for (let i = 0; i < 49; i++) busy.reserve();
		busy.markFull();
		expect(busy.rate).toBe(1);

		const measured = new LeakyBucket(PLANS.standard, () => 0);
		measured.observeShare(1, 3); // the time block shows three others at work as much
		for (let i = 0; i < 10; i++) measured.reserve();
		measured.markFull();
		expect(measured.rate).toBeCloseTo(0.9 * 0.25 * 2, 10);

		// Others seen, but the share reading is stale: by the part of the portal it had filled.
		let now = 0;
		const newcomer = new LeakyBucket(PLANS.standard, () => now);
		newcomer.observeShare(1, 3);
		now += 31_000;
		for (let i = 0; i < 10; i++) newcomer.reserve();
		newcomer.markFull();
		expect(newcomer.rate).toBeCloseTo(0.4, 2);

		// Two requests of its own say nothing about the others: a plain halving.
		const first = new LeakyBucket(PLANS.standard, () => 0);
		first.reserve();
		first.reserve();
		first.markFull();
		expect(first.rate).toBe(1);
	});

	it('cuts once per congestion: refusals of requests sent before the cut, only fill the bucket', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		bucket.observeShare(1, 3);
		for (let i = 0; i < 49; i++) bucket.reserve();
		const sentBefore = now;
		now += 100;
		bucket.markFull(sentBefore);
		bucket.markFull(sentBefore);
		expect(bucket.rate).toBeCloseTo(0.45, 2);
		bucket.markFull(now); // sent after the cut: the portal is still full, down by a fifth
		expect(bucket.rate).toBeCloseTo(0.36, 2);
	});

	it('keeps the burst in proportion to its rate', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		for (let i = 0; i < 49; i++) bucket.reserve();
		bucket.markFull();
		now += 40_000; // idle: the bucket drains, the rate grows to 1.1 per second
		const waits = Array.from({ length: 40 }, () => bucket.reserve());
		// 50 × 1.1 ÷ 2 = 27.5 units, a quarter of one kept in reserve.
		const free = waits.filter((wait) => wait === 0).length;
		expect(free).toBeGreaterThanOrEqual(26);
		expect(free).toBeLessThanOrEqual(27);
	});

	it('grows back additively without refusals, never past the plan', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		for (let i = 0; i < 49; i++) bucket.reserve();
		bucket.markFull();
		now += 50_000;
		expect(bucket.rate).toBeCloseTo(1.125, 5);
		now += 3_600_000;
		expect(bucket.rate).toBe(2);
	});

	it('catches up, after a hold, with part of the share the time block shows, with all of it once the others stopped', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		bucket.observeShare(1, 3);
		now += 31_000; // that reading is stale by now, but others were seen
		for (let i = 0; i < 10; i++) bucket.reserve();
		bucket.markFull(); // a newcomer: rate 0.4
		now += 10_000;
		expect(bucket.rate).toBeCloseTo(0.425, 5);
		bucket.observeShare(1, 1); // half the method time is others': up to 60 % of that half
		now += 10_000;
		expect(bucket.rate).toBeCloseTo(0.6, 5);
		bucket.observeShare(1, 0);
		bucket.observeShare(1, 0);
		bucket.observeShare(1, 0);
		bucket.observeShare(1, 0);
		bucket.observeShare(1, 0);
		expect(bucket.shareOfPortal()).toBeGreaterThan(0.9); // nearly all of it is ours
		now += 20_000;
		expect(bucket.rate).toBeCloseTo(1.6, 5);
		now += 31_000; // the estimate is stale: additive probing only
		expect(bucket.shareOfPortal()).toBeUndefined();
		expect(bucket.rate).toBeCloseTo(1.6 + 0.0775, 5);
	});

	it("reads its share from the portal's summed method time against its own calls' time", () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		const portal = 'https://share.example';
		const window = { operatingResetAt: 1_700_000_600 };
		rememberOperating(
			portal,
			'crm.lead.add',
			[{ ...window, operating: 10, processing: 1 }],
			bucket,
		);
		expect(bucket.shareOfPortal()).toBeUndefined();
		// Our two calls took 2 s; the portal counted 8 s meanwhile: three others worked as much.
		rememberOperating(
			portal,
			'crm.lead.add',
			[
				{ ...window, operating: 17, processing: 1 },
				{ ...window, operating: 18, processing: 1 },
			],
			bucket,
		);
		expect(bucket.shareOfPortal()).toBe(0.25);
		// A new window (its oldest minute dropped out): sums cannot be compared, no reading.
		now += 1000;
		rememberOperating(
			portal,
			'crm.lead.add',
			[{ operatingResetAt: 1_700_000_660, operating: 3, processing: 1 }],
			bucket,
		);
		expect(bucket.shareOfPortal()).toBe(0.25);
	});

	it('without evidence of other processes, refusals do not take the rate below half the plan', () => {
		let now = 0;
		const bucket = new LeakyBucket(PLANS.standard, () => now);
		for (let refusal = 0; refusal < 5; refusal++) {
			for (let i = 0; i < 20; i++) bucket.reserve();
			bucket.markFull(now);
			now += 10_000;
		}
		expect(bucket.rate).toBeGreaterThanOrEqual(1);
		expect(bucket.rate).toBeLessThan(1.05);
	});

	/**
	 * Four processes, each sending one request at a time (200 ms round trip) through its own bucket,
	 * against one portal bucket of 50 / 2 per second, on a simulated clock.
	 */
	it('four processes converge on the portal rate with few refusals', () => {
		const portal = { level: 0, at: 0 };
		const admit = (t: number) => {
			portal.level = Math.max(0, portal.level - ((t - portal.at) / 1000) * 2);
			portal.at = t;
			if (portal.level + 1 > 50) return false;
			portal.level += 1;
			return true;
		};
		let now = 0;
		const events: Array<{ at: number; run: () => void }> = [];
		const at = (time: number, run: () => void) => events.push({ at: time, run });
		const perProcess = 150;
		let refused = 0;
		let admitted = 0;
		const buckets = Array.from({ length: 4 }, (_, process) => {
			const bucket = new LeakyBucket(PLANS.standard, () => now);
			bucket.observeShare(1, 3); // what the time block of the first answers shows
			let done = 0;
			let attempt = 0;
			const send = () => {
				if (done === perProcess) return;
				const sentAt = now;
				at(now + bucket.reserve() + 100, () => {
					const ok = admit(now);
					at(now + 100, () => {
						if (ok) {
							bucket.observeShare(1, 3); // every answer's time block
							admitted++;
							done++;
							attempt = 0;
							send();
						} else {
							refused++;
							bucket.markFull(sentAt);
							at(now + 1000 * 2 ** attempt++, send);
						}
					});
				});
			};
			at(process * 37, send);
			return bucket;
		});
		let lastAdmitted = 0;
		while (events.length > 0) {
			events.sort((a, b) => a.at - b.at);
			const next = events.shift()!;
			now = next.at;
			const before = admitted;
			next.run();
			if (admitted > before) lastAdmitted = now;
		}
		expect(admitted).toBe(600);
		expect(refused / (admitted + refused)).toBeLessThanOrEqual(0.05);
		// The portal's bound for 600 requests is (600 − 50) / 2 = 275 s of its drain.
		expect(275_000 / lastAdmitted).toBeGreaterThanOrEqual(0.85);
		expect(buckets.every((bucket) => bucket.rate <= 2)).toBe(true);
	});
});

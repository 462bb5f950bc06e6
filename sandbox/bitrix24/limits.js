'use strict';

/**
 * Cloud limits (PROTOCOL.md §3): the per-portal leaky bucket and the per-method
 * "operating" (method time) limit. Both read time from an injectable clock (ms).
 */

/**
 * Leaky bucket: each request adds 1, the level drains continuously at `drainPerSecond`.
 * A request that would push the level above `burst` is rejected and not counted.
 */
class LeakyBucket {
	/**
	 * @param {{burst: number, drainPerSecond: number}} options
	 * @param {() => number} now
	 */
	constructor(options, now) {
		this.burst = options.burst;
		this.drainPerSecond = options.drainPerSecond;
		this.now = now;
		this.reset();
	}

	reset() {
		this.level = 0;
		this.updatedAt = this.now();
	}

	drain() {
		const t = this.now();
		const elapsed = Math.max(0, t - this.updatedAt) / 1000;
		this.level = Math.max(0, this.level - elapsed * this.drainPerSecond);
		this.updatedAt = t;
	}

	/** @returns {boolean} true when the request may run */
	tryAcquire() {
		this.drain();
		if (this.level + 1 > this.burst + 1e-9) return false;
		this.level += 1;
		return true;
	}
}

/**
 * Operating limit: accumulated method time per (auth identity, method) over a rolling window
 * made of ten buckets. The check runs before a call; a call that pushes the total over the
 * limit still completes, the next one is blocked until enough buckets expire.
 */
class OperatingLimiter {
	/**
	 * @param {{limitSeconds?: number, windowSeconds?: number, costSeconds?: Record<string, number>}} options
	 * @param {() => number} now
	 */
	constructor(options, now) {
		this.limitSeconds = options.limitSeconds ?? 480;
		this.windowSeconds = options.windowSeconds ?? 600;
		this.bucketSeconds = this.windowSeconds / 10;
		/** @type {Record<string, number>} */
		this.costSeconds = {};
		for (const [method, cost] of Object.entries(options.costSeconds || {})) {
			this.costSeconds[method.toLowerCase()] = cost;
		}
		this.now = now;
		this.reset();
	}

	reset() {
		/** @type {Map<string, Array<{index: number, firstAt: number, total: number}>>} */
		this.buckets = new Map();
	}

	/** @param {string} key */
	live(key) {
		const t = this.now() / 1000;
		const list = (this.buckets.get(key) || []).filter((b) => t < b.firstAt + this.windowSeconds);
		this.buckets.set(key, list);
		return list;
	}

	/** @param {string} identity @param {string} method */
	key(identity, method) {
		return `${identity}\u0000${method}`;
	}

	/** @param {string} identity @param {string} method */
	isBlocked(identity, method) {
		return this.total(identity, method) > this.limitSeconds;
	}

	/** Accumulated seconds for the method in the window. */
	total(identity, method) {
		return this.live(this.key(identity, method)).reduce((sum, b) => sum + b.total, 0);
	}

	/** Unix ts when the oldest live bucket drops, or null when there is none. */
	resetAt(identity, method) {
		const list = this.live(this.key(identity, method));
		if (list.length === 0) return null;
		return Math.ceil(list[0].firstAt + this.windowSeconds);
	}

	/**
	 * Adds the cost of one call: the configured cost for the method, else the measured time.
	 * @param {string} identity @param {string} method @param {number} measuredSeconds
	 */
	record(identity, method, measuredSeconds) {
		const cost = this.costSeconds[method] ?? measuredSeconds;
		const t = this.now() / 1000;
		const index = Math.floor(t / this.bucketSeconds);
		const list = this.live(this.key(identity, method));
		const last = list[list.length - 1];
		if (last && last.index === index) last.total += cost;
		else list.push({ index, firstAt: t, total: cost });
	}

	/** The `time.operating*` fields for a response. */
	timeFields(identity, method) {
		const resetAt = this.resetAt(identity, method);
		const operating = this.total(identity, method);
		return resetAt === null ? { operating } : { operating_reset_at: resetAt, operating };
	}
}

module.exports = { LeakyBucket, OperatingLimiter };

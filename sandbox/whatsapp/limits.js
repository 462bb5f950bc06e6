'use strict';

/**
 * The Cloud API's sending limits (PROTOCOL.md §6), on the sandbox clock:
 * - throughput per business phone number (80 messages per second by default) → 130429;
 * - pair rate per business number and customer: one message every 6 s, bursts of up to 45 that
 *   borrow from later time → 131056;
 * - the 24-hour customer-service window: free-form messages only within 24 h of the customer's
 *   last message, templates any time → 131047.
 */

const DAY_MS = 24 * 3600 * 1000;

class Limits {
	/**
	 * @param {() => number} now
	 * @param {{throughput: number|false, pairRate: {burst: number, intervalMs: number}|false, window: boolean}} options
	 */
	constructor(now, options) {
		this.now = now;
		this.options = options;
		this.reset();
	}

	reset() {
		/** phone number id → times (ms) of accepted sends within the last second */
		this.recent = new Map();
		/** `${phone}:${waId}` → { tokens, at } */
		this.pairs = new Map();
		/** `${phone}:${waId}` → time of the customer's last message */
		this.lastInbound = new Map();
	}

	/** Records a customer's message: the window opens (again) for 24 h. */
	customerWrote(phoneNumberId, waId, at = this.now()) {
		this.lastInbound.set(`${phoneNumberId}:${waId}`, at);
	}

	/** Forgets the customer's last message (window closed). */
	closeWindow(phoneNumberId, waId) {
		this.lastInbound.delete(`${phoneNumberId}:${waId}`);
	}

	windowOpen(phoneNumberId, waId) {
		const last = this.lastInbound.get(`${phoneNumberId}:${waId}`);
		return last !== undefined && this.now() - last < DAY_MS;
	}

	/**
	 * Whether a message may go now; takes its share of the limits when it may.
	 * @returns {number|null} the refusing error code, or null
	 */
	admit(phoneNumberId, waId, { template }) {
		const now = this.now();
		if (this.options.window && !template && !this.windowOpen(phoneNumberId, waId)) return 131047;
		const throughput = this.options.throughput;
		const recent = (this.recent.get(phoneNumberId) ?? []).filter((at) => now - at < 1000);
		if (throughput && recent.length >= throughput) {
			this.recent.set(phoneNumberId, recent);
			return 130429;
		}
		const pair = this.options.pairRate;
		let bucket;
		if (pair) {
			const key = `${phoneNumberId}:${waId}`;
			bucket = this.pairs.get(key) ?? { tokens: pair.burst, at: now };
			bucket.tokens = Math.min(pair.burst, bucket.tokens + (now - bucket.at) / pair.intervalMs);
			bucket.at = now;
			this.pairs.set(key, bucket);
			if (bucket.tokens < 1) return 131056;
		}
		if (bucket) bucket.tokens -= 1;
		recent.push(now);
		this.recent.set(phoneNumberId, recent);
		return null;
	}
}

module.exports = { Limits, DAY_MS };

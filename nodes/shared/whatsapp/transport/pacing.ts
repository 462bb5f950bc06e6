/*
 * Pacing of messages to Meta's limits, shared by every node in one n8n process:
 * - throughput per business phone number (messages per second, from the credential);
 * - the pair rate per business number and customer: one message every 6 seconds, with bursts of
 *   up to 45 that borrow from later time (Meta's throughput page; connectors reference §5).
 * A send reserves its place at once and waits out the deficit, so concurrent sends queue fairly.
 */

export interface Runtime {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const PAIR_BURST = 45;
export const PAIR_INTERVAL_MS = 6000;
const MAX_PAIRS = 5000;

export class TokenBucket {
	private tokens: number;

	private at: number;

	constructor(
		private capacity: number,
		private perMs: number,
		now: number,
	) {
		this.tokens = capacity;
		this.at = now;
	}

	private refill(now: number) {
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
		this.at = now;
	}

	/** Takes one token; returns how long to wait before using it (0: at once). */
	reserve(now: number): number {
		this.refill(now);
		this.tokens -= 1;
		return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.perMs);
	}

	/** Meta refused: whatever burst seemed left is not there. */
	drain(now: number) {
		this.refill(now);
		this.tokens = Math.min(this.tokens, 0);
	}

	/** Whether the bucket is full again (nothing owed): safe to forget. */
	idle(now: number): boolean {
		return this.tokens + (now - this.at) * this.perMs >= this.capacity;
	}
}

/**
 * At most `perSecond` sends in any window of one second (Meta counts messages per second; a
 * bucket that refills continuously would let more through in some one-second window).
 * Reservations are queued: each gets the earliest time that keeps the window within the limit.
 */
export class SlidingWindow {
	private scheduled: number[] = [];

	constructor(private perSecond: number) {}

	resize(perSecond: number) {
		this.perSecond = perSecond;
	}

	reserve(now: number): number {
		while (this.scheduled.length && this.scheduled[0] <= now - 1000) this.scheduled.shift();
		const at =
			this.scheduled.length < this.perSecond
				? now
				: Math.max(now, this.scheduled[this.scheduled.length - this.perSecond] + 1000);
		this.scheduled.push(at);
		return at - now;
	}
}

const throughputBuckets = new Map<string, SlidingWindow>();
const pairBuckets = new Map<string, TokenBucket>();

export function throughputBucket(key: string, perSecond: number): SlidingWindow {
	let window = throughputBuckets.get(key);
	if (!window) {
		window = new SlidingWindow(perSecond);
		throughputBuckets.set(key, window);
	} else {
		window.resize(perSecond);
	}
	return window;
}

export function pairBucket(key: string, now: number): TokenBucket {
	let bucket = pairBuckets.get(key);
	if (!bucket) {
		if (pairBuckets.size >= MAX_PAIRS) {
			for (const [pair, candidate] of pairBuckets)
				if (candidate.idle(now)) pairBuckets.delete(pair);
		}
		bucket = new TokenBucket(PAIR_BURST, 1 / PAIR_INTERVAL_MS, now);
		pairBuckets.set(key, bucket);
	}
	return bucket;
}

/** Forgets every bucket (tests). */
export function resetPacing() {
	throughputBuckets.clear();
	pairBuckets.clear();
}

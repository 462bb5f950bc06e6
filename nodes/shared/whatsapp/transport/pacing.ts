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

	resize(capacity: number, perMs: number) {
		this.capacity = capacity;
		this.perMs = perMs;
		this.tokens = Math.min(this.tokens, capacity);
	}
}

const throughputBuckets = new Map<string, TokenBucket>();
const pairBuckets = new Map<string, TokenBucket>();

export function throughputBucket(key: string, perSecond: number, now: number): TokenBucket {
	let bucket = throughputBuckets.get(key);
	if (!bucket) {
		bucket = new TokenBucket(perSecond, perSecond / 1000, now);
		throughputBuckets.set(key, bucket);
	} else {
		bucket.resize(perSecond, perSecond / 1000);
	}
	return bucket;
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

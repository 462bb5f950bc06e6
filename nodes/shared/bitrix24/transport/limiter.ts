/**
 * Client-side leaky bucket mirroring Bitrix24's own: every request adds one unit, units drain at a
 * fixed rate, and above the burst size a request has to wait. Buckets are kept per portal for the
 * whole process, so every node and execution talking to one portal shares the same budget.
 *
 * Several processes (n8n queue-mode workers) share one portal without sharing memory, so each
 * process's bucket adapts its own drain rate to its share of the portal (AIMD):
 * - a QUERY_LIMIT_EXCEEDED refusal means the portal's bucket is full: the rate is cut
 *   (multiplicative decrease), and the burst this process may use shrinks with it;
 * - without refusals the rate creeps back up (additive increase), up to the plan's rate;
 * - the `time` block of answers tells how much method time (`operating`) the portal counted for
 *   everyone using the credential against what this process's own calls took (`processing`):
 *   that ratio estimates this process's share, which the rate catches up with (all of it when
 *   nearly all the time is this process's own: the others stopped).
 */
export interface BucketPlan {
	burst: number;
	drainPerSecond: number;
}

export const PLANS = {
	standard: { burst: 50, drainPerSecond: 2 },
	enterprise: { burst: 250, drainPerSecond: 5 },
} satisfies Record<string, BucketPlan>;

export type PlanName = keyof typeof PLANS;

const SAFETY_MARGIN = 0.25;

/** Additive increase: requests per second gained per second without a refusal. */
const RATE_INCREASE_PER_SECOND = 0.0025;
/** Growth while the time block shows this process alone on the portal (requests/s per second). */
const RATE_CATCH_UP_PER_SECOND = 0.05;
/**
 * Share of the portal's method time above which a process takes itself to be alone (the others
 * stopped): its rate then catches up quickly instead of probing. Shares below it are too noisy,
 * across processes, to steer by.
 */
const ALONE_SHARE = 0.9;
/**
 * Below that, the rate catches up only to this part of the estimated share (after others stopped,
 * say), the rest is probed additively: the estimates of several processes are noisy and need not
 * add up to the whole portal.
 */
const SHARED_TARGET = 0.6;
/** Multiplicative decrease: at most half the rate is kept after a refusal. */
const RATE_CUT = 0.5;
/** …and at least a fifth (a process that had sent little when the portal filled up). */
const DEEPEST_CUT = 0.2;
/**
 * A process that finds the portal full keeps a little less than the part of it it filled itself,
 * so that the processes together send a little less than the portal drains and its bucket empties
 * slowly instead of refusing the next requests.
 */
const OWN_PART_KEPT = 0.8;
/** At a refusal with others on the portal, the part of the measured share kept. */
const SHARE_KEPT = 0.9;
/** …and at least this cut (shares are noisy: the rate must come down after a refusal). */
const SHARED_CUT = 0.8;
/** No catching up for this long after a refusal: the cut must show at the portal first. */
const HOLD_AFTER_REFUSAL_MS = 10_000;
/**
 * The deeper cut needs this many of the process's own requests in the portal's bucket: fewer say
 * nothing about how many the others put there.
 */
const DEEP_CUT_MIN_LEVEL = 10;
/** A share estimate older than this is not used (the others may have stopped). */
const SHARE_TTL_MS = 30_000;
/** Weight of a new share sample in the running estimate. */
const SHARE_SMOOTHING = 0.3;
/** The rate never falls below one request per 20 s… */
const MIN_RATE = 0.05;
/**
 * …and not below half the plan's rate unless the time block showed, within the method-time
 * window, other processes spending method time with the credential: refusals without that
 * evidence may be a portal refusing at random, and are retried at half speed rather than none.
 */
const ALONE_FLOOR = 0.5;
const OTHERS_EVIDENCE_MS = 600_000;

export class LeakyBucket {
	private level = 0;

	private updatedAt: number;

	/** This process's drain rate: the plan's rate alone on the portal, its share otherwise. */
	private currentRate: number;

	private cutAt = Number.NEGATIVE_INFINITY;

	private share?: { value: number; at: number };

	/** When a share reading last showed other processes at work. */
	private othersSeenAt = Number.NEGATIVE_INFINITY;

	constructor(
		public plan: BucketPlan,
		private readonly now: () => number = () => Date.now(),
	) {
		this.updatedAt = now();
		this.currentRate = plan.drainPerSecond;
	}

	/** Requests per second this process currently allows itself on the portal. */
	get rate(): number {
		this.drain();
		return this.currentRate;
	}

	/** The part of the portal's burst that is this process's: all of it alone, its share otherwise. */
	private capacity(): number {
		return (this.plan.burst * this.currentRate) / this.plan.drainPerSecond;
	}

	/**
	 * Reserves a slot for one request and returns how many milliseconds to wait before sending it.
	 * A quarter of a unit of the burst is kept free (125 ms at 2 per second) against rounding in the
	 * portal's count; requests arrive there a little after we count them, which only helps.
	 */
	reserve(): number {
		this.drain();
		const over = this.level + 1 - (this.capacity() - SAFETY_MARGIN);
		this.level += 1;
		return over > 0 ? Math.ceil((over / this.currentRate) * 1000) : 0;
	}

	/**
	 * The portal answered QUERY_LIMIT_EXCEEDED: its bucket is full whatever we counted, so others
	 * use it too. The rate is cut once per congestion: a refusal of a request sent (`sentAt`) before
	 * the last cut only refills the bucket. With others seen and a share read from the time block,
	 * the rate goes to a little less than that share of the portal (by at least a fifth); without
	 * a share, it is halved, or cut deeper (down to a fifth) for a process that had put few of the
	 * portal's 50 requests there itself (but enough to tell): it is not alone.
	 */
	markFull(sentAt = this.now()): void {
		this.drain();
		// Reservations beyond the brim belong to requests already waiting their turn: kept.
		const queued = Math.max(0, this.level - this.capacity());
		if (sentAt >= this.cutAt) {
			const ownPart = (OWN_PART_KEPT * this.level) / this.capacity();
			const deep = this.level >= DEEP_CUT_MIN_LEVEL ? ownPart : RATE_CUT;
			const othersSeen = this.now() - this.othersSeenAt <= OTHERS_EVIDENCE_MS;
			const share = this.shareOfPortal();
			// With others on the portal and a share measured, the rate goes straight to a little
			// less than that share of the portal's: one cut instead of halving until it fits.
			const own =
				othersSeen && share !== undefined
					? Math.min(
							SHARED_CUT,
							Math.max(
								DEEPEST_CUT,
								(SHARE_KEPT * share * this.plan.drainPerSecond) / this.currentRate,
							),
						)
					: Math.min(RATE_CUT, Math.max(DEEPEST_CUT, deep));
			const floor = othersSeen ? MIN_RATE : this.plan.drainPerSecond * ALONE_FLOOR;
			this.currentRate = Math.min(this.currentRate, Math.max(floor, this.currentRate * own));
			this.cutAt = this.now();
		}
		this.level = this.capacity() + queued;
	}

	/**
	 * One reading of the method time the portal counted for everyone (`others` + `own`, seconds)
	 * while this process's calls took `own`: its share of the portal's work.
	 */
	observeShare(own: number, others: number): void {
		if (!(own > 0) || !(others >= 0)) return;
		const sample = own / (own + others);
		const now = this.now();
		const fresh = this.share && now - this.share.at <= SHARE_TTL_MS;
		const value = fresh
			? this.share!.value + SHARE_SMOOTHING * (sample - this.share!.value)
			: sample;
		this.share = { value, at: now };
		if (sample < ALONE_SHARE) this.othersSeenAt = now;
	}

	/** The estimated share of the portal's rate, when a recent answer told it. */
	shareOfPortal(): number | undefined {
		if (!this.share || this.now() - this.share.at > SHARE_TTL_MS) return undefined;
		return this.share.value;
	}

	private drain(): void {
		const now = this.now();
		const seconds = Math.max(0, now - this.updatedAt) / 1000;
		this.level = Math.max(0, this.level - seconds * this.currentRate);
		this.updatedAt = now;
		this.grow(seconds, now);
	}

	/** Additive increase, faster when the time block shows the others stopped. */
	private grow(seconds: number, now: number): void {
		const max = this.plan.drainPerSecond;
		let rate = this.currentRate;
		const share = this.shareOfPortal();
		let target = 0;
		if (share !== undefined) target = max * share * (share >= ALONE_SHARE ? 1 : SHARED_TARGET);
		if (rate < target && now - this.cutAt >= HOLD_AFTER_REFUSAL_MS) {
			rate = Math.min(target, rate + RATE_CATCH_UP_PER_SECOND * seconds);
		} else {
			rate += RATE_INCREASE_PER_SECOND * seconds;
		}
		this.currentRate = Math.min(max, rate);
	}
}

const buckets = new Map<string, LeakyBucket>();

/** The portal's bucket; its plan follows the credential used last (one portal, one budget). */
export function bucketFor(portalKey: string, planName: PlanName): LeakyBucket {
	const plan = PLANS[planName] ?? PLANS.standard;
	let bucket = buckets.get(portalKey);
	if (!bucket) {
		bucket = new LeakyBucket(plan);
		buckets.set(portalKey, bucket);
	}
	bucket.plan = plan;
	return bucket;
}

/**
 * Method time (Bitrix24's OPERATION_TIME_LIMIT): per portal and method, the summed seconds the
 * portal reported last (`time.operating`, over a rolling 10 minutes) and when its oldest minute
 * drops out (`time.operating_reset_at`). The portal blocks a method whose sum passed the limit,
 * so calls wait for the reset once the sum comes near it.
 */
export const OPERATING_LIMIT_SECONDS = 480;
/** Waiting starts this far below the limit: room for one more batch of slow calls. */
export const OPERATING_HEADROOM_SECONDS = 30;

interface OperatingState {
	operating?: number;
	resetAtMs?: number;
}

const operatingStates = new Map<string, OperatingState>();

const operatingKey = (portalKey: string, method: string) => `${portalKey}|${method.toLowerCase()}`;

/** What one answer's `time` block says about a method. */
export interface OperatingReading {
	operating?: number;
	operatingResetAt?: number;
	processing?: number;
}

/**
 * Records the readings of one answer for `method` (several for a batch of that method's commands,
 * in order) and, when the portal's sum can be compared with the one before, tells the bucket
 * how much of the method time counted since then was this process's own.
 */
export function rememberOperating(
	portalKey: string,
	method: string,
	readings: OperatingReading[],
	bucket?: LeakyBucket,
): void {
	const key = operatingKey(portalKey, method);
	const state = operatingStates.get(key) ?? {};
	const before = { ...state };
	let own = 0;
	for (const reading of readings) {
		if (typeof reading.processing === 'number') own += reading.processing;
		if (typeof reading.operating === 'number') state.operating = reading.operating;
		if (typeof reading.operatingResetAt === 'number')
			state.resetAtMs = reading.operatingResetAt * 1000;
	}
	operatingStates.set(key, state);
	const sameWindow = before.resetAtMs === state.resetAtMs;
	if (bucket && sameWindow && before.operating !== undefined && state.operating !== undefined) {
		const counted = state.operating - before.operating;
		if (counted >= own) bucket.observeShare(own, counted - own);
	}
}

/** Compatibility for callers that only know the reset time. */
export function rememberOperatingReset(portalKey: string, method: string, resetAtSeconds: number) {
	rememberOperating(portalKey, method, [{ operatingResetAt: resetAtSeconds }]);
}

export function operatingResetAt(portalKey: string, method: string): number | undefined {
	return operatingStates.get(operatingKey(portalKey, method))?.resetAtMs;
}

/**
 * How long `method` should wait before its next call so the portal does not block it: until the
 * oldest minute of its method time drops out, when the last reported sum is within the headroom
 * of the limit; 0 otherwise (also once that reset has passed: the sum is then unknown, and the
 * next answer tells it).
 */
export function operatingWaitMs(portalKey: string, method: string, now: number): number {
	const state = operatingStates.get(operatingKey(portalKey, method));
	if (!state || state.operating === undefined || state.resetAtMs === undefined) return 0;
	if (state.operating < OPERATING_LIMIT_SECONDS - OPERATING_HEADROOM_SECONDS) return 0;
	return Math.max(0, state.resetAtMs - now + 1000);
}

/** What the portal last said about a method's time (for the log). */
export function operatingSeconds(portalKey: string, method: string): number | undefined {
	return operatingStates.get(operatingKey(portalKey, method))?.operating;
}

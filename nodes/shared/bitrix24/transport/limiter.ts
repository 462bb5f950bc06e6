/**
 * Client-side leaky bucket mirroring Bitrix24's own: every request adds one unit, units drain at a
 * fixed rate, and above the burst size a request has to wait. Buckets are kept per portal for the
 * whole process, so every node and execution talking to one portal shares the same budget.
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

const SAFETY_MARGIN = 1;

export class LeakyBucket {
	private level = 0;

	private updatedAt: number;

	constructor(
		public plan: BucketPlan,
		private readonly now: () => number = () => Date.now(),
	) {
		this.updatedAt = now();
	}

	/**
	 * Reserves a slot for one request and returns how many milliseconds to wait before sending it.
	 * One unit of the burst is kept free: the portal starts counting a request when it arrives, a
	 * little later than we do, so a bucket filled to the brim here could overflow there.
	 */
	reserve(): number {
		this.drain();
		const over = this.level + 1 - (this.plan.burst - SAFETY_MARGIN);
		this.level += 1;
		return over > 0 ? Math.ceil((over / this.plan.drainPerSecond) * 1000) : 0;
	}

	/** The portal answered QUERY_LIMIT_EXCEEDED: its bucket is full whatever we counted. */
	markFull(): void {
		this.drain();
		this.level = Math.max(this.level, this.plan.burst);
	}

	private drain(): void {
		const now = this.now();
		const drained = ((now - this.updatedAt) / 1000) * this.plan.drainPerSecond;
		this.level = Math.max(0, this.level - drained);
		this.updatedAt = now;
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
 * Remembers, per portal and method, when Bitrix24's method-time window resets
 * (`time.operating_reset_at`), so a 429 OPERATION_TIME_LIMIT can wait exactly as long as needed.
 */
const operatingResets = new Map<string, number>();

export function rememberOperatingReset(portalKey: string, method: string, resetAtSeconds: number) {
	operatingResets.set(`${portalKey}|${method}`, resetAtSeconds * 1000);
}

export function operatingResetAt(portalKey: string, method: string): number | undefined {
	return operatingResets.get(`${portalKey}|${method}`);
}

'use strict';

/**
 * The sandbox portal set up like a Bitrix24 cloud portal on the standard plan, on the virtual
 * clock (bench/virtual-clock.js must be installed first).
 */

const { createSandbox } = require('../sandbox/bitrix24');
const clock = require('./virtual-clock');

/**
 * - leaky bucket: 50 requests at once, then 2 per second (Bitrix24's documented standard plan);
 * - 200 ms per request: a round trip to a cloud portal plus a light method;
 * - COUNT cost 2 ms per 1,000 rows for lists that count (`start` ≥ 0): 0.2 s per page over
 *   100,000 deals, between the 0.16 s measured on 100,000 contacts by bitrix24-php-sdk's docs and
 *   the 49.9 s → 0.097 s per page on 2.4 million leads in Bitrix24's "huge data" docs.
 */
const CLOUD_PORTAL = {
	bucket: { burst: 50, drainPerSecond: 2 },
	latencyMs: 200,
	countCostMsPerThousandRows: 2,
};

/** Share of requests answered QUERY_LIMIT_EXCEEDED in the rate-limit storm. */
const STORM_PROBABILITY = 0.3;

/**
 * @param {{storm?: boolean}} [options]
 */
async function startPortal({ storm = false } = {}) {
	const portal = createSandbox({ ...CLOUD_PORTAL, now: clock.now, sleep: clock.parkedSleep });
	await portal.start();
	if (storm) portal.faults.add({ type: 'rateLimit', probability: STORM_PROBABILITY });
	return portal;
}

module.exports = { startPortal, CLOUD_PORTAL, STORM_PROBABILITY };

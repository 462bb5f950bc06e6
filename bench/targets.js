'use strict';

/**
 * The targets of issue 8, checked on one benchmark's results.
 *
 * Hard targets (a failure makes `npm run bench` exit non-zero, at every scale): every contender
 * ran; this package's HTTP requests stay within the batching arithmetic (export: 2,500 rows per
 * request plus two; item operations: 50 items per request plus one); no COUNT query in the
 * export; no item lost or duplicated, rate-limit storm included.
 * Reported targets (timing, never fatal): create/update within 10 % of the leaky-bucket bound; this
 * package's time at most every contender's that completed the job.
 */

const ROWS_PER_REQUEST = 2500;
const ITEMS_PER_REQUEST = 50;
const BURST = 50;
const DRAIN_PER_SECOND = 2;

/** Seconds the portal's leaky bucket needs at least for `requests` requests. @param {number} requests */
const bucketBoundSeconds = (requests) => Math.max(0, requests - BURST) / DRAIN_PER_SECOND;

/** A run that did the whole job: nothing lost, nothing duplicated, no failure. */
const completed = (run) => !run.failure && run.check.lost === 0 && run.check.duplicated === 0;

/**
 * @param {Array<object>} runs results of bench/worker.js
 * @param {Array<{scenario: string, contender: string, error: string}>} crashed runs without a result
 * @returns {Array<{hard: boolean, ok: boolean|null, text: string}>}
 */
function evaluateTargets(runs, crashed) {
	/** @type {Array<{hard: boolean, ok: boolean|null, text: string}>} */
	const targets = [];
	const hard = (ok, text) => targets.push({ hard: true, ok, text });
	const soft = (ok, text) => targets.push({ hard: false, ok, text });

	hard(
		crashed.length === 0,
		crashed.length === 0
			? 'every contender ran every scenario'
			: `runs without a result: ${crashed.map((c) => `${c.scenario}/${c.contender} (${c.error})`).join('; ')}`,
	);

	for (const run of runs.filter((r) => r.ours)) {
		const perRequest = run.scenario === 'export' ? ROWS_PER_REQUEST : ITEMS_PER_REQUEST;
		// The export's first two requests ask for 1 and 2 pages, so a small table costs no empty calls.
		const maxRequests = Math.ceil(run.size / perRequest) + (run.scenario === 'export' ? 2 : 1);
		if (run.scenario !== 'storm') {
			hard(
				run.requests <= maxRequests,
				`${run.scenario}: ${run.requests} HTTP requests for ${run.size.toLocaleString('en')} (target ≤ ${maxRequests})`,
			);
		}
		if (run.scenario === 'export') {
			hard(run.countQueries === 0, `export: ${run.countQueries} COUNT queries (target 0)`);
		}
		hard(
			completed(run),
			`${run.scenario}: ${run.check.ok.toLocaleString('en')}/${run.check.expected.toLocaleString('en')} done, ${run.check.lost} lost, ${run.check.duplicated} duplicated${run.failure ? `, ${run.failure}` : ''} (target: all, 0, 0)`,
		);

		if (run.scenario === 'create' || run.scenario === 'update') {
			const bound = bucketBoundSeconds(run.requests);
			const seconds = run.wallMs / 1000;
			if (bound === 0) {
				soft(
					null,
					`${run.scenario}: leaky-bucket bound 0 s for ${run.requests} requests (within the burst): time target n/a`,
				);
			} else {
				const over = (seconds / bound - 1) * 100;
				soft(
					seconds <= bound * 1.1,
					`${run.scenario}: ${seconds.toFixed(1)} s; leaky-bucket bound for ${run.requests} requests (${run.requests} − ${BURST}) / ${DRAIN_PER_SECOND} = ${bound.toFixed(1)} s; ${over >= 0 ? '+' : ''}${over.toFixed(1)} % (target ≤ +10 %)`,
				);
			}
		}

		const rivals = runs.filter((r) => r.scenario === run.scenario && !r.ours && completed(r));
		const faster = rivals.filter((r) => r.wallMs < run.wallMs);
		soft(
			faster.length === 0,
			faster.length === 0
				? `${run.scenario}: ${(run.wallMs / 1000).toFixed(1)} s, no contender that completed the job was faster`
				: `${run.scenario}: ${(run.wallMs / 1000).toFixed(1)} s; faster: ${faster
						.map((r) => `${r.short} ${(r.wallMs / 1000).toFixed(1)} s`)
						.join(', ')}`,
		);
	}
	return targets;
}

module.exports = { evaluateTargets, bucketBoundSeconds, completed };

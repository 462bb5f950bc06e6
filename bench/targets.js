'use strict';

/**
 * The targets of issue 14 (a real n8n, ratios within one run) and of issue 8 (the harness),
 * checked on one benchmark's results.
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

const { CLOUD_PORTAL } = require('./portal');

/** Runs of one scenario at its main size (not the extra memory sizes). */
const mainRuns = (runs, scenario) => runs.filter((r) => r.scenario === scenario && !r.extra);

/** "0.98×" */
const ratio = (value) => `${value.toFixed(2)}×`;

/**
 * Issue 14's targets on the real-n8n run. Hard (every scale): this package completed every job,
 * exports read every row once, in ID order, without COUNT queries, in at most 2,500 rows per
 * request plus two (and 45 requests for 100,000 rows), item jobs in 50 items per request plus
 * one. Reported, as ratios within the run: create within 3 % of the rate limit's bound and at or
 * under the official SDK; the export at most 25 request latencies (5 s at 200 ms) and ahead of
 * every client (the ones not run in real time by their harness time); memory per 1,000 rows held.
 * @param {object[]} runs real-n8n runs @param {object[]} skipped runs left to the harness
 * @param {object[]} harness the harness runs of the same benchmark @param {string} scale
 */
function evaluateRealTargets(runs, skipped, harness, scale) {
	/** @type {Array<{hard: boolean, ok: boolean|null, text: string}>} */
	const targets = [];
	const hard = (ok, text) => targets.push({ hard: true, ok, text, real: true });
	const soft = (ok, text) => targets.push({ hard: false, ok, text, real: true });
	const n = (value) => value.toLocaleString('en');

	for (const run of runs.filter((r) => r.ours)) {
		const what = `${run.scenario}${run.extra ? ` (${n(run.size)})` : ''}`;
		hard(
			completed(run),
			`${what}: ${n(run.check.ok)}/${n(run.check.expected)} done, ${run.check.lost} lost, ${run.check.duplicated} duplicated${run.failure ? `, ${run.failure}` : ''} (target: all, 0, 0)`,
		);
		const perRequest = run.scenario === 'export' ? ROWS_PER_REQUEST : ITEMS_PER_REQUEST;
		let maxRequests = Math.ceil(run.size / perRequest) + (run.scenario === 'export' ? 2 : 1);
		if (run.scenario === 'export' && run.size >= 100000) maxRequests = Math.min(maxRequests, 45);
		hard(
			run.requests <= maxRequests,
			`${what}: ${n(run.requests)} HTTP requests for ${n(run.size)} (target ≤ ${maxRequests})`,
		);
		if (run.scenario === 'export') {
			hard(run.countQueries === 0, `${what}: ${run.countQueries} COUNT queries (target 0)`);
		}
		if (run.scenario === 'export' || run.scenario === 'get') {
			hard(
				run.ordered === true,
				`${what}: rows in ${run.ordered ? '' : 'not in '}ID order (target: in order)`,
			);
		}
	}

	const ours = (scenario) => mainRuns(runs, scenario).find((r) => r.ours);
	const create = ours('create');
	if (create) {
		const bound = bucketBoundSeconds(create.requests);
		if (bound === 0) {
			soft(
				null,
				`create: ${create.requests} requests fit the burst: the 3 % target needs a larger run (default scale)`,
			);
		} else {
			const over = create.wallMs / 1000 / bound;
			soft(
				over <= 1.03,
				`create: ${(create.wallMs / 1000).toFixed(1)} s = ${ratio(over)} the rate limit's bound for ${n(create.requests)} requests ((${create.requests} − ${BURST}) / ${DRAIN_PER_SECOND} = ${bound.toFixed(1)} s; target ≤ 1.03×)`,
			);
		}
		const sdk = mainRuns(runs, 'create').find((r) => r.contender === 'b24jssdk');
		if (sdk && completed(sdk)) {
			soft(
				create.wallMs <= sdk.wallMs,
				`create: ${ratio(create.wallMs / sdk.wallMs)} the official SDK's time in the same run (${(create.wallMs / 1000).toFixed(1)} s vs ${(sdk.wallMs / 1000).toFixed(1)} s; target ≤ 1.00×)`,
			);
		}
	}

	const exported = ours('export');
	if (exported) {
		const latencies = exported.wallMs / CLOUD_PORTAL.latencyMs;
		soft(
			scale === 'quick' ? null : latencies <= 25,
			`export: ${(exported.wallMs / 1000).toFixed(2)} s for ${n(exported.size)} rows = ${latencies.toFixed(1)} request latencies of ${CLOUD_PORTAL.latencyMs} ms (target ≤ 25, i.e. 5 s, for 100,000 rows)`,
		);
		const rivals = mainRuns(runs, 'export').filter((r) => !r.ours);
		const lines = [];
		let ahead = true;
		for (const rival of rivals) {
			if (!completed(rival)) {
				lines.push(`${rival.short}: did not complete`);
				continue;
			}
			if (rival.wallMs <= exported.wallMs) ahead = false;
			lines.push(`${rival.short} ${ratio(exported.wallMs / rival.wallMs)}`);
		}
		for (const skip of skipped.filter((s) => s.scenario === 'export')) {
			const oursHarness = harness.find((r) => r.scenario === 'export' && r.ours);
			const theirs = harness.find((r) => r.scenario === 'export' && r.contender === skip.contender);
			if (oursHarness && theirs) {
				if (theirs.wallMs <= oursHarness.wallMs) ahead = false;
				lines.push(`${skip.short} ${ratio(oursHarness.wallMs / theirs.wallMs)} (harness)`);
			}
		}
		soft(
			ahead,
			`export: this package's time ÷ each other client's: ${lines.join(', ') || 'none measured'} (target < 1×)`,
		);
	}

	const memory = runs.filter((r) => r.ours && r.scenario === 'export' && r.peakRssBytes);
	if (memory.length > 0) {
		const MiB = 2 ** 20;
		const text = memory
			.sort((a, b) => a.size - b.size)
			.map(
				(r) =>
					`${n(r.size)} rows: peak ${(r.peakRssBytes / MiB).toFixed(0)} MiB, ${((r.peakRssBytes - r.baselineRssBytes) / MiB).toFixed(0)} MiB above the process before the job (${(((r.peakRssBytes - r.baselineRssBytes) / MiB / r.size) * 1000).toFixed(1)} MiB per 1,000 rows)`,
			)
			.join('; ');
		soft(null, `export memory of the n8n process: ${text}`);
	}
	return targets;
}

module.exports = { evaluateTargets, evaluateRealTargets, bucketBoundSeconds, completed };

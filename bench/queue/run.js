'use strict';

/**
 * The multi-worker scenario (issue 17): n8n queue-mode workers, each a real OS process running a
 * lead-creation workflow in n8n's engine (bench/queue/worker.js), all against one sandbox portal
 * in real time (50 requests at once, then 2 per second; 200 ms per request; method time counted
 * as a cloud portal does). The processes share nothing but the portal: each paces itself from
 * what the portal answers. One worker alone runs beside them, for comparison.
 *
 * Per run: items written exactly once (read back from the portal), HTTP requests, refusals
 * (503 QUERY_LIMIT_EXCEEDED) and their share, throughput as a share of the portal's drain rate
 * (the leaky-bucket bound (admitted − 50) / 2 s over the time from the first request's arrival to
 * the last answer), and the waits the workers logged through n8n's logger, by reason.
 */

const { fork } = require('node:child_process');
const path = require('node:path');

const { createSandbox } = require('../../sandbox/bitrix24');
const { CLOUD_PORTAL } = require('../portal');

/** Workers × items per worker, per scale; the issue's job is 4 × 10,000. */
const QUEUE_SIZES = {
	quick: [
		{ workers: 1, items: 3000 },
		{ workers: 4, items: 2000 },
	],
	default: [
		{ workers: 1, items: 10000 },
		{ workers: 4, items: 10000 },
	],
};
QUEUE_SIZES.full = QUEUE_SIZES.default;

const RUN_TIMEOUT_MS = 20 * 60 * 1000;
/** BENCH_QUEUE_TRACE=1 prints the workers' refusal and method-time waits as they come. */
const TRACE_START = Date.now();

const WAIT_REASONS = ['pacing', 'rate limit', 'method time near its limit', 'method time limit'];

/**
 * One worker process; resolves with its failure (or null) and the waits it logged.
 * @returns {Promise<{failure: string|null, waits: Record<string, {count: number, seconds: number}>}>}
 */
function runWorker(job) {
	return new Promise((resolve) => {
		const child = fork(path.join(__dirname, 'worker.js'), [JSON.stringify(job)], {
			stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
		});
		/** @type {Record<string, {count: number, seconds: number}>} */
		const waits = {};
		let failure = 'no result';
		let stderr = '';
		let pending = '';
		const read = (text) => {
			pending += text;
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				if (process.env.BENCH_QUEUE_TRACE && /rate limit|method time/.test(line))
					console.log(
						`    ${job.prefix} ${((Date.now() - TRACE_START) / 1000).toFixed(1)} ${line.trim()}`,
					);
				const wait = /waiting ([\d.]+) s \(([^,:)]+)/.exec(line);
				if (!wait || !WAIT_REASONS.includes(wait[2])) continue;
				const entry = (waits[wait[2]] ??= { count: 0, seconds: 0 });
				entry.count++;
				entry.seconds += Number(wait[1]);
			}
		};
		child.stdout.on('data', (chunk) => read(String(chunk)));
		child.stderr.on('data', (chunk) => {
			stderr = (stderr + chunk).slice(-5000);
		});
		child.on('message', (message) => {
			failure = message.failure;
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
		child.on('exit', (code) => {
			clearTimeout(timer);
			if (failure === 'no result') failure = `exit ${code}: ${stderr.trim().split('\n')[0] ?? ''}`;
			resolve({ failure, waits });
		});
	});
}

/** Leads on the portal per title: every item written exactly once? */
function checkLeads(portal, titles) {
	const counts = new Map(titles.map((title) => [title, 0]));
	for (const lead of portal.leads()) {
		if (counts.has(lead.TITLE)) counts.set(lead.TITLE, counts.get(lead.TITLE) + 1);
	}
	let ok = 0;
	let lost = 0;
	let duplicated = 0;
	for (const times of counts.values()) {
		if (times === 0) lost++;
		else ok++;
		duplicated += Math.max(0, times - 1);
	}
	return { expected: titles.length, ok, lost, duplicated };
}

/** One configuration: `workers` processes, `items` leads each, on a fresh portal. */
async function runQueueJob({ workers, items }) {
	const { leadItems } = require('../scenarios');
	const portal = createSandbox({ ...CLOUD_PORTAL, operating: true });
	await portal.start();
	try {
		const jobs = Array.from({ length: workers }, (_, i) => ({
			webhookUrl: portal.webhookUrl,
			prefix: `W${i + 1}`,
			count: items,
		}));
		const started = Date.now();
		const outcomes = await Promise.all(jobs.map(runWorker));
		const wallMs = Date.now() - started;
		const titles = jobs.flatMap((job) =>
			leadItems(job.count).map((item) => `${job.prefix} ${item.title}`),
		);
		const log = portal.log;
		const refused = log.filter((entry) => entry.error === 'QUERY_LIMIT_EXCEEDED').length;
		const timeLimited = log.filter((entry) => entry.error === 'OPERATION_TIME_LIMIT').length;
		const admitted = log.filter((entry) => entry.status === 200).length;
		// From the first request's arrival to the last one's answer (process start-up and exit left out).
		const first = Math.min(...log.map((entry) => entry.at));
		const portalMs = Math.max(...log.map((entry) => entry.at)) + CLOUD_PORTAL.latencyMs - first;
		const { burst, drainPerSecond } = CLOUD_PORTAL.bucket;
		const boundSeconds = Math.max(0, admitted - burst) / drainPerSecond;
		/** @type {Record<string, {count: number, seconds: number}>} */
		const waits = {};
		for (const outcome of outcomes) {
			for (const [reason, { count, seconds }] of Object.entries(outcome.waits)) {
				const entry = (waits[reason] ??= { count: 0, seconds: 0 });
				entry.count += count;
				entry.seconds += seconds;
			}
		}
		return {
			workers,
			items,
			requests: log.length,
			admitted,
			refused,
			refusedShare: log.length ? refused / log.length : 0,
			timeLimited,
			wallMs,
			portalMs,
			boundSeconds,
			throughput: boundSeconds > 0 ? boundSeconds / (portalMs / 1000) : null,
			check: checkLeads(portal, titles),
			failures: outcomes.map((o) => o.failure).filter(Boolean),
			waits,
		};
	} finally {
		await portal.stop();
	}
}

/**
 * Every configuration of the scale, one after the other (they share no CPU).
 * @param {'quick'|'default'|'full'} scale
 */
async function runQueueMode(scale) {
	const runs = [];
	for (const config of QUEUE_SIZES[scale]) {
		const run = await runQueueJob(config);
		console.log(`  ${queueLine(run)}`);
		runs.push(run);
	}
	return runs;
}

const pct = (value) => `${(value * 100).toFixed(1)} %`;
const n = (value) => value.toLocaleString('en');

/** @param {Awaited<ReturnType<typeof runQueueJob>>} run */
function queueLine(run) {
	return `${run.workers} worker${run.workers > 1 ? 's' : ''} × ${n(run.items)} items: ${run.check.ok}/${run.check.expected} written, ${run.check.lost} lost, ${run.check.duplicated} duplicated; ${run.requests} requests, ${run.refused} refused (${pct(run.refusedShare)}); ${(run.portalMs / 1000).toFixed(1)} s for a bound of ${run.boundSeconds.toFixed(1)} s: ${run.throughput === null ? 'n/a' : pct(run.throughput)} of the drain rate`;
}

const waitText = (waits) =>
	Object.entries(waits)
		.filter(([reason]) => reason !== 'pacing')
		.map(([reason, { count, seconds }]) => `${reason} ${count} (${seconds.toFixed(0)} s)`)
		.join(', ') || 'none';

/** The Markdown table of the runs. */
function queueTable(runs) {
	const rows = runs.map((run) =>
		[
			`${run.workers} × ${n(run.items)}`,
			`${n(run.check.ok)}/${n(run.check.expected)}, ${run.check.lost} lost, ${run.check.duplicated} duplicated`,
			n(run.requests),
			`${run.refused} (${pct(run.refusedShare)})`,
			`${(run.portalMs / 1000).toFixed(1)} s`,
			`${run.boundSeconds.toFixed(1)} s`,
			run.throughput === null ? 'n/a' : pct(run.throughput),
			waitText(run.waits),
		].join(' | '),
	);
	return [
		'| Workers × items | Written exactly once | Requests | Refused (503) | Time | Bound | Throughput (% of drain) | Logged waits besides pacing |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows.map((row) => `| ${row} |`),
	].join('\n');
}

/**
 * Issue 17's targets on the run with several workers: every item exactly once, every run without
 * a failure (hard at every scale); at most 5 % of requests refused and throughput at least 90 % of
 * the drain rate (hard at the issue's size; only reported by the quick run, whose few requests
 * are dominated by the start, when every worker finds the portal full at once).
 */
function evaluateQueueTargets(runs, scale = 'default') {
	const targets = [];
	const hard = (ok, text) => targets.push({ hard: true, ok, text, queue: true });
	const rate = (ok, text) => targets.push({ hard: scale !== 'quick', ok, text, queue: true });
	for (const run of runs) {
		const what = `queue mode, ${run.workers} × ${n(run.items)}`;
		hard(
			run.failures.length === 0 && run.check.lost === 0 && run.check.duplicated === 0,
			`${what}: ${n(run.check.ok)}/${n(run.check.expected)} written, ${run.check.lost} lost, ${run.check.duplicated} duplicated${run.failures.length ? `, ${run.failures.join('; ')}` : ''} (target: every item exactly once)`,
		);
		if (run.workers === 1) continue;
		rate(
			run.refusedShare <= 0.05,
			`${what}: ${run.refused} of ${run.requests} requests refused = ${pct(run.refusedShare)} (target ≤ 5 %)`,
		);
		rate(
			run.throughput !== null && run.throughput >= 0.9,
			`${what}: ${run.throughput === null ? 'n/a' : pct(run.throughput)} of the drain rate (bound ${run.boundSeconds.toFixed(1)} s, took ${(run.portalMs / 1000).toFixed(1)} s; target ≥ 90 %)`,
		);
	}
	return targets;
}

/** How the queue-mode runs are made and read (results.md and the README). */
const QUEUE_METHOD = `Each worker is an OS process of its own running the workflow "Test Items → Bitrix24 (create leads)" in n8n's engine (n8n-core), all started at once against one sandbox portal (${CLOUD_PORTAL.bucket.burst} requests at once, then ${CLOUD_PORTAL.bucket.drainPerSecond} per second, ${CLOUD_PORTAL.latencyMs} ms per request, method time counted and reported as in the cloud); the workers share nothing but the portal, each paces itself from the portal's answers. "Written exactly once" reads the leads back from the portal; "Refused" counts 503 QUERY_LIMIT_EXCEEDED answers among all HTTP requests; "Time" runs from the first request's arrival to the last answer; "Bound" is what the portal's leaky bucket allows at best for the requests it accepted ((accepted − ${CLOUD_PORTAL.bucket.burst}) / ${CLOUD_PORTAL.bucket.drainPerSecond} s), and "Throughput" is Bound ÷ Time; the waits are what the workers logged through n8n's logger (count and summed seconds).`;

/** The README's queue-mode table, with when and where it was measured. */
function queueReadme(runs, meta) {
	return `Measured by \`npm run bench${meta.scaleFlag}\` on ${meta.date} (${meta.cpu}, ${meta.cores} cores shared with other work). ${QUEUE_METHOD}

${queueTable(runs)}`;
}

module.exports = {
	runQueueMode,
	queueTable,
	queueReadme,
	evaluateQueueTargets,
	QUEUE_SIZES,
	QUEUE_METHOD,
};

if (require.main === module) {
	const scale = process.argv.includes('--quick') ? 'quick' : 'default';
	require('../build').ensureBuild();
	runQueueMode(scale).then((runs) => {
		console.log(queueTable(runs));
		for (const t of evaluateQueueTargets(runs, scale))
			console.log(`${t.ok ? 'ok ' : 'FAIL'} ${t.text}`);
	});
}

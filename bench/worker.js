'use strict';

/**
 * One benchmark run in its own process: one scenario, one contender, a fresh sandbox portal, all
 * on the virtual clock. Sends one result message to the parent (bench/run.js) and exits.
 *
 *   node --expose-gc bench/worker.js '{"scenario":"create","contender":"b24jssdk","scale":"quick"}'
 */

const clock = require('./virtual-clock');

clock.install(); // before anything that might capture timers

const { startPortal } = require('./portal');
const { SCENARIOS, SCALES } = require('./scenarios');
const { loadContender } = require('./contenders');
const { requestStats } = require('./request-stats');

const MEMORY_SAMPLE_MS = 20;
/** A run is over when no request has reached the portal for this long (virtual ms). */
const SETTLE_MS = 60000;

/** Samples the JS heap on a real timer; `stop()` returns the peak above the baseline, in bytes. */
function sampleHeap() {
	global.gc?.();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	const timer = clock.real.setInterval(sample, MEMORY_SAMPLE_MS);
	return {
		stop() {
			sample();
			clock.real.clearInterval(timer);
			return peak - baseline;
		},
	};
}

/**
 * Waits until the portal has had no request for SETTLE_MS: a library may go on sending queued
 * requests after its call returned or threw. Returns how many it sent meanwhile.
 * @param {{log: unknown[]}} portal
 */
async function settle(portal) {
	const atReturn = portal.log.length;
	for (;;) {
		const before = portal.log.length;
		await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
		if (portal.log.length === before) return portal.log.length - atReturn;
	}
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

async function main() {
	const job = JSON.parse(process.argv[2]);
	const scenario = SCENARIOS.find((s) => s.id === job.scenario);
	const scale = SCALES[job.scale];
	if (!scenario || !scale) throw new Error(`Unknown scenario or scale: ${process.argv[2]}`);
	const contender = loadContender(job.contender);

	const portal = await startPortal({ storm: scenario.storm });
	const prepared = scenario.prepare(portal, scale);
	const { input } = prepared;
	const webhookUrl = portal.webhookUrl;

	const heap = sampleHeap();
	const started = { virtual: clock.now(), real: clock.real.dateNow() };
	const skippedBefore = clock.stats();
	/** @type {{rows?: object[], errors?: Record<string, number>, failure?: string}} */
	let outcome;
	try {
		outcome = await contender[scenario.operation]({ webhookUrl, input });
	} catch (error) {
		outcome = { failure: `threw: ${messageOf(error)}` };
	}
	const wallMs = clock.now() - started.virtual;
	const realMs = clock.real.dateNow() - started.real;
	const heapDeltaBytes = heap.stop();
	const jumps = clock.stats().jumps - skippedBefore.jumps;
	const requestsAfterReturn = await settle(portal);

	const result = {
		scenario: scenario.id,
		contender: contender.id,
		label: contender.label,
		short: contender.short,
		note: contender.notes?.[scenario.operation] ?? null,
		contenderNote: contender.notes?.all ?? null,
		ours: Boolean(contender.ours),
		size: scale[scenario.size],
		...requestStats(portal.log),
		requestsAfterReturn,
		wallMs,
		realMs,
		jumps,
		heapDeltaBytes,
		check: scenario.verify(portal, prepared, outcome),
		errors: outcome.errors ?? {},
		failure: outcome.failure ?? null,
	};
	await portal.stop();
	process.send?.(result);
	if (!process.send) console.log(JSON.stringify(result, null, 2));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error?.stack ?? error);
		process.exit(1);
	},
);

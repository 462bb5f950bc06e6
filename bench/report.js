'use strict';

/**
 * Turns benchmark results into Markdown: the full report (bench/results.md), the short table of
 * the README's "Performance" section, and the console summary.
 */

const { SCENARIOS } = require('./scenarios');
const { CLOUD_PORTAL, STORM_PROBABILITY } = require('./portal');
const { completed } = require('./targets');
const { queueTable, QUEUE_METHOD } = require('./queue/run');

const MiB = 1024 * 1024;
const n = (value) => value.toLocaleString('en');

/** "78.0 s", "333 s", "4,999 s (83 min)" @param {number} ms */
function seconds(ms) {
	const s = ms / 1000;
	if (s < 100) return `${s.toFixed(1)} s`;
	if (s < 600) return `${n(Math.round(s))} s`;
	return `${n(Math.round(s))} s (${n(Math.round(s / 60))} min)`;
}

/** "✓ 10,000/10,000", or what went wrong (`withReason`: and why the run stopped). */
function outcome(run, withReason = true) {
	const { ok, expected, lost, duplicated } = run.check;
	if (completed(run)) return `✓ ${n(ok)}/${n(expected)}`;
	const parts = [`${n(ok)}/${n(expected)}`];
	if (lost) parts.push(`${n(lost)} lost`);
	if (duplicated) parts.push(`${n(duplicated)} duplicated`);
	if (run.failure && (withReason || parts.length === 1)) parts.push(run.failure);
	if (run.requestsAfterReturn)
		parts.push(`still sending after it ${run.failure ? 'failed' : 'returned'}`);
	return `✗ ${parts.join(', ')}`;
}

/** Median time, with the spread when the run was repeated. */
function timeCell(run) {
	if (!run.repeats || run.repeats.count < 2) return seconds(run.wallMs);
	const spread = `${(run.repeats.minMs / 1000).toFixed(1)}–${(run.repeats.maxMs / 1000).toFixed(1)} s`;
	return `${seconds(run.wallMs)} (${run.repeats.count} runs: ${spread})`;
}

/** Time relative to this package's, for runs that did the whole job. */
function timeRatio(run, ours) {
	if (run.ours) return '1×';
	if (!ours || !completed(run)) return '—';
	const ratio = run.wallMs / ours.wallMs;
	return `${ratio < 10 ? ratio.toFixed(2) : n(Math.round(ratio))}×`;
}

/** Rows of one scenario, this package first. */
function rowsOf(runs, scenarioId) {
	return runs
		.filter((run) => run.scenario === scenarioId)
		.sort((a, b) => Number(b.ours) - Number(a.ours));
}

const scenarioTitle = (scenarioId, size) => SCENARIOS.find((s) => s.id === scenarioId).title(size);

/** @param {string[]} cells */
const line = (cells) => `| ${cells.join(' | ')} |`;

/** The README table: one line per scenario and contender. */
function shortTable(runs) {
	const lines = [
		line([
			'Scenario',
			'Contender',
			'HTTP requests',
			'Time',
			'vs this package',
			'Peak heap Δ',
			'Result',
		]),
		line(['---', '---', '---:', '---:', '---:', '---:', '---']),
	];
	for (const { id } of SCENARIOS) {
		const rows = rowsOf(runs, id);
		const ours = rows.find((run) => run.ours);
		for (const run of rows) {
			lines.push(
				line([
					run === rows[0] ? scenarioTitle(id, run.size) : '',
					run.ours ? '**this package**' : run.short,
					n(run.requests),
					seconds(run.wallMs),
					timeRatio(run, ours),
					`${n(Math.round(run.heapDeltaBytes / MiB))} MiB`,
					outcome(run, false),
				]),
			);
		}
	}
	return lines.join('\n');
}

/** The full table of bench/results.md. */
function fullTable(runs) {
	const lines = [
		line([
			'Scenario',
			'Contender',
			'HTTP requests',
			'refused (503)',
			'COUNT queries',
			'Time (portal)',
			'time vs ours',
			'requests vs ours',
			'host busy',
			'Peak heap Δ',
			'Result',
		]),
		line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']),
	];
	for (const { id } of SCENARIOS) {
		const rows = rowsOf(runs, id);
		const ours = rows.find((run) => run.ours);
		for (const run of rows) {
			lines.push(
				line([
					run === rows[0] ? scenarioTitle(id, run.size) : '',
					run.ours ? `**${run.short}**` : run.short,
					n(run.requests),
					n(run.rejected),
					n(run.countQueries),
					timeCell(run),
					timeRatio(run, ours),
					ours ? `${(run.requests / Math.max(1, ours.requests)).toFixed(1)}×` : '—',
					`${(run.realMs / 1000).toFixed(1)} s`,
					`${n(Math.round(run.heapDeltaBytes / MiB))} MiB`,
					outcome(run),
				]),
			);
		}
	}
	return lines.join('\n');
}

function contenderList(runs) {
	const seen = new Map();
	for (const run of runs) {
		if (!seen.has(run.short))
			seen.set(run.short, run.contenderNote ? `${run.label}. ${run.contenderNote}` : run.label);
	}
	return [...seen].map(([short, text]) => `- **${short}**: ${text}`).join('\n');
}

function notes(runs) {
	const lines = [];
	for (const run of runs) {
		const who = `${run.short}, ${run.scenario}`;
		if (run.note) lines.push(`- ${who}: ${run.note}`);
		const errors = Object.entries(run.errors);
		if (errors.length) {
			const text = errors.map(([message, count]) => `${n(count)}× ${message}`).join('; ');
			lines.push(`- ${who}: errors ${text}`);
		}
		if (run.failure) lines.push(`- ${who}: stopped: ${run.failure}`);
		for (const crash of run.crashes ?? []) {
			lines.push(`- ${who}: a run ended without a result and was repeated (${crash})`);
		}
		if (run.requestsAfterReturn) {
			lines.push(
				`- ${who}: ${n(run.requestsAfterReturn)} more requests reached the portal after the call had ${run.failure ? 'failed' : 'returned'} (its queue kept sending); they are counted, and the result is checked once they stopped`,
			);
		}
	}
	return [...new Set(lines)].join('\n');
}

/** "12.3 s" for short real times, like seconds() otherwise. @param {number} ms */
const realSeconds = (ms) => (ms < 10000 ? `${(ms / 1000).toFixed(2)} s` : seconds(ms));

const MiBText = (bytes) => `${n(Math.round(bytes / MiB))} MiB`;

/** The real-n8n table: one line per scenario (and export size) and contender. */
function realTable(real, harness, full) {
	const header = [
		'Scenario',
		'Contender',
		'HTTP requests',
		...(full ? ['refused (503)', 'COUNT queries'] : []),
		'Time',
		'vs this package',
		'Harness time',
		'Peak RSS (Δ in the job)',
		'Result',
	];
	const lines = [
		line(header),
		line(header.map((_, i) => (i < 2 || i === header.length - 1 ? '---' : '---:'))),
	];
	const groups = [];
	for (const { id } of SCENARIOS) {
		const sizes = [...new Set(real.runs.filter((r) => r.scenario === id).map((r) => r.size))].sort(
			(a, b) => b - a,
		);
		for (const size of sizes) groups.push({ id, size });
	}
	for (const { id, size } of groups) {
		const rows = real.runs
			.filter((run) => run.scenario === id && run.size === size)
			.sort((a, b) => Number(Boolean(b.ours)) - Number(Boolean(a.ours)));
		const skipped = real.skipped.filter((skip) => skip.scenario === id && !rows[0]?.extra);
		const ours = rows.find((run) => run.ours);
		rows.forEach((run, index) => {
			const inHarness = harness.find((h) => h.scenario === id && h.contender === run.contender);
			lines.push(
				line([
					index === 0 ? scenarioTitle(id, size) : '',
					run.ours ? '**this package**' : run.short,
					n(run.requests),
					...(full ? [n(run.rejected), n(run.countQueries)] : []),
					run.repeats?.count > 1
						? `${realSeconds(run.wallMs)} (${run.repeats.count} runs: ${(run.repeats.minMs / 1000).toFixed(1)}–${(run.repeats.maxMs / 1000).toFixed(1)} s)`
						: realSeconds(run.wallMs),
					timeRatio(run, ours),
					inHarness && !run.extra ? seconds(inHarness.wallMs) : '—',
					run.peakRssBytes
						? `${MiBText(run.peakRssBytes)} (${MiBText(Math.max(0, run.peakRssBytes - (run.baselineRssBytes ?? 0)))})`
						: '—',
					outcome(run, full),
				]),
			);
		});
		for (const skip of skipped) {
			const inHarness = harness.find((h) => h.scenario === id && h.contender === skip.contender);
			lines.push(
				line([
					'',
					skip.short,
					inHarness ? n(inHarness.requests) : '—',
					...(full ? ['—', inHarness ? n(inHarness.countQueries) : '—'] : []),
					'not run',
					'—',
					inHarness ? seconds(inHarness.wallMs) : '—',
					'—',
					`not run in real time (${skip.reason})`,
				]),
			);
		}
	}
	return lines.join('\n');
}

function realContenderList(real) {
	const seen = new Map();
	for (const run of real.runs) {
		if (!seen.has(run.short)) seen.set(run.short, run.label);
	}
	const notes = [];
	for (const run of real.runs) {
		if (run.note && run.contender === 'http-request-node')
			notes.push(`  - ${run.scenario}: ${run.note}`);
	}
	return [
		...[...seen].map(([short, text]) => `- **${short}**: ${text}`),
		...(notes.length ? ['- The HTTP Request workflows:', ...new Set(notes)] : []),
	].join('\n');
}

const targetLines = (targets) =>
	targets
		.map(
			({ hard, ok, text }) =>
				`- ${ok === null ? '–' : ok ? '✓' : '✗'} ${text}${hard ? '' : ' _(reported)_'}`,
		)
		.join('\n');

const REAL_METHOD = `**In a real n8n** (\`bench/n8n/\`): the pinned n8n of the end-to-end tests (2.40.7 on Node 24, installed by
\`scripts/n8n/runtime.js\`), with this package installed as a community package (its compiled \`dist/\` as \`npm run build\` lays
it out). Every job is a workflow (Manual Trigger → an "Input" Code node making the input items → the job's nodes) run by
\`n8n execute\`, a fresh n8n process per run, against a fresh sandbox portal (${CLOUD_PORTAL.bucket.burst} requests at once, then
${CLOUD_PORTAL.bucket.drainPerSecond} per second, ${CLOUD_PORTAL.latencyMs} ms per request, ${CLOUD_PORTAL.countCostMsPerThousandRows} ms per 1,000 rows for list calls that count), in real time. "Time" is
the job's nodes from n8n's run data (start of the first to end of the last; the Input node is not counted); for the scripts,
the call, timed in their own process. "Peak RSS" is the resident memory of the process doing the job: the n8n process (sampled
from /proc every 20 ms until the job ended; before n8n prints its run) or the script's process (its maxRSS); "Δ" is the part
above the process's level just before the job. Runs that take more than 150 s on the virtual clock (20 s at the quick scale) are not repeated in real time.
The sandbox runs in the benchmark's process (with a large young generation: serving 100,000 rows is otherwise mostly garbage
collection) on the same two cores as n8n, so its CPU (about 4 s to serve 100,000 rows) competes with the client's.`;

const METHOD = `**In the harness**: all contenders talk HTTP to the sandbox portal (\`sandbox/bitrix24/\`), started fresh for every run and set up
like a cloud portal on the standard plan: leaky bucket of ${CLOUD_PORTAL.bucket.burst} requests draining
${CLOUD_PORTAL.bucket.drainPerSecond} per second (503 \`QUERY_LIMIT_EXCEEDED\` above it), ${CLOUD_PORTAL.latencyMs} ms per request, and
${CLOUD_PORTAL.countCostMsPerThousandRows} ms per 1,000 rows for every list call that counts (\`start\` ≥ 0; none with \`start=-1\`).
The storm scenario refuses ${STORM_PROBABILITY * 100} % of requests with \`QUERY_LIMIT_EXCEEDED\` on top.

**Time is measured on a virtual clock** (\`bench/virtual-clock.js\`): each run is one process holding the
sandbox and the contender. Whatever runs (the contender, n8n's engine, the sandbox handling a request)
takes real time; whenever the process has nothing left to do but wait for a timer (a client's pacing, the
portal's latency, a back-off), the clock jumps to that timer. So "Time" is what the job would take against
a real portal with these limits, waits included, and a run of 10,000 paced requests (83 minutes) finishes
in seconds. Nothing is projected: every number is measured. "host busy" is the real time the run took.
The clock knows when it may jump because it tracks every HTTP exchange with the sandbox (a jump only
while the sandbox holds all of them on its latency timer) and any file or DNS request in flight.

Requests, refusals and COUNT queries come from the sandbox's request log. "Peak heap Δ" is the JS heap in
use above the level before the run (after a GC), sampled every 20 ms; it includes the sandbox's own growth
(the records it stores and its request log), about the same for every contender.`;

const CAVEATS = `- The portal's latency is per HTTP request, not per command: on a real portal a batch of 50 writes
  takes longer than one call, which slows clients that send batches one after another (this package,
  the official SDK, the chained-batch script) more than @2bad/bitrix, which sends its chunks together.
- Bitrix24's method-time limit (480 s per method per 10 minutes) is off (it is on in the queue-mode runs). On a real portal, offset paging
  with a COUNT per page (@2bad/bitrix's list) over 100,000 rows would run into it.
- In a real n8n, this package and the HTTP Request workflows run inside n8n (its expression engine, its
  run data); the scripts are plain Node.js processes: used from an n8n Code node they would pay n8n's
  costs too (and the SDK's and @2bad/bitrix's would need to be installed into n8n).
- The machine has two cores shared with other work, and the sandbox portal runs on them too: in real
  time its CPU for serving rows competes with the client's (a real portal serves from its own
  servers, requests side by side). In the harness everything shares one process and one core: the
  sandbox's CPU and garbage collection count as portal time, which is why parallel requests gain
  less there than in the real n8n.`;

const targetSection = (targets) => {
	const real = targets.filter((t) => t.real);
	const queue = targets.filter((t) => t.queue);
	const harness = targets.filter((t) => !t.real && !t.queue);
	return [
		...(real.length
			? ['In a real n8n (issue 14; ratios within this run):', '', targetLines(real), '']
			: []),
		...(queue.length
			? ['Queue mode (issue 17; worker processes on one portal):', '', targetLines(queue), '']
			: []),
		...(harness.length ? ['In the harness (issue 8):', '', targetLines(harness)] : []),
	].join('\n');
};

/**
 * @param {{runs: object[], real: {runs: object[], skipped: object[], meta: object}, targets: object[], meta: object}} bench
 */
function resultsMarkdown({ runs, real, queue = [], targets, meta }) {
	return `# Benchmark results

Written by \`npm run bench${meta.scaleFlag}\` (scale: **${meta.scale}**${meta.repeats > 1 ? `, every run ${meta.repeats} times, median shown` : ''}) on ${meta.date}.
Re-run to update; the README's "Performance" table comes from the same run (its real-n8n part).

## Machine

- CPU: ${meta.cpu} (${meta.cores} cores, shared with other work: times are noisy, compare within a run), RAM ${meta.ramGiB} GiB
- Node.js ${meta.node} (n8n on Node 24), ${meta.os}
- Commit: ${meta.commit}
- Real time of the whole benchmark: ${seconds(meta.totalRealMs)} (harness ${seconds(meta.harnessMs)}, real n8n ${seconds(meta.realMs)}, queue mode ${seconds(meta.queueMs ?? 0)})

## Method

${REAL_METHOD}

${METHOD}

## Contenders

In the real n8n:

${realContenderList(real) || '- none in this run'}

In the harness:

${contenderList(runs) || '- none in this run'}

## Results in a real n8n (real time)

${real.runs.length ? realTable(real, runs, true) : 'Not run.'}

## Queue mode: several workers on one portal (real time)

${queue.length ? `${QUEUE_METHOD}\n\n${queueTable(queue)}` : 'Not run.'}

## Results in the harness (virtual clock)

${runs.length ? fullTable(runs) : 'Not run.'}

## Targets

${targetSection(targets)}

## Caveats

${CAVEATS}

## Notes

${notes([...real.runs, ...runs]) || '- none'}
`;
}

/** The README section between the markers. */
function readmeSection({ runs, real, queue = [], targets, meta }) {
	const scale = meta.scale === 'quick' ? 'quick scale' : "the issue's sizes";
	const { bucket, latencyMs, countCostMsPerThousandRows } = CLOUD_PORTAL;
	return `How long Bitrix24 jobs take with this package and with what else a user would pick, measured by
\`npm run bench${meta.scaleFlag}\` (${scale}; ${meta.date}; ${meta.cpu}, ${meta.cores} cores shared with other work) **in a real n8n
2.40.7**: each job a workflow run by \`n8n execute\`, in real time, against the sandbox portal set up like a cloud
portal (${bucket.burst} requests at once, then ${bucket.drainPerSecond} per second, ${latencyMs} ms per request, ${countCostMsPerThousandRows} ms per 1,000 rows for list calls that count).
"Time" is the job's nodes in n8n's run data (the scripts: the call); "vs this package" divides it by this package's
time in the same run ("—": not completed); "Harness time" is the same job in n8n-core's engine on a virtual clock
that skips the waiting; "Peak RSS" is the process doing the job (n8n's, or the script's), with what the job added.
Method, all columns, caveats and the workflows' settings: [bench/results.md](bench/results.md).

${real.runs.length ? realTable(real, runs, false) : shortTable(runs)}
${queue.length ? `\n**Queue mode** (several n8n workers, each its own process, writing to one portal at once; see [Queue mode](#queue-mode)). ${QUEUE_METHOD}\n\n${queueTable(queue)}\n` : ''}
Targets (_reported_ ones are not enforced):

${targetSection(targets)}`;
}

/** Console summary. */
function consoleSummary({ runs, real, queue = [], targets }) {
	return [
		real?.runs.length ? `In a real n8n:\n${realTable(real, runs, true)}` : '',
		queue.length ? `Queue mode:\n${queueTable(queue)}` : '',
		runs.length ? `Harness:\n${fullTable(runs)}` : '',
		`Targets:\n${targetSection(targets)}`,
	]
		.filter(Boolean)
		.join('\n\n');
}

module.exports = { resultsMarkdown, readmeSection, consoleSummary, seconds };

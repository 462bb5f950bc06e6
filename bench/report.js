'use strict';

/**
 * Turns benchmark results into Markdown: the full report (bench/results.md), the short table of
 * the README's "Performance" section, and the console summary.
 */

const { SCENARIOS } = require('./scenarios');
const { CLOUD_PORTAL, STORM_PROBABILITY } = require('./portal');
const { completed } = require('./targets');

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

/**
 * Runs whose time is plain arithmetic, to check the virtual clock: a client paced at 2 requests
 * per second starts its last request about (N − 1) / 2 s after its first.
 */
function clockChecks(runs) {
	return runs
		.filter((run) => run.contender === 'http-paced' && completed(run))
		.map((run) => {
			const expected = (run.requests - 1) / 2;
			const measured = run.wallMs / 1000;
			return `- ${run.short}, ${run.scenario}: ${n(run.requests)} requests at 2 per second → about ${n(expected)} s plus the last answer expected, ${n(Number(measured.toFixed(1)))} s measured`;
		})
		.join('\n');
}

const targetLines = (targets) =>
	targets
		.map(
			({ hard, ok, text }) =>
				`- ${ok === null ? '–' : ok ? '✓' : '✗'} ${text}${hard ? '' : ' _(reported)_'}`,
		)
		.join('\n');

const METHOD = `All contenders talk HTTP to the sandbox portal (\`sandbox/bitrix24/\`), started fresh for every run and set up
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
  the official SDK) more than @2bad/bitrix, which sends its chunks together.
- Bitrix24's method-time limit (480 s per method per 10 minutes) is off. On a real portal, offset paging
  with a COUNT per page (@2bad/bitrix's list, HTTP Request pagination) over 100,000 rows would run into it.
- This package runs inside n8n's engine, and its time includes n8n evaluating the node's expressions for
  every input item before the first request (most of its "host busy" time on the item operations). The
  other contenders are plain scripts: used from an n8n Code node they would pay such costs too.
- The sandbox runs in the same process: CPU time it spends (and any other load on the machine) counts
  as portal time.`;

/**
 * @param {{runs: object[], targets: object[], meta: object}} bench
 */
function resultsMarkdown({ runs, targets, meta }) {
	return `# Benchmark results

Written by \`npm run bench${meta.scaleFlag}\` (scale: **${meta.scale}**${meta.repeats > 1 ? `, every run ${meta.repeats} times, median shown` : ''}) on ${meta.date}.
Re-run to update; the README's "Performance" table comes from the same run.

## Machine

- CPU: ${meta.cpu} (${meta.cores} cores), RAM ${meta.ramGiB} GiB
- Node.js ${meta.node}, ${meta.os}
- Commit: ${meta.commit}
- Real time of the whole benchmark: ${seconds(meta.totalRealMs)}

## Method

${METHOD}

Clock checks (times that follow from pacing alone):

${clockChecks(runs) || '- none in this run'}

## Contenders

${contenderList(runs)}

## Results

${fullTable(runs)}

## Targets

${targetLines(targets)}

## Caveats

${CAVEATS}

## Notes

${notes(runs) || '- none'}
`;
}

/** The README section between the markers. */
function readmeSection({ runs, targets, meta }) {
	const scale = meta.scale === 'quick' ? 'quick scale' : "the issue's sizes";
	const { bucket, latencyMs, countCostMsPerThousandRows } = CLOUD_PORTAL;
	return `How long Bitrix24 jobs take with this package and with the alternatives, measured by
\`npm run bench${meta.scaleFlag}\` (${scale}; ${meta.date}; ${meta.cpu}, Node.js ${meta.node}). Every contender
works against the sandbox portal set up like a cloud portal: ${bucket.burst} requests at once, then
${bucket.drainPerSecond} per second, ${latencyMs} ms per request, ${countCostMsPerThousandRows} ms per 1,000 rows for every list call that counts.
"Time" is what the job takes on such a portal, waits included, measured on a virtual clock that skips
the waiting; "vs this package" divides it by this package's time ("—": the job was not completed).
Method, all columns, caveats and the contenders' settings: [bench/results.md](bench/results.md).

${shortTable(runs)}

Targets (issue 8; _reported_ ones are not enforced):

${targetLines(targets)}`;
}

/** Console summary. */
function consoleSummary({ runs, targets }) {
	return `${fullTable(runs)}\n\nTargets:\n${targetLines(targets)}\n`;
}

module.exports = { resultsMarkdown, readmeSection, consoleSummary, seconds };

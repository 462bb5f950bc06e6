'use strict';

/**
 * `npm run bench [-- --quick | --full] [-- --scenario=create,get] [-- --contender=b24jssdk]
 *   [-- --harness-only | --n8n-only | --queue-only]`
 *
 * Three parts, one after the other (runs share no CPU):
 * - the harness: every scenario (bench/scenarios.js) with every script contender and this package
 *   in n8n-core's engine (bench/contenders/), one process per run, on a virtual clock that skips
 *   the waiting (bench/virtual-clock.js);
 * - a real n8n (bench/n8n/): the pinned n8n the end-to-end tests use, in real time, with this
 *   package and n8n's own HTTP Request node, beside the script contenders in their own processes
 *   (N8N_CACHE_DIR picks the n8n install, as for the e2e tests);
 * - queue mode (bench/queue/): several worker processes writing to one portal at once, beside one
 *   worker alone, in real time (issue 17's targets).
 * Prints the results and checks the targets (bench/targets.js). Scales: default = the issue's
 * sizes; --full = the same sizes, every run three times, the median kept; --quick = small sizes
 * for CI. The default and full scales write bench/results.md and the README's "Performance"
 * table (from the real-n8n run); --quick and filtered runs only print. Exits 1 when a hard
 * target fails.
 */

const { fork, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { SCENARIOS, SCALES } = require('./scenarios');
const { CONTENDER_IDS } = require('./contenders');
const { evaluateTargets, evaluateRealTargets } = require('./targets');
const { resultsMarkdown, readmeSection, consoleSummary, seconds } = require('./report');
const { REAL_CONTENDERS } = require('./n8n/run');
const { replaceSection, QUEUE_MARKERS } = require('./readme');
const { ensureBuild } = require('./build');
const { runQueueMode, evaluateQueueTargets, queueReadme } = require('./queue/run');

const ROOT = path.join(__dirname, '..');
/** Real time one run may take before it is stopped (runs take seconds on the virtual clock). */
const RUN_TIMEOUT_MS = { quick: 2 * 60 * 1000, default: 15 * 60 * 1000, full: 15 * 60 * 1000 };
const REPEATS = { quick: 1, default: 1, full: 3 };

function parseArgs(argv) {
	const options = {
		scale: 'default',
		scenarios: null,
		contenders: null,
		harness: true,
		n8n: true,
		queue: true,
	};
	for (const arg of argv) {
		if (arg === '--quick') options.scale = 'quick';
		else if (arg === '--full') options.scale = 'full';
		else if (arg === '--harness-only') Object.assign(options, { n8n: false, queue: false });
		else if (arg === '--n8n-only') Object.assign(options, { harness: false, queue: false });
		else if (arg === '--queue-only') Object.assign(options, { harness: false, n8n: false });
		else if (arg.startsWith('--scenario=')) options.scenarios = arg.slice(11).split(',');
		else if (arg.startsWith('--contender=')) options.contenders = arg.slice(12).split(',');
		else
			throw new Error(
				`Unknown argument ${arg} (--quick, --full, --scenario=…, --contender=…, --harness-only, --n8n-only, --queue-only)`,
			);
	}
	return options;
}

/**
 * A job run `times` times; the run with the median time is kept, with the spread. A run that
 * ends without a result (a crash, printed) is tried once more, and the report says so.
 * @returns {Promise<{result?: object, error?: string}>}
 */
async function runRepeated(job, times) {
	const results = [];
	const crashes = [];
	for (let i = 0; i < times; i++) {
		let outcome = await runWorker(job);
		if (!outcome.result) {
			crashes.push(outcome.error);
			console.log(`  ${job.scenario}/${job.contender}: no result (${outcome.error}); trying again`);
			outcome = await runWorker(job);
		}
		if (!outcome.result) return { error: outcome.error };
		results.push(outcome.result);
	}
	results.sort((a, b) => a.wallMs - b.wallMs);
	const median = results[Math.floor(results.length / 2)];
	return {
		result: {
			...median,
			repeats: {
				count: times,
				minMs: results[0].wallMs,
				maxMs: results[results.length - 1].wallMs,
			},
			crashes,
		},
	};
}

/**
 * One run in its own process (bench/worker.js).
 * @returns {Promise<{result?: object, error?: string}>}
 */
function runWorker(job) {
	return new Promise((resolve) => {
		const child = fork(path.join(__dirname, 'worker.js'), [JSON.stringify(job)], {
			execArgv: ['--expose-gc', '--max-old-space-size=6144'],
			stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
		});
		let result;
		let stderr = '';
		child.stderr.on('data', (chunk) => {
			stderr = (stderr + chunk).slice(-20000);
		});
		child.on('message', (message) => {
			result = message;
		});
		const timeoutMs = RUN_TIMEOUT_MS[job.scale];
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (result) resolve({ result });
			else {
				const reason =
					signal === 'SIGKILL' ? `no result within ${timeoutMs / 60000} min` : `exit ${code}`;
				if (stderr.trim()) console.error(stderr.trim());
				const message = stderr.match(/^\w*Error:.*$/m)?.[0] ?? stderr.trim().split('\n')[0] ?? '';
				resolve({ error: `${reason}${message ? `: ${message}` : ''}` });
			}
		});
	});
}

function gitCommit() {
	const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
	if (head.status !== 0) return 'unknown';
	const dirty = spawnSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	const changed = dirty.stdout.trim()
		? ', with uncommitted changes under nodes/ or credentials/'
		: '';
	return `${head.stdout.trim()}${changed} (the benchmark compiles the working tree)`;
}

function machine(scale, commit, totalRealMs) {
	const cpus = os.cpus();
	return {
		scale,
		scaleFlag: scale === 'default' ? '' : ` -- --${scale}`,
		date: new Date().toISOString().slice(0, 10),
		cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
		cores: cpus.length,
		ramGiB: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		commit,
		totalRealMs,
	};
}

/**
 * The real-n8n part in its own process (bench/n8n/main.js): it hosts the sandbox portal, with a
 * young generation large enough that serving 100,000 rows is not mostly garbage collection.
 * @returns {Promise<{runs: object[], skipped: object[], meta: object} | {error: string}>}
 */
function runRealPart(options) {
	return new Promise((resolve) => {
		const child = fork(path.join(__dirname, 'n8n', 'main.js'), [], {
			execArgv: ['--max-semi-space-size=128', '--max-old-space-size=8192'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let reply;
		child.on('message', (message) => {
			reply = message;
		});
		child.on('exit', (code) => resolve(reply ?? { error: `the real-n8n part exited (${code})` }));
		child.send(options);
	});
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const scale = SCALES[options.scale];
	const scenarios = SCENARIOS.filter((s) => !options.scenarios || options.scenarios.includes(s.id));
	const contenders = CONTENDER_IDS.filter(
		(c) => !options.contenders || options.contenders.includes(c),
	);
	ensureBuild();
	const commit = gitCommit();

	const repeats = REPEATS[options.scale];
	console.log(
		`Benchmark, ${options.scale} scale: ${JSON.stringify(scale)}${repeats > 1 ? `, ${repeats} runs each (median)` : ''}`,
	);
	const started = Date.now();
	const runs = [];
	const crashed = [];
	if (options.harness) {
		console.log('Harness (n8n-core engine and scripts, virtual clock):');
		for (const scenario of scenarios) {
			for (const contender of contenders) {
				const job = { scenario: scenario.id, contender, scale: options.scale };
				const { result, error } = await runRepeated(job, REPEATS[options.scale]);
				if (result) {
					runs.push(result);
					const { ok, expected } = result.check;
					console.log(
						`  ${scenario.id.padEnd(7)} ${contender.padEnd(20)} ${String(result.requests).padStart(6)} requests ${seconds(result.wallMs).padStart(18)}  ${ok}/${expected}${result.failure ? `  (${result.failure})` : ''}`,
					);
				} else {
					crashed.push({ ...job, error });
					console.log(`  ${scenario.id.padEnd(7)} ${contender.padEnd(20)} no result: ${error}`);
				}
			}
		}
	}
	const harnessMs = Date.now() - started;

	let real = { runs: [], skipped: [], meta: {} };
	const realContenders = REAL_CONTENDERS.filter(
		(c) => !options.contenders || options.contenders.includes(c),
	);
	if (options.n8n && realContenders.length > 0) {
		console.log('In a real n8n (real time):');
		const reply = await runRealPart({
			scale: options.scale,
			sizes: scale,
			scenarios: options.scenarios,
			contenders: options.contenders,
			harness: runs,
			repeats,
		});
		if ('error' in reply) {
			console.error(reply.error);
			crashed.push({ scenario: 'all', contender: 'real n8n', error: reply.error.split('\n')[0] });
		} else real = reply;
	}

	let queue = [];
	const queueStarted = Date.now();
	if (options.queue && !options.scenarios && !options.contenders) {
		console.log('Queue mode (worker processes on one portal, real time):');
		queue = await runQueueMode(options.scale);
	}

	const targets = [
		...evaluateRealTargets(real.runs, real.skipped, runs, options.scale),
		...evaluateTargets(runs, crashed),
		...evaluateQueueTargets(queue, options.scale),
	];
	const bench = {
		runs,
		real,
		queue,
		targets,
		meta: {
			...machine(options.scale, commit, Date.now() - started),
			harnessMs,
			realMs: queueStarted - started - harnessMs,
			queueMs: Date.now() - queueStarted,
			repeats,
		},
	};
	console.log(`\n${consoleSummary(bench)}`);

	const complete =
		!options.scenarios && !options.contenders && options.harness && options.n8n && options.queue;
	if (options.scale !== 'quick' && complete) {
		fs.writeFileSync(path.join(__dirname, 'results.md'), resultsMarkdown(bench));
		const readme = path.join(ROOT, 'README.md');
		fs.writeFileSync(readme, replaceSection(fs.readFileSync(readme, 'utf8'), readmeSection(bench)));
		console.log('Wrote bench/results.md and the README "Performance" table.');
	}
	if (options.scale !== 'quick' && queue.length > 0) {
		const readme = path.join(ROOT, 'README.md');
		const text = fs.readFileSync(readme, 'utf8');
		const body = queueReadme(queue, bench.meta);
		fs.writeFileSync(readme, replaceSection(text, body, QUEUE_MARKERS));
		console.log('Wrote the README "Queue mode" table.');
	}
	const failed = targets.filter((t) => t.hard && t.ok === false);
	if (failed.length) {
		console.error(`${failed.length} target(s) failed.`);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

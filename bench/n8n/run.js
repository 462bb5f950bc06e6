'use strict';

/**
 * The benchmark in a real n8n (the pinned n8n the end-to-end tests use), in real time: the package
 * packed and installed as a community package, each job a workflow run by `n8n execute` (a fresh
 * n8n process), beside n8n's own HTTP Request node in the same n8n and the script contenders in
 * their own processes, all against a fresh sandbox portal per run (set up like a cloud portal,
 * on the real clock, in this process). Reports time (the job's nodes, from n8n's run data; the
 * call, for scripts), requests, COUNT queries, peak resident memory of the process doing the job,
 * and checks the results.
 */

const { fork } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { createSandbox } = require('../../sandbox/bitrix24');
const { ensureN8n } = require('../../scripts/n8n/runtime');
const { N8nInstance } = require('../../scripts/n8n/instance');
const { ensureBuild } = require('../build');
const { installCompiledPackage } = require('./package');
const { CLOUD_PORTAL } = require('../portal');
const { requestStats } = require('../request-stats');
const { SCENARIOS } = require('../scenarios');
const { loadContender } = require('../contenders');
const { executeWorkflow } = require('./execute');
const { checkRows } = require('./check-rows');
const { ourWorkflow, httpWorkflow, webhookCredential, HTTP_NODE_SETTINGS } = require('./workflows');

/** Contenders of the real run: two inside n8n, three scripts. */
const N8N_CONTENDERS = ['n8n-nodes-bitrix24', 'http-request-node'];
const SCRIPT_CONTENDERS = ['b24jssdk', '2bad-bitrix', 'chained-batch'];
const REAL_CONTENDERS = [...N8N_CONTENDERS, ...SCRIPT_CONTENDERS];

/** Scenarios of the real run (the storm stays on the virtual clock: it takes minutes of refusals). */
const REAL_SCENARIOS = ['export', 'create', 'update', 'get'];

/**
 * The quick scale (CI) keeps the real part to about a minute: this package's jobs that have
 * targets checkable at small sizes, beside the fastest scripts.
 */
const QUICK = {
	scenarios: ['export', 'create', 'get'],
	contenders: ['n8n-nodes-bitrix24', 'b24jssdk', 'chained-batch'],
};

/** A run that took longer than this on the virtual clock is not repeated in real time. */
const REAL_TIME_CAP_MS = { quick: 20000, default: 150000, full: 150000 };

/** Extra export sizes, for this package's memory (the n8n process's peak RSS per rows held). */
const EXTRA_EXPORTS = { quick: [], default: [10000], full: [10000] };

const RUN_TIMEOUT_MS = 20 * 60 * 1000;

const LABELS = {
	'n8n-nodes-bitrix24': {
		short: 'n8n-nodes-bitrix24',
		label: 'n8n-nodes-bitrix24 (this package) in n8n 2.40.7',
		ours: true,
	},
	'http-request-node': {
		short: 'HTTP Request node',
		label: "n8n's HTTP Request node (4.2) and Code nodes in the same n8n 2.40.7",
	},
};

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function freePortPair() {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = 20000 + Math.floor(Math.random() * 20000) * 2;
		const free = await Promise.all([port, port + 1].map(portFree));
		if (free.every(Boolean)) return port;
	}
	throw new Error('No free port pair for n8n');
}

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A fresh sandbox portal on the given port, set up like a cloud portal, on the real clock. */
async function freshPortal(port, storm) {
	const portal = createSandbox({ ...CLOUD_PORTAL, port });
	await portal.start();
	if (storm) throw new Error('the storm scenario is not run in real time');
	return portal;
}

/** One script contender's job in its own process. */
function runScript(job) {
	return new Promise((resolve) => {
		const child = fork(path.join(__dirname, 'script-run.js'), [], {
			execArgv: ['--expose-gc', '--max-old-space-size=6144'],
			stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
		});
		let result;
		let stderr = '';
		child.stderr.on('data', (chunk) => {
			stderr = (stderr + chunk).slice(-5000);
		});
		child.on('message', (message) => {
			result = message;
		});
		child.send(job);
		const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve(result ?? { failure: `exit ${code}: ${stderr.trim().split('\n').pop() ?? ''}` });
		});
	});
}

/** Seeds a fresh portal for a scenario and returns what the contender gets and the check needs. */
function prepare(portal, scenario, size, scale) {
	const sizes = { ...scale, [scenario.size]: size };
	const prepared = scenario.prepare(portal, sizes);
	portal.clearLog();
	return prepared;
}

/**
 * @param {{scale: 'quick'|'default'|'full', sizes: Record<string, number>, scenarios: string[]|null,
 *   contenders: string[]|null, harness: object[], repeats: number, log: (line: string) => void}} options
 * @returns {Promise<{runs: object[], skipped: object[], meta: object}>}
 */
async function runRealN8n({
	scale,
	sizes,
	scenarios: only,
	contenders: onlyContenders,
	harness,
	repeats,
	log,
}) {
	const quick = scale === 'quick';
	const scenarios = SCENARIOS.filter(
		(s) =>
			(quick ? QUICK.scenarios : REAL_SCENARIOS).includes(s.id) && (!only || only.includes(s.id)),
	);
	const contenders = (quick ? QUICK.contenders : REAL_CONTENDERS).filter(
		(c) => !onlyContenders || onlyContenders.includes(c),
	);
	const setupStarted = Date.now();
	const runtime = await ensureN8n({ log });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bitrix24-bench-n8n-'));
	ensureBuild();
	const portalPort = await freePort();
	const instance = new N8nInstance({
		runtime,
		userFolder: path.join(work, 'n8n'),
		port: await freePortPair(),
	});
	installCompiledPackage(instance.userFolder);

	// Workflows carry the inputs, which depend on what the portal is seeded with: the same
	// on every fresh portal (IDs count from 1), so a throwaway portal tells them.
	const jobs = [];
	let webhookUrl = '';
	let serial = 0;
	const exportSizes = [sizes.exportRows, ...EXTRA_EXPORTS[scale]];
	for (const scenario of scenarios) {
		const list = scenario.id === 'export' ? exportSizes : [sizes[scenario.size]];
		for (const size of list) {
			const probe = await freshPortal(portalPort, false);
			webhookUrl = probe.webhookUrl;
			const prepared =
				scenario.operation === 'exportDeals' ? {} : prepare(probe, scenario, size, sizes);
			await probe.stop();
			for (const contender of contenders) {
				const extra = size !== sizes[scenario.size];
				if (extra && contender !== 'n8n-nodes-bitrix24' && contender !== 'http-request-node')
					continue;
				const job = { scenario, size, contender, extra };
				if (N8N_CONTENDERS.includes(contender)) {
					const id =
						`bnch${String(++serial).padStart(4, '0')}${contender === 'http-request-node' ? 'Http' : 'Ours'}Wf`.slice(
							0,
							16,
						);
					const built =
						contender === 'http-request-node'
							? httpWorkflow(id, scenario.operation, prepared, webhookUrl)
							: ourWorkflow(id, scenario.operation, prepared);
					built.workflow.settings.saveDataSuccessExecution = 'none';
					Object.assign(job, { workflowId: id, ...built });
				}
				jobs.push(job);
			}
		}
	}
	await instance.importCredentials([webhookCredential(webhookUrl)]);
	await instance.importWorkflows(jobs.filter((job) => job.workflow).map((job) => job.workflow));
	log(
		`  real n8n ready in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s (n8n ${runtime.version}, ${instance.userFolder})`,
	);

	const runs = [];
	const skipped = [];
	for (const job of jobs) {
		const harnessRun = harness.find(
			(run) => run.scenario === job.scenario.id && run.contender === job.contender,
		);
		if (!job.extra && harnessRun && harnessRun.wallMs > REAL_TIME_CAP_MS[scale]) {
			skipped.push({
				scenario: job.scenario.id,
				contender: job.contender,
				short: harnessRun.short,
				reason: `${(harnessRun.wallMs / 1000).toFixed(0)} s on the virtual clock`,
			});
			log(
				`  ${job.scenario.id.padEnd(7)} ${job.contender.padEnd(20)} not run in real time (${(harnessRun.wallMs / 1000).toFixed(0)} s on the virtual clock)`,
			);
			continue;
		}
		const results = [];
		for (let i = 0; i < repeats; i++) results.push(await runJob(job, portalPort, instance, sizes));
		results.sort((a, b) => a.wallMs - b.wallMs);
		const median = results[Math.floor(results.length / 2)];
		median.repeats = {
			count: repeats,
			minMs: results[0].wallMs,
			maxMs: results[results.length - 1].wallMs,
		};
		runs.push(median);
		log(
			`  ${job.scenario.id.padEnd(7)} ${job.contender.padEnd(20)} ${String(median.requests).padStart(6)} requests ${(median.wallMs / 1000).toFixed(2).padStart(9)} s  ${median.check.ok}/${median.check.expected}  peak RSS ${(median.peakRssBytes / 2 ** 20).toFixed(0)} MiB${median.failure ? `  (${median.failure})` : ''}`,
		);
	}
	fs.rmSync(work, { recursive: true, force: true });
	return { runs, skipped, meta: { n8nVersion: runtime.version } };
}

/** One run of one job on a fresh portal. */
async function runJob(job, portalPort, instance, sizes) {
	const { scenario, size, contender } = job;
	const portal = await freshPortal(portalPort, scenario.storm);
	try {
		const prepared = prepare(portal, scenario, size, sizes);
		const expectedIds = prepared.expectedIds ?? prepared.input?.map((item) => item.id);
		const rowsChecked = scenario.operation === 'exportDeals' || scenario.operation === 'getDeals';
		const base = {
			scenario: scenario.id,
			contender,
			size,
			extra: job.extra,
			mode: 'real',
		};
		let outcome;
		if (job.workflow) {
			const run = await executeWorkflow(instance, job.workflowId, job.job);
			const rows = rowsChecked ? checkRows(run.rows, expectedIds) : {};
			outcome = {
				...LABELS[contender],
				note: contender === 'http-request-node' ? HTTP_NODE_SETTINGS[scenario.operation] : null,
				wallMs: run.jobMs,
				startedAt: run.startedAt,
				nodeMs: run.nodeMs,
				processMs: run.processMs,
				peakRssBytes: run.peakRssBytes,
				baselineRssBytes: run.baselineRssBytes,
				processHwmBytes: run.processHwmBytes,
				errors: {},
				failure: run.ok ? null : `the workflow failed: ${run.error}`,
				...rows,
			};
		} else {
			const spec = loadContender(contender);
			const result = await runScript({
				contender,
				operation: scenario.operation,
				webhookUrl: portal.webhookUrl,
				input: prepared.input,
				expectedIds: rowsChecked ? expectedIds : undefined,
			});
			outcome = {
				short: spec.short,
				label: spec.label,
				ours: false,
				note: spec.notes?.[scenario.operation] ?? null,
				...result,
			};
		}
		if (process.env.BENCH_DEBUG_LOG) {
			const at0 = outcome.startedAt ?? portal.log[0]?.at ?? 0;
			for (const entry of portal.log) {
				console.log(
					`    ${contender} #${entry.n} +${entry.at - at0} ms in flight ${entry.inFlight} ${entry.restMethod} ${entry.status}`,
				);
			}
		}
		const check = outcome.check ?? scenario.verify(portal, prepared, { rows: [] });
		return { ...base, ...outcome, check, ...requestStats(portal.log) };
	} finally {
		await portal.stop();
	}
}

module.exports = { runRealN8n, REAL_CONTENDERS, REAL_SCENARIOS };

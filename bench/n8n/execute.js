'use strict';

/**
 * Runs one imported workflow with `n8n execute` (a fresh n8n process per run), samples the
 * process's memory meanwhile, and reads the run n8n prints: when each node started and how long
 * it ran, and the output items of the last node of the job.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { sampleProcess } = require('./process-memory');

/**
 * @param {import('../../scripts/n8n/instance').N8nInstance} instance
 * @param {string} workflowId
 * @param {string[]} job the nodes whose time is the job's (in order; the last one's output is read)
 * @returns {Promise<{ok: boolean, error?: string, startedAt: number, jobMs: number, nodeMs: Record<string, number>,
 *   rows: object[], peakRssBytes: number, baselineRssBytes: number, processHwmBytes: number, processMs: number}>}
 */
async function executeWorkflow(instance, workflowId, job) {
	const outFile = path.join(instance.userFolder, `run-${workflowId}-${Date.now()}.json`);
	const out = fs.openSync(outFile, 'w');
	const started = Date.now();
	const child = spawn(
		instance.runtime.node,
		[
			// BENCH_N8N_NODE_ARGS: extra Node.js flags for n8n (profiling the benchmark itself).
			...(process.env.BENCH_N8N_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
			instance.runtime.n8n,
			'execute',
			`--id=${workflowId}`,
			'--rawOutput',
		],
		{ env: instance.env(), cwd: instance.userFolder, stdio: ['ignore', out, 'pipe'] },
	);
	const memory = sampleProcess(child.pid);
	let stderr = '';
	child.stderr.on('data', (chunk) => {
		stderr = (stderr + chunk).slice(-20000);
	});
	const code = await new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	memory.stop();
	fs.closeSync(out);
	const processMs = Date.now() - started;
	const stdout = fs.readFileSync(outFile, 'utf8');
	if (process.env.BENCH_KEEP_N8N_OUTPUT)
		fs.copyFileSync(outFile, `${process.env.BENCH_KEEP_N8N_OUTPUT}-${workflowId}.out`);
	fs.rmSync(outFile, { force: true });

	const start = stdout.indexOf('\n{\n') >= 0 ? stdout.indexOf('\n{\n') + 1 : stdout.indexOf('{\n');
	const end = stdout.lastIndexOf('\n}');
	let run;
	try {
		run = JSON.parse(stdout.slice(start, end + 2));
	} catch {
		return failed(
			`n8n execute printed no run (exit ${code}): ${(stdout.slice(-1500) + stderr.slice(-1500)).trim()}`,
		);
	}
	const runData = run.data?.resultData?.runData ?? {};
	const nodeMs = {};
	let from = Infinity;
	let to = 0;
	for (const name of job) {
		const task = runData[name]?.[0];
		if (!task) return failed(`node "${name}" did not run`);
		nodeMs[name] = task.executionTime;
		from = Math.min(from, task.startTime);
		to = Math.max(to, task.startTime + task.executionTime);
	}
	const last = runData[job[job.length - 1]][0];
	const error = run.data?.resultData?.error?.message ?? last.error?.message;
	return {
		ok: !error,
		error,
		startedAt: from,
		jobMs: to - from,
		nodeMs,
		rows: (last.data?.main?.[0] ?? []).map((item) => item.json),
		peakRssBytes: memory.peakBetween(started, to),
		baselineRssBytes: memory.lastBefore(from),
		processHwmBytes: memory.hwm,
		processMs,
	};

	function failed(message) {
		return {
			ok: false,
			error: message,
			startedAt: started,
			jobMs: 0,
			nodeMs: {},
			rows: [],
			peakRssBytes: memory.hwm,
			baselineRssBytes: 0,
			processHwmBytes: memory.hwm,
			processMs,
		};
	}
}

module.exports = { executeWorkflow };

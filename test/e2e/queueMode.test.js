// The packed package in n8n's queue mode: n8n 2.40.7 on a fresh PostgreSQL database and Redis,
// one main, one webhook process and two workers, started with exactly the commands and
// environment of docker/queue-mode/processes.js (which docker-compose.yml is written from).
// Every trigger of the package (test/e2e/queue/triggers.js) gets events; the suite checks where
// each part ran — which process made each request to the portal (attribution.js), which process
// queued and which worker ran each execution (their logs) — and that every event made exactly
// one execution and one action.
const fs = require('fs');

const { startSandbox } = require('./harness');
const { QueueDeployment } = require('./queue/deployment');
const { RequestAttribution } = require('./queue/attribution');
const { openDatabase } = require('./queue/services');
const { executionsOf, isFinished, whereExecutionsRan } = require('./queue/executions');
const { TRIGGERS, eventually, triggerRequests } = require('./queue/triggers');
const { PROCESSES, environment } = require('../../docker/queue-mode/processes');

/** What the operating system, not the deployment, gives a process (a container has its own). */
const OS_VARIABLES = ['PATH', 'HOME', 'TMPDIR', 'N8N_USER_FOLDER', 'NODE_ENV'];

const sorted = (values) => [...values].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
const byRole = (role) => PROCESSES.filter((p) => p.role === role).map((p) => p.service);
const WORKERS = byRole('worker');
const [MAIN] = byRole('main');
const [WEBHOOK] = byRole('webhook');

describe('queue mode: one main, a webhook process and two workers on PostgreSQL and Redis', () => {
	const state = JSON.parse(fs.readFileSync(process.env.BITRIX24_E2E_STATE, 'utf8'));
	/** @type {QueueDeployment} */
	let deployment;
	let sandbox;
	/** @type {RequestAttribution} */
	let attribution;
	let db;
	let ctx;
	/** Trigger case → ids of the events it raised. */
	const fired = new Map();
	/** Trigger case → its executions once all ran. */
	const executions = new Map();
	let ran;
	let stopped;

	const executionsOfCase = (c) => executionsOf(db, state.runtime, c.workflow.id, c.triggerNode);

	/** The end of every process's log, for a failure's message (the folders go at clean-up). */
	const logTails = () =>
		(deployment?.processes ?? [])
			.map(
				(p) => `--- ${p.spec.service} (${p.instance.logFile}):\n${p.instance.log().slice(-1500)}`,
			)
			.join('\n');

	beforeAll(async () => {
		try {
			await run();
		} catch (error) {
			error.message = `${error.message}\n${logTails()}`;
			throw error;
		}
	}, 600000);

	async function run() {
		sandbox = await startSandbox();
		deployment = new QueueDeployment({ runtime: state.runtime, tarball: state.tarball });
		await deployment.prepare();
		attribution = new RequestAttribution(sandbox.server, () => deployment.pids());
		ctx = { sandbox, deployment, attribution };

		for (const c of TRIGGERS) await c.seed?.(ctx);
		const credentials = new Map();
		for (const c of TRIGGERS)
			for (const credential of c.credentials(sandbox)) credentials.set(credential.id, credential);
		await deployment.main.importCredentials([...credentials.values()]);
		await deployment.main.importWorkflows(TRIGGERS.map((c) => c.workflow));
		for (const c of TRIGGERS) await deployment.main.publishWorkflow(c.workflow.id);

		await deployment.start();
		db = await openDatabase(state.runtime, deployment.name);
		for (const c of TRIGGERS) await c.ready(ctx);
		for (const c of TRIGGERS) fired.set(c, await c.fire(ctx));

		await sandbox.flushEvents();
		for (const c of TRIGGERS) {
			const expected = fired.get(c).length;
			const done = await eventually(async () => {
				const list = await executionsOfCase(c);
				const items = list.reduce((n, e) => n + e.items.length, 0);
				const complete = c.perEvent ? list.length >= expected : items >= expected;
				return complete && list.every(isFinished) && c.actionIds(ctx).length >= expected && list;
			}, `${c.name}: ${expected} events to run`);
			executions.set(c, done);
		}
		// A poll after the one that found the events must find nothing again: the cursor the main
		// saved survived the worker's run of the execution.
		for (const c of TRIGGERS.filter((t) => !t.perEvent)) {
			const polls = triggerRequests(c, ctx).length;
			await eventually(() => triggerRequests(c, ctx).length > polls, `${c.name}: one more poll`);
			executions.set(c, await executionsOfCase(c));
		}
		ran = whereExecutionsRan(
			Object.fromEntries(PROCESSES.map((p) => [p.service, deployment.log(p.service)])),
		);
	}

	async function stop() {
		if (stopped) return stopped;
		attribution?.detach();
		await db?.end();
		stopped = deployment ? await deployment.stop() : {};
		for (const c of TRIGGERS) await c.stop?.(ctx);
		await sandbox?.stop();
		return stopped;
	}

	afterAll(async () => {
		await stop();
	}, 120000);

	it('runs the processes of docker/queue-mode/processes.js with exactly their commands and environment', async () => {
		for (const { spec, instance } of deployment.processes) {
			expect(instance.command).toEqual(spec.command);
			const env = { ...instance.env() };
			for (const key of OS_VARIABLES) delete env[key];
			expect(env).toEqual(environment(spec, deployment.deployment));
		}
		expect(Object.keys(deployment.pids())).toEqual(PROCESSES.map((p) => p.service));
		// Production webhooks are not served by the main.
		const [webhookCase] = TRIGGERS.filter((c) => c.webhookPath);
		const onMain = await fetch(`${deployment.main.url}${webhookCase.webhookPath}`, {
			method: 'POST',
		});
		expect(onMain.status).toBe(404);
	});

	describe.each(TRIGGERS.map((c) => [c.name, c]))('%s', (name, c) => {
		const trigger = c.runsOn === 'webhook' ? WEBHOOK : MAIN;

		it('makes exactly one execution per event (one per poll that finds any), each event once', () => {
			const list = executions.get(c);
			const ids = fired.get(c);
			expect(ids.length).toBeGreaterThan(0);
			if (c.perEvent) expect(list).toHaveLength(ids.length);
			else expect(list).toHaveLength(1);
			expect(list.map((e) => e.status)).toEqual(list.map(() => 'success'));
			expect(sorted(list.flatMap((e) => e.items.map(c.eventId)))).toEqual(sorted(ids));
			expect(sorted(c.actionIds(ctx))).toEqual(sorted(ids));
		});

		it(`has its executions queued by ${trigger} and each run by one worker`, () => {
			for (const execution of executions.get(c)) {
				const where = ran.get(execution.id);
				expect({ id: execution.id, enqueuedBy: where?.enqueuedBy }).toEqual({
					id: execution.id,
					enqueuedBy: [trigger],
				});
				expect(where.ranOn).toHaveLength(1);
				expect(WORKERS).toContain(where.ranOn[0]);
			}
		});

		it(`runs the trigger on ${trigger} only`, () => {
			const triggerCalls = triggerRequests(c, ctx);
			expect(triggerCalls.length).toBeGreaterThan(0);
			expect(RequestAttribution.byProcess(triggerCalls)).toEqual({
				[trigger]: triggerCalls.length,
			});
		});

		if (c.deliveries) {
			it('got every event delivered to the webhook process and answered', () => {
				const deliveries = c.deliveries(ctx);
				expect(deliveries).toHaveLength(fired.get(c).length);
				expect(deliveries.every((d) => d.status === 200)).toBe(true);
				expect(
					deliveries.every((d) => d.handler.startsWith(`${deployment.webhookUrl}/webhook/`)),
				).toBe(true);
			});
		}
	});

	it('runs every action on the workers: each message the workflows post is sent by a worker', () => {
		// The test's own calls are the portal user's doing (updating deals, adding tasks and leads).
		const actionCalls = attribution
			.calls(...new Set(TRIGGERS.flatMap((c) => c.actionCalls)))
			.filter((call) => call.process !== 'test');
		expect(actionCalls.length).toBeGreaterThan(0);
		const byProcess = RequestAttribution.byProcess(actionCalls);
		expect(Object.keys(byProcess).sort()).toEqual([...WORKERS].sort());
	});

	it('polls on the main only, never on the webhook process or a worker', () => {
		const polls = TRIGGERS.filter((c) => c.runsOn === 'main' && !c.perEvent).flatMap((c) =>
			triggerRequests(c, ctx),
		);
		// The poll at activation, the one that found the leads, and one more.
		expect(polls.length).toBeGreaterThanOrEqual(3);
		expect(RequestAttribution.byProcess(polls)).toEqual({ [MAIN]: polls.length });
	});

	it('subscribes self-subscribing triggers from the main, to the webhook process', () => {
		const subscriptions = attribution.calls('event.bind', 'event.test');
		expect(subscriptions.length).toBeGreaterThan(0);
		expect(RequestAttribution.byProcess(subscriptions)).toEqual({ [MAIN]: subscriptions.length });
		const handlers = sandbox.eventBindings().map((b) => b.handler);
		expect(handlers.every((h) => h.startsWith(`${deployment.webhookUrl}/webhook/`))).toBe(true);
	});

	it('shares the executions between both workers, running each once', () => {
		const all = [...executions.values()].flat();
		const perWorker = Object.fromEntries(WORKERS.map((w) => [w, 0]));
		for (const execution of all)
			for (const worker of ran.get(execution.id).ranOn) perWorker[worker]++;
		expect(Object.values(perWorker).reduce((a, b) => a + b, 0)).toBe(all.length);
		for (const worker of WORKERS) expect(perWorker[worker]).toBeGreaterThan(0);
		const portalCallsBy = {};
		for (const { process: name, restMethod, path } of attribution.entries) {
			const what = restMethod ?? path;
			portalCallsBy[name] = {
				...portalCallsBy[name],
				[what]: (portalCallsBy[name]?.[what] ?? 0) + 1,
			};
		}
		const refused = sandbox.log.filter((entry) => entry.status === 503).length;
		process.stdout.write(
			`queue mode: ${[...fired].map(([c, ids]) => `${c.name}: ${ids.length} events → ${executions.get(c).length} executions`).join('; ')}; ` +
				`executions per worker ${JSON.stringify(perWorker)}; portal requests per process ${JSON.stringify(portalCallsBy)}; ` +
				`refused by the portal's rate limit (503, retried): ${refused} of ${sandbox.log.length}\n`,
		);
	});

	it('leaves no database or Redis keys behind', async () => {
		const { redisKeysLeft } = await stop();
		expect(redisKeysLeft).toBe(0);
		const admin = await openDatabase(state.runtime, 'postgres');
		try {
			const { rows } = await admin.query('select 1 from pg_database where datname = $1', [
				deployment.name,
			]);
			expect(rows).toEqual([]);
		} finally {
			await admin.end();
		}
	}, 120000);
});

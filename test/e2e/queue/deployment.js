// The queue-mode deployment of docker/queue-mode/processes.js on this machine: the same n8n
// processes with the same commands and environment as the compose file, each with a user folder
// of its own (as each container has its own file system) holding the packed package, sharing a
// fresh PostgreSQL database and Redis under prefixes of this run.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { N8nInstance } = require('../../../scripts/n8n/instance');
const { PROCESSES, environment, readyUrl } = require('../../../docker/queue-mode/processes');
const services = require('./services');

const HOST = '127.0.0.1';

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function portsFor() {
	const [http, broker, health] = [await freePort(), await freePort(), await freePort()];
	return { http: String(http), broker: String(broker), health: String(health) };
}

class QueueDeployment {
	/**
	 * @param {{ runtime: import('../../../scripts/n8n/runtime').Runtime, tarball: string,
	 *   name?: string, timezone?: string }} options name: the run's database and Redis prefix
	 */
	constructor({ runtime, tarball, name = services.runName(), timezone = 'UTC' }) {
		this.runtime = runtime;
		this.tarball = tarball;
		this.name = name;
		this.timezone = timezone;
		this.redisPrefixes = [name, `${name}-bull`];
		/** @type {{ spec: typeof PROCESSES[number], instance: N8nInstance, env: Record<string, string> }[]} */
		this.processes = [];
		this.databaseCreated = false;
	}

	/** Creates the database and the processes' user folders with the package installed. */
	async prepare() {
		await services.checkRedis(this.runtime);
		await services.createDatabase(this.runtime, this.name);
		this.databaseCreated = true;
		const ports = new Map();
		for (const spec of PROCESSES) ports.set(spec.service, await portsFor());
		const portOf = (role) => ports.get(PROCESSES.find((spec) => spec.role === role).service).http;
		/** @type {import('../../../docker/queue-mode/processes').Deployment} */
		this.deployment = {
			encryptionKey: `queue-e2e-${this.name}`,
			postgres: {
				host: services.POSTGRES.host,
				port: String(services.POSTGRES.port),
				database: this.name,
				user: services.POSTGRES.user,
				password: services.POSTGRES.password,
			},
			redis: {
				host: services.REDIS.host,
				port: String(services.REDIS.port),
				db: String(services.REDIS.db),
				keyPrefix: this.redisPrefixes[0],
				queuePrefix: this.redisPrefixes[1],
			},
			webhookUrl: `http://${HOST}:${portOf('webhook')}/`,
			editorUrl: `http://${HOST}:${portOf('main')}/`,
			timezone: this.timezone,
			ports: (spec) => ports.get(spec.service),
		};
		let installed;
		for (const spec of PROCESSES) {
			const userFolder = fs.mkdtempSync(
				path.join(os.tmpdir(), `bitrix24-e2e-queue-${spec.service}-`),
			);
			const env = environment(spec, this.deployment);
			const instance = new N8nInstance({
				runtime: this.runtime,
				userFolder,
				port: Number(ports.get(spec.service).http),
				command: spec.command,
				plainEnv: true,
				env,
				readyUrl: readyUrl(spec, HOST, ports.get(spec.service)),
			});
			// One install, copied: the same files in every process, like one image.
			const nodes = path.join(userFolder, '.n8n', 'nodes');
			if (installed) fs.cpSync(installed, nodes, { recursive: true });
			else {
				await instance.installPackage(this.tarball);
				installed = nodes;
			}
			this.processes.push({ spec, instance, env });
		}
	}

	byService(service) {
		return this.processes.find((p) => p.spec.service === service);
	}

	get main() {
		return this.processes.find((p) => p.spec.role === 'main').instance;
	}

	get webhook() {
		return this.processes.find((p) => p.spec.role === 'webhook').instance;
	}

	get workers() {
		return this.processes.filter((p) => p.spec.role === 'worker').map((p) => p.instance);
	}

	/** The public URL of the webhook process (N8N_WEBHOOK_URL), without the trailing '/'. */
	get webhookUrl() {
		return this.deployment.webhookUrl.replace(/\/$/, '');
	}

	/** n8n CLI commands (import, publish) run with the main's environment. */
	cli(args) {
		return this.main.cliOrThrow(args);
	}

	/** Starts every process once those it waits for are ready; parallel where allowed. */
	async start() {
		const started = new Map();
		const startOne = (p) => {
			if (!started.has(p.spec.service)) {
				started.set(
					p.spec.service,
					Promise.all(p.spec.after.map((service) => startOne(this.byService(service)))).then(() =>
						p.instance.start({ timeoutMs: 180000 }),
					),
				);
			}
			return started.get(p.spec.service);
		};
		await Promise.all(this.processes.map(startOne));
	}

	/** Process name → pid of the running processes. */
	pids() {
		return Object.fromEntries(this.processes.map((p) => [p.spec.service, p.instance.pid]));
	}

	log(service) {
		return this.byService(service).instance.log();
	}

	/** Stops every process, drops the database, deletes the Redis keys; reports what it left. */
	async stop({ keepFolders = false } = {}) {
		await Promise.all(this.processes.map((p) => p.instance.stop()));
		if (!keepFolders) {
			for (const p of this.processes)
				fs.rmSync(p.instance.userFolder, { recursive: true, force: true });
		}
		if (this.databaseCreated) await services.dropDatabase(this.runtime, this.name);
		await services.deleteRedisKeys(this.runtime, this.redisPrefixes);
		return { redisKeysLeft: await services.countRedisKeys(this.runtime, this.redisPrefixes) };
	}
}

module.exports = { QueueDeployment };

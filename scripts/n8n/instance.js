// Drives one real n8n: its user folder, the packed package installed as a community package,
// CLI imports and executions, and `n8n start` with a provisioned owner account. In queue mode one
// instance per process: `command` picks `start`, `webhook` or `worker`, `plainEnv` runs it with
// exactly the environment it is given (no demo defaults), `readyUrl` tells when it is up.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const PACKAGE_NAME = 'n8n-nodes-bitrix24';
/** How the package is installed into n8n's community-node folder (docker/queue-mode/Dockerfile too). */
const PACKAGE_INSTALL_ARGS = ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', '--loglevel=error'];

class N8nInstance {
	/**
	 * @param {{ runtime: import('./runtime').Runtime, userFolder: string, port?: number,
	 *   env?: Record<string, string>, echo?: boolean,
	 *   owner?: { email: string, password: string, firstName?: string, lastName?: string },
	 *   command?: string[], plainEnv?: boolean, readyUrl?: string }} options
	 *   command: the n8n command and its flags (default `start`); plainEnv: pass n8n only `env`,
	 *   its user folder and what the OS needs (PATH, HOME, TMPDIR); readyUrl: a URL that answers
	 *   200 once the process is up (a webhook process or a worker serves no REST API).
	 */
	constructor({ runtime, userFolder, port = 5678, env = {}, owner, echo = false, command = ['start'], plainEnv = false, readyUrl }) {
		/** Also show n8n's own output on this process's console. */
		this.echo = echo;
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.port = port;
		this.extraEnv = env;
		this.owner = owner;
		this.command = command;
		this.plainEnv = plainEnv;
		this.readyUrl = readyUrl;
		this.process = null;
		this.logFile = path.join(userFolder, 'n8n.log');
		fs.mkdirSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	}

	get url() {
		return `http://localhost:${this.port}`;
	}

	env() {
		if (this.plainEnv) {
			const system = {};
			for (const key of ['HOME', 'TMPDIR']) if (process.env[key]) system[key] = process.env[key];
			return {
				...system,
				PATH: `${path.join(this.runtime.nodeHome, 'bin')}${path.delimiter}${process.env.PATH}`,
				N8N_USER_FOLDER: this.userFolder,
				...this.ownerEnv(),
				...this.extraEnv,
				// As in n8n's Docker image.
				NODE_ENV: 'production',
			};
		}
		const env = {
			...process.env,
			PATH: `${path.join(this.runtime.nodeHome, 'bin')}${path.delimiter}${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1),
			N8N_ENCRYPTION_KEY: 'n8n-nodes-bitrix24-local-only',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_WEBHOOK_URL: `${this.url}/`,
			GENERIC_TIMEZONE: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
			...this.ownerEnv(),
			...this.extraEnv,
		};
		// A test runner's NODE_ENV=test makes n8n silent and skips parts of its start-up.
		for (const key of Object.keys(env)) {
			if (key === 'NODE_OPTIONS' || key === 'npm_config_nodedir' || key.startsWith('JEST_')) delete env[key];
		}
		env.NODE_ENV = 'production';
		return env;
	}

	ownerEnv() {
		if (!this.owner) return {};
		const bcrypt = require(path.join(this.runtime.dir, 'node_modules', 'bcryptjs'));
		return {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: this.owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: this.owner.firstName ?? 'Demo',
			N8N_INSTANCE_OWNER_LAST_NAME: this.owner.lastName ?? 'Owner',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(this.owner.password, 10),
		};
	}

	/**
	 * Runs an n8n CLI command to completion. Its standard output goes to a file: n8n exits as soon
	 * as it is done, and output still queued on a pipe (megabytes of `execute --rawOutput`) is lost.
	 */
	cli(args) {
		const outFile = path.join(this.userFolder, `cli-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.out`);
		const out = fs.openSync(outFile, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(this.runtime.node, [this.runtime.n8n, ...args], {
				env: this.env(),
				cwd: this.userFolder,
				stdio: ['ignore', out, 'pipe'],
			});
			let stderr = '';
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('error', reject);
			child.on('close', (code) => {
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				resolve({ code, stdout, stderr });
			});
		}).finally(() => fs.closeSync(out));
	}

	async cliOrThrow(args) {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`);
		}
		return result;
	}

	/** Installs the packed package the way n8n installs a community package. */
	installPackage(tarball) {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true }));
		return new Promise((resolve, reject) => {
			const child = spawn('npm', [...PACKAGE_INSTALL_ARGS, tarball], {
				cwd: nodesDir,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let output = '';
			child.stdout.on('data', (chunk) => (output += chunk));
			child.stderr.on('data', (chunk) => (output += chunk));
			child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm install ${tarball} failed:\n${output}`))));
		});
	}

	async importJson(kind, data) {
		const file = path.join(this.userFolder, `import-${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
		fs.writeFileSync(file, JSON.stringify(data));
		try {
			await this.cliOrThrow([`import:${kind}`, `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** @param {Array<{ id: string, name: string, type: string, data: object }>} credentials */
	async importCredentials(credentials) {
		await this.importJson('credentials', credentials);
	}

	async importWorkflow(workflow) {
		await this.importJson('workflow', workflow);
	}

	/** Imports many workflows with one CLI run (each run is a cold n8n start of several seconds). */
	async importWorkflows(workflows) {
		await this.importJson('workflow', workflows);
	}

	async publishWorkflow(id) {
		await this.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}

	/** Executes a workflow that starts with a Manual Trigger; returns n8n's run (IRun) JSON. */
	async execute(id) {
		const { code, stdout, stderr } = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		// The run is the JSON block from a line "{" to a line "}"; n8n may log lines around it.
		const match = /^\{$[\s\S]*?^\}$/m.exec(stdout);
		try {
			if (match) return JSON.parse(match[0]);
		} catch {
			// reported below
		}
		throw new Error(
			`n8n execute --id=${id} printed no run (exit ${code}):\n${(stdout + stderr).slice(-3000)}`,
		);
	}

	/** The operating-system process id of the running n8n, or undefined. */
	get pid() {
		return this.process?.pid;
	}

	/** Starts `n8n start` (or the given command) and resolves once it is ready. */
	async start({ timeoutMs = 120000 } = {}) {
		const log = fs.createWriteStream(this.logFile, { flags: 'a' });
		this.process = spawn(this.runtime.node, [this.runtime.n8n, ...this.command], {
			env: this.env(),
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.process.stdout.pipe(log);
		this.process.stderr.pipe(log);
		if (this.echo) {
			this.process.stdout.pipe(process.stdout);
			this.process.stderr.pipe(process.stderr);
		}
		const exited = new Promise((resolve) => this.process.once('exit', resolve));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const code = await Promise.race([exited.then(() => 'exited'), delay(500)]);
			if (code === 'exited') throw new Error(`n8n exited during start-up; see ${this.logFile}:\n${this.log().slice(-3000)}`);
			if (await this.healthy()) return;
		}
		await this.stop();
		throw new Error(`n8n was not ready at ${this.url} within ${timeoutMs / 1000} s:\n${this.log().slice(-3000)}`);
	}

	/** Ready once the database is migrated and the REST API answers (not just /healthz). */
	async healthy() {
		try {
			if (this.readyUrl) return (await fetch(this.readyUrl)).ok;
			const readiness = await fetch(`${this.url}/healthz/readiness`);
			if (!readiness.ok) return false;
			const settings = await fetch(`${this.url}/rest/settings`);
			return settings.ok && (settings.headers.get('content-type') ?? '').includes('json');
		} catch {
			return false;
		}
	}

	/** Logs in as the provisioned owner; later `get` calls send the session cookie. */
	async login() {
		if (!this.owner) throw new Error('login needs an owner account (pass `owner`)');
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: this.owner.email, password: this.owner.password }),
		});
		if (!response.ok) throw new Error(`n8n login failed: HTTP ${response.status} ${await response.text()}`);
		this.cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')])
			.filter(Boolean)
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
	}

	/** GET a path of n8n's own API as the logged-in owner. */
	async get(pathname) {
		const request = () =>
			fetch(`${this.url}${pathname}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
		// A kept-alive connection n8n has just closed fails once ("other side closed"); a GET can repeat.
		const response = await request().catch(request);
		if (!response.ok) throw new Error(`GET ${pathname}: HTTP ${response.status} ${await response.text()}`);
		return await response.json();
	}

	/**
	 * n8n activates published workflows in the background after start-up: wait until a production
	 * webhook for POST exists (a GET then gets "not registered for GET requests", not "unknown").
	 */
	async waitForWebhook(pathname, { timeoutMs = 60000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const response = await fetch(`${this.url}${pathname}`).catch(() => undefined);
			const text = response ? await response.text() : '';
			if (response && (response.status !== 404 || text.includes('Did you mean to make a POST request'))) return;
			await delay(500);
		}
		throw new Error(`${pathname} was not registered within ${timeoutMs / 1000} s:\n${this.log().slice(-2000)}`);
	}

	log() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** Stops n8n gracefully (SIGTERM), then forcefully after the grace period. */
	async stop({ graceMs = 20000 } = {}) {
		const child = this.process;
		this.process = null;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const result = await Promise.race([exited.then(() => 'exited'), delay(graceMs)]);
		if (result !== 'exited') {
			child.kill('SIGKILL');
			await exited;
		}
	}
}

/** A pause that does not by itself keep the process alive (the n8n child process does). */
function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

module.exports = { N8nInstance, PACKAGE_NAME, PACKAGE_INSTALL_ARGS, delay };

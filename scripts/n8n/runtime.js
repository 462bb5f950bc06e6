// Installs a pinned real n8n (and the Node 24 it needs) once, in a cache folder outside the
// repository, and tells where its binaries are. Used by `npm start` and the end-to-end tests.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const N8N_VERSION = process.env.N8N_VERSION || '2.40.7';
const NODE24_VERSION = process.env.N8N_NODE_VERSION || '24.21.0';

function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return process.env.N8N_CACHE_DIR || path.join(base, 'n8n-nodes-bitrix24');
}

/**
 * @typedef {object} Runtime
 * @property {string} dir       install folder
 * @property {string} node      Node 24 binary
 * @property {string} nodeHome  folder with Node 24's bin/ and include/
 * @property {string} n8n       n8n's CLI script (run it with `node`)
 * @property {string} version   n8n version
 */

/** @returns {Runtime} */
function runtimePaths(version = N8N_VERSION) {
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	const nodeHome = path.join(dir, 'node_modules', `node-${process.platform}-${process.arch}`);
	return {
		dir,
		nodeHome,
		node: path.join(nodeHome, 'bin', 'node'),
		n8n: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		version,
	};
}

function run(command, args, options, log) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const heartbeat = setInterval(() => log(`  … still working (${Math.round((Date.now() - started) / 1000)} s)`), 20000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
		});
	});
}

function isReady(paths, marker) {
	return fs.existsSync(marker) && fs.existsSync(paths.n8n) && fs.existsSync(paths.node);
}

const STALE_LOCK_MS = 30 * 60 * 1000;

/**
 * Takes the install lock, or waits while another process (an `npm start` beside `npm test`)
 * installs into the same folder. Resolves true when this process holds the lock, false when
 * the other install ended while waiting.
 */
async function acquireLock(lock, log) {
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			return true;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		let age;
		try {
			age = Date.now() - fs.statSync(lock).mtimeMs;
		} catch {
			return false; // released between mkdir and stat
		}
		if (age > STALE_LOCK_MS) {
			log(`Removing a stale install lock (${Math.round(age / 60000)} min old): ${lock}`);
			fs.rmSync(lock, { recursive: true, force: true });
			continue;
		}
		if (!announced) log(`Another process is installing n8n into ${path.dirname(lock)}; waiting for it…`);
		announced = true;
		await new Promise((resolve) => setTimeout(resolve, 2000));
		if (!fs.existsSync(lock)) return false;
	}
}

/** n8n dies at start-up with "SQLite package has not been found" when this fails. */
async function verifySqlite(paths, env, log) {
	const probe =
		"const n8nRequire = require('module').createRequire(require.resolve('n8n/package.json'));" +
		"const sqlite3 = n8nRequire('sqlite3');" +
		"const db = new sqlite3.Database(':memory:');" +
		"db.get('select sqlite_version() as v', (e, row) => { if (e) throw e; console.log(row.v); db.close(); });";
	try {
		const version = await run(paths.node, ['-e', probe], { cwd: paths.dir, env }, log);
		log(`  SQLite driver loads (SQLite ${version.trim()}).`);
	} catch (error) {
		throw new Error(`The SQLite driver n8n needs did not build, so n8n cannot start. ${error.message}`);
	}
}

function freeDiskGb(dir) {
	try {
		const stats = fs.statfsSync(dir);
		return (stats.bavail * stats.bsize) / 1024 ** 3;
	} catch {
		return Infinity;
	}
}

/**
 * Makes sure the pinned n8n is installed and returns its paths. The first install takes a few
 * minutes and about 3 GB: npm installs n8n with install scripts off (some optional packages
 * would download from the internet), then only the SQLite driver n8n needs is built against
 * Node 24's headers.
 * @param {{ version?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<Runtime>}
 */
async function ensureN8n({ version = N8N_VERSION, log = (line) => console.log(line) } = {}) {
	const paths = runtimePaths(version);
	// `.ready` markers of earlier installers were written without checking the SQLite driver.
	const marker = path.join(paths.dir, '.ready-checked');
	if (isReady(paths, marker)) return paths;

	fs.mkdirSync(paths.dir, { recursive: true });
	const free = freeDiskGb(paths.dir);
	if (free < 4) log(`Warning: only ${free.toFixed(1)} GB free in ${paths.dir}; the n8n install needs about 3 GB.`);

	const lock = path.join(paths.dir, '.installing');
	if (!(await acquireLock(lock, log))) {
		// Another process finished the install while this one waited for it.
		if (isReady(paths, marker)) return paths;
		return ensureN8n({ version, log });
	}
	try {
		const started = Date.now();
		log(`Installing n8n ${version} with Node ${NODE24_VERSION} into ${paths.dir} (first run only, takes a few minutes)…`);
		fs.writeFileSync(
			path.join(paths.dir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-runtime',
					private: true,
					dependencies: { [`node-${process.platform}-${process.arch}`]: NODE24_VERSION, n8n: version },
				},
				null,
				2,
			),
		);
		const env = {
			...process.env,
			PATH: `${path.join(paths.nodeHome, 'bin')}${path.delimiter}${process.env.PATH}`,
			npm_config_nodedir: paths.nodeHome,
			npm_config_update_notifier: 'false',
		};
		log('  1/2 downloading packages (npm install, scripts off)…');
		await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: paths.dir, env }, log);
		log('  2/2 building the SQLite driver for Node 24…');
		// A project's `.npmrc` (this repository's says ignore-scripts=true) reaches nested npm runs
		// through npm_config_* variables; a rebuild with scripts off "succeeds" without building.
		await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], { cwd: paths.dir, env: { ...env, npm_config_ignore_scripts: 'false' } }, log);
		await verifySqlite(paths, env, log);
		const check = await run(paths.node, [paths.n8n, '--version'], { cwd: paths.dir, env }, log);
		fs.writeFileSync(marker, JSON.stringify({ n8n: check.trim(), node: NODE24_VERSION }));
		log(`n8n ${check.trim()} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
		return paths;
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

module.exports = { ensureN8n, runtimePaths, cacheRoot, acquireLock, verifySqlite, N8N_VERSION };

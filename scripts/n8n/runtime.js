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
	const marker = path.join(paths.dir, '.ready');
	if (fs.existsSync(marker) && fs.existsSync(paths.n8n) && fs.existsSync(paths.node)) return paths;

	fs.mkdirSync(paths.dir, { recursive: true });
	const free = freeDiskGb(paths.dir);
	if (free < 4) log(`Warning: only ${free.toFixed(1)} GB free in ${paths.dir}; the n8n install needs about 3 GB.`);

	const lock = path.join(paths.dir, '.installing');
	try {
		fs.mkdirSync(lock);
	} catch {
		const age = Date.now() - fs.statSync(lock).mtimeMs;
		if (age < 30 * 60 * 1000) {
			throw new Error(`Another n8n install is running in ${paths.dir} (remove ${lock} if it is stale).`);
		}
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
		await run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], { cwd: paths.dir, env }, log);
		const check = await run(paths.node, [paths.n8n, '--version'], { cwd: paths.dir, env }, log);
		fs.writeFileSync(marker, JSON.stringify({ n8n: check.trim(), node: NODE24_VERSION }));
		log(`n8n ${check.trim()} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
		return paths;
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

module.exports = { ensureN8n, runtimePaths, cacheRoot, N8N_VERSION };

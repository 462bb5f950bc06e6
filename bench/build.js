'use strict';

/**
 * The package's node, compiled for the benchmark into its own folder under node_modules/.cache
 * (never dist/, which `npm start` and the end-to-end tests use): TypeScript's compiler with the
 * project's tsconfig, run again whenever a file under nodes/ or credentials/ is newer.
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const BUILD_DIR = path.join(ROOT, 'node_modules/.cache/n8n-nodes-bitrix24-bench');
const NODE_FILE = path.join(BUILD_DIR, 'nodes/Bitrix24/Bitrix24.node.js');

/** Newest modification time of the files under `dir` (ms). */
function newestMtime(dir) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath ?? entry.path, entry.name);
		newest = Math.max(newest, fs.statSync(file).mtimeMs);
	}
	return newest;
}

/** Compiles nodes/ and credentials/ into BUILD_DIR unless it is up to date. */
function ensureBuild() {
	const sources = Math.max(
		newestMtime(path.join(ROOT, 'nodes')),
		newestMtime(path.join(ROOT, 'credentials')),
		fs.statSync(path.join(ROOT, 'tsconfig.json')).mtimeMs,
	);
	if (fs.existsSync(NODE_FILE) && fs.statSync(NODE_FILE).mtimeMs >= sources) return;
	console.log(`Compiling the node for the benchmark (${path.relative(ROOT, BUILD_DIR)})`);
	fs.rmSync(BUILD_DIR, { recursive: true, force: true });
	const tsc = require.resolve('typescript/bin/tsc');
	const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', BUILD_DIR], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	if (build.status !== 0)
		throw new Error('TypeScript compilation of nodes/ and credentials/ failed');
}

module.exports = { ensureBuild, BUILD_DIR };

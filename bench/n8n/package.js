'use strict';

/**
 * The package as `npm run build` lays it out (tsc's output, the icons and the codex files under
 * dist/, the package.json), put where n8n loads community packages from: the benchmark's own
 * compile (bench/build.js) is reused, so no second build, pack and npm install is needed.
 */

const fs = require('node:fs');
const path = require('node:path');
const { BUILD_DIR } = require('../build');

const ROOT = path.join(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-bitrix24';

/** Files gulp copies next to the compiled code (see gulpfile.js). */
function assets() {
	const found = [];
	for (const top of ['nodes', 'credentials', 'icons']) {
		const dir = path.join(ROOT, top);
		if (!fs.existsSync(dir)) continue;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
			if (!entry.isFile()) continue;
			if (!/\.svg$|\.node\.json$/.test(entry.name)) continue;
			if (top === 'icons' && !entry.name.endsWith('.svg')) continue;
			found.push(path.relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name)));
		}
	}
	return found;
}

/**
 * Installs the compiled package into an n8n user folder as a community package.
 * @param {string} userFolder N8N_USER_FOLDER
 */
function installCompiledPackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.cpSync(BUILD_DIR, path.join(target, 'dist'), { recursive: true });
	for (const file of assets()) {
		const to = path.join(target, 'dist', file);
		fs.mkdirSync(path.dirname(to), { recursive: true });
		fs.copyFileSync(path.join(ROOT, file), to);
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	delete manifest.devDependencies;
	delete manifest.scripts;
	fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE_NAME]: manifest.version },
			},
			null,
			2,
		),
	);
	return target;
}

module.exports = { installCompiledPackage };

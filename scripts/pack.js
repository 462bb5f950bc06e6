// Builds the package and packs it as npm would publish it; returns the tarball's path.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

/** @param {{ outDir: string, build?: boolean, log?: (line: string) => void }} options */
function buildAndPack({ outDir, build = true, log = (line) => console.log(line) }) {
	fs.mkdirSync(outDir, { recursive: true });
	if (build) {
		log('Building the package (npm run build)…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'ignore'],
	}).toString();
	const [{ filename }] = JSON.parse(output);
	return path.join(outDir, path.basename(filename));
}

module.exports = { buildAndPack, root };

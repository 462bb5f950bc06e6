const { spawn } = require('child_process');
const { rmSync } = require('fs');
const path = require('path');
const { src, dest, series, parallel } = require('gulp');

function clean(done) {
	rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

function compile() {
	const tsc = require.resolve('typescript/bin/tsc');
	return spawn(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
}

function icons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'icons/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function codex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.clean = clean;
exports.build = series(clean, compile, parallel(icons, codex));
exports.default = exports.build;

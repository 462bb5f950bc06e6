// The n8n installer behind `npm start` and the end-to-end tests, run against a fake npm: it must not
// mark an install ready whose SQLite driver does not load, must build the driver even when the
// caller's npm configuration turns install scripts off, and must wait for a concurrent install.
const fs = require('fs');
const os = require('os');
const path = require('path');

const RUNTIME = path.join(__dirname, '..', '..', 'scripts', 'n8n', 'runtime.js');

/**
 * A fake `npm` on PATH. `install` lays out n8n, Node and a SQLite driver that only loads once
 * `rebuild` ran with install scripts on — resolved the way npm resolves the setting: a command-line
 * flag beats npm_config_ignore_scripts, which beats the default (scripts on).
 */
function fakeNpm(dir, { rebuildBreaks = false } = {}) {
	const bin = path.join(dir, 'bin');
	fs.mkdirSync(bin, { recursive: true });
	const script = `#!${process.execPath}
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
const cwd = process.cwd();
fs.appendFileSync(path.join(${JSON.stringify(dir)}, 'npm-calls.log'), args.join(' ') + '\\n');
const modules = path.join(cwd, 'node_modules');
if (args[0] === 'install') {
	const nodeBin = path.join(modules, 'node-' + process.platform + '-' + process.arch, 'bin');
	fs.mkdirSync(nodeBin, { recursive: true });
	if (!fs.existsSync(path.join(nodeBin, 'node'))) fs.symlinkSync(process.execPath, path.join(nodeBin, 'node'));
	fs.mkdirSync(path.join(modules, 'n8n', 'bin'), { recursive: true });
	fs.writeFileSync(path.join(modules, 'n8n', 'package.json'), '{"name":"n8n","version":"9.9.9"}');
	fs.writeFileSync(path.join(modules, 'n8n', 'bin', 'n8n'), 'console.log("9.9.9")');
	fs.mkdirSync(path.join(modules, 'sqlite3'), { recursive: true });
	fs.writeFileSync(path.join(modules, 'sqlite3', 'package.json'), '{"name":"sqlite3","main":"index.js"}');
	fs.writeFileSync(path.join(modules, 'sqlite3', 'index.js'),
		"if (!require('fs').existsSync(__dirname + '/built')) throw new Error('Could not locate the bindings file');" +
		"exports.Database = class { get(sql, cb) { cb(null, { v: '3.99.0' }); } close() {} };");
}
if (args[0] === 'rebuild') {
	const flag = args.find((arg) => arg.startsWith('--ignore-scripts'));
	const ignore = flag ? flag !== '--ignore-scripts=false' : process.env.npm_config_ignore_scripts === 'true';
	if (!ignore && !${rebuildBreaks}) fs.writeFileSync(path.join(modules, 'sqlite3', 'built'), '');
}
`;
	fs.writeFileSync(path.join(bin, 'npm'), script, { mode: 0o755 });
	return bin;
}

/** Runs ensureN8n in a child process with the fake npm first on PATH. */
function ensure(cacheDir, bin, extraEnv = {}) {
	const { spawnSync } = require('child_process');
	const code = `require(${JSON.stringify(RUNTIME)}).ensureN8n({ version: '9.9.9', log: () => {} })
		.then((paths) => console.log(JSON.stringify(paths)))
		.catch((error) => { console.error(error.message); process.exit(1); });`;
	return spawnSync(process.execPath, ['-e', code], {
		env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, N8N_CACHE_DIR: cacheDir, ...extraEnv },
		encoding: 'utf8',
	});
}

describe('n8n installer', () => {
	let dir;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-test-'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('builds the SQLite driver even when the caller turned install scripts off (as npm run does with this repo\'s .npmrc)', () => {
		const result = ensure(path.join(dir, 'cache'), fakeNpm(dir), { npm_config_ignore_scripts: 'true' });
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const installDir = path.join(dir, 'cache', 'n8n-9.9.9');
		expect(fs.existsSync(path.join(installDir, 'node_modules', 'sqlite3', 'built'))).toBe(true);
		expect(fs.readdirSync(installDir)).toContain('.ready-checked');
	});

	it('does not mark the install ready when the driver does not load, and says why', () => {
		const bin = fakeNpm(dir, { rebuildBreaks: true });
		const result = ensure(path.join(dir, 'cache'), bin);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('SQLite driver n8n needs did not build');
		expect(result.stderr).toContain('Could not locate the bindings file');
		expect(fs.readdirSync(path.join(dir, 'cache', 'n8n-9.9.9'))).not.toContain('.ready-checked');
		// The next start installs again instead of trusting a broken cache.
		const again = ensure(path.join(dir, 'cache'), bin);
		expect(again.status).toBe(1);
		const calls = fs.readFileSync(path.join(dir, 'npm-calls.log'), 'utf8').trim().split('\n');
		expect(calls.filter((call) => call.startsWith('rebuild'))).toHaveLength(2);
	});

	it('ignores a ready marker of the earlier installer, which never checked the driver', () => {
		const bin = fakeNpm(dir);
		const installDir = path.join(dir, 'cache', 'n8n-9.9.9');
		fs.mkdirSync(installDir, { recursive: true });
		fs.writeFileSync(path.join(installDir, '.ready'), '{}');
		expect(ensure(path.join(dir, 'cache'), bin).status).toBe(0);
		expect(fs.readFileSync(path.join(dir, 'npm-calls.log'), 'utf8')).toContain('rebuild sqlite3');
	});

	it('waits for another process installing into the same cache instead of failing', async () => {
		const { acquireLock } = require(RUNTIME);
		const lock = path.join(dir, '.installing');
		fs.mkdirSync(lock);
		const lines = [];
		let settled = false;
		const waiting = acquireLock(lock, (line) => lines.push(line)).then((owned) => {
			settled = true;
			return owned;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		expect(lines.join('\n')).toContain('Another process is installing n8n');
		fs.rmSync(lock, { recursive: true });
		await expect(waiting).resolves.toBe(false);
	});

	it('takes over a lock left behind by a crashed install', async () => {
		const { acquireLock } = require(RUNTIME);
		const lock = path.join(dir, '.installing');
		fs.mkdirSync(lock);
		const hourAgo = new Date(Date.now() - 3600 * 1000);
		fs.utimesSync(lock, hourAgo, hourAgo);
		await expect(acquireLock(lock, () => {})).resolves.toBe(true);
	});
});

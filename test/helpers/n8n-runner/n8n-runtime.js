'use strict';
/**
 * Loads n8n-core the way the test runner needs it.
 *
 * - Environment first: n8n-core builds InstanceSettings and its Logger lazily through DI,
 *   reading N8N_USER_FOLDER / N8N_ENCRYPTION_KEY / N8N_LOG_LEVEL at that moment. n8n needs a
 *   user folder holding `.n8n/config` (encryption key): we use one shared temp folder with a
 *   fixed test key, written atomically, so parallel jest workers never race on it and nothing
 *   piles up in /tmp. n8n's logger is silenced (ErrorReporter logs every node error) unless
 *   the caller already chose a level.
 * - `@n8n/di`, `@n8n/backend-common` … must be the copies n8n-core itself resolves:
 *   npm nests different versions under node_modules/n8n-core/node_modules, and each copy
 *   of @n8n/di has its own Container. Requiring them from the repo root would give us a
 *   different, empty Container.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');

const TEST_ENCRYPTION_KEY = 'n8n-workflow-test-runner-not-a-secret';

function prepareUserFolder() {
	const user = process.getuid?.() ?? 'user'; // per OS user: /tmp is shared
	const userFolder = path.join(os.tmpdir(), `n8n-workflow-runner-${user}`);
	const configFile = path.join(userFolder, '.n8n', 'config');
	const content = JSON.stringify({ encryptionKey: TEST_ENCRYPTION_KEY }, null, '\t');
	let current;
	try {
		current = fs.readFileSync(configFile, 'utf8');
	} catch {
		// not written yet
	}
	if (current !== content) {
		fs.mkdirSync(path.dirname(configFile), { recursive: true });
		const temp = `${configFile}.${process.pid}.tmp`;
		fs.writeFileSync(temp, content, { mode: 0o600 });
		fs.renameSync(temp, configFile); // atomic: readers see the old or the new file
	}
	return userFolder;
}

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = prepareUserFolder();
	process.env.N8N_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
}
if (!process.env.N8N_LOG_LEVEL) process.env.N8N_LOG_LEVEL = 'silent';
// Outbound SSRF protection is off by default in n8n; keep it off so 127.0.0.1 emulators work.
if (!process.env.N8N_SSRF_PROTECTION_ENABLED) process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';

const core = require('n8n-core');
const workflow = require('n8n-workflow');

const requireFromCore = createRequire(require.resolve('n8n-core'));
const { Container } = requireFromCore('@n8n/di');

module.exports = { core, workflow, Container, requireFromCore };

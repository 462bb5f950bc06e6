// Runs n8n's community-package scanner (the verification gate) on this repository's sources and on
// the packed tarball, the two things the scanner lints once the package is published.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bitrix24-scan-'));

try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }),
	)[0].filename;
	execFileSync('tar', ['xzf', path.join(work, path.basename(packed)), '-C', work]);

	const checks = [
		['sources (package.json, nodes/, credentials/)', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['packed tarball (.js, package.json)', await analyzePackage(path.join(work, 'package'), ['**/*.js', 'package.json'])],
	];
	let failed = false;
	for (const [what, result] of checks) {
		console.log(`${result.passed ? 'PASS' : 'FAIL'} n8n scanner on ${what}${result.message ? `: ${result.message}` : ''}`);
		if (result.details) console.log(result.details);
		failed ||= !result.passed;
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

// Keeps the layout honest (part of `npm run lint`): a node imports only its own files and
// nodes/shared; shared code imports no node; a platform's transport (Bitrix24, WhatsApp) is
// entered only through its index; credentials use only nodes/shared. n8n's lint config must stay the CLI's template, so
// this runs beside it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const IMPORT = /(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function* sourceFiles(dir) {
	if (!fs.existsSync(dir)) return;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* sourceFiles(full);
		else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
	}
}

/** The rule a relative import from `file` to `target` breaks, or undefined. Paths relative to root. */
function violation(file, target) {
	const [top, area] = file.split('/');
	const [targetTop, targetArea] = target.split('/');
	// Each platform's transport (nodes/shared/bitrix24/transport, nodes/shared/whatsapp/transport…)
	// is entered only through its index.
	const transport = /^nodes\/shared\/([^/]+)\/transport\/(.+)$/.exec(target);
	const transportInternal = transport && !/^index(\.ts)?$/.test(transport[2]);
	if (transportInternal && !file.startsWith(`nodes/shared/${transport[1]}/transport/`)) {
		return `enters the transport through an internal file; import nodes/shared/${transport[1]}/transport (its index)`;
	}
	if (top === 'credentials') {
		return targetTop === 'credentials' || (targetTop === 'nodes' && targetArea === 'shared')
			? undefined
			: 'a credential may import only nodes/shared';
	}
	if (top !== 'nodes') return undefined;
	if (targetTop !== 'nodes') return 'nodes import nothing outside nodes/';
	if (area === 'shared') {
		return targetArea === 'shared' ? undefined : `shared code imports the ${targetArea} node`;
	}
	if (targetArea !== 'shared' && targetArea !== area) {
		return `the ${area} node imports the ${targetArea} node's internals; move the shared part to nodes/shared`;
	}
	return undefined;
}

function check(root) {
	const problems = [];
	for (const dir of ['nodes', 'credentials']) {
		for (const full of sourceFiles(path.join(root, dir))) {
			const file = path.relative(root, full).split(path.sep).join('/');
			const source = fs.readFileSync(full, 'utf8');
			for (const match of source.matchAll(IMPORT)) {
				const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]));
				const broken = violation(file, target);
				if (broken) problems.push(`${file}: '${match[1]}' ${broken}`);
			}
		}
	}
	return problems;
}

module.exports = { violation, check };

if (require.main === module) {
	const root = path.resolve(__dirname, '..');
	const problems = check(root);
	for (const problem of problems) console.error(problem);
	if (problems.length) {
		console.error(`\n${problems.length} import(s) cross the layout's boundaries (scripts/check-boundaries.js).`);
		process.exit(1);
	}
	console.log('Import boundaries: OK');
}

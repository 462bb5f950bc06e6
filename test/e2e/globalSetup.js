// Once per e2e run: make sure the pinned n8n is installed (cached), build and pack this package.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { ensureN8n } = require('../../scripts/n8n/runtime');
const { buildAndPack } = require('../../scripts/pack');

module.exports = async () => {
	const runtime = await ensureN8n({ log: (line) => process.stderr.write(`${line}\n`) });
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bitrix24-e2e-pack-'));
	const tarball = buildAndPack({ outDir, log: (line) => process.stderr.write(`${line}\n`) });
	process.env.BITRIX24_E2E_STATE = path.join(outDir, 'state.json');
	fs.writeFileSync(process.env.BITRIX24_E2E_STATE, JSON.stringify({ runtime, tarball }));
};

const fs = require('fs');

const { STATE_FILE } = require('./harness');

module.exports = async () => {
	if (!fs.existsSync(STATE_FILE)) return;
	const { outDir } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.rmSync(STATE_FILE, { force: true });
};

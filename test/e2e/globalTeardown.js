const fs = require('fs');
const path = require('path');

module.exports = async () => {
	const state = process.env.BITRIX24_E2E_STATE;
	if (state) fs.rmSync(path.dirname(state), { recursive: true, force: true });
};

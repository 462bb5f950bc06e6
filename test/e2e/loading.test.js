// The package as n8n loads a community package: no errors or warnings about it at start-up, and
// every node and credential it declares shows up in n8n's type lists.
const fs = require('fs');
const path = require('path');

const { prepareN8n, cleanUp } = require('./harness');

const manifest = JSON.parse(
	fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'),
);

/** Each node/credential class the package lists, instantiated from the built files. */
function declared(kind) {
	return manifest.n8n[kind].map((file) => {
		const exports = require(path.join(__dirname, '..', '..', file));
		return new (Object.values(exports)[0])();
	});
}

describe('package loading in a real n8n', () => {
	let n8n;

	beforeAll(async () => {
		n8n = await prepareN8n('loading');
		n8n.owner = { email: 'e2e@example.com', password: 'E2e-Password1' };
		await n8n.start();
		await n8n.login();
	});

	afterAll(async () => {
		await cleanUp(n8n);
	});

	it('starts without errors or warnings about the package', () => {
		const lines = n8n.log().split('\n');
		const aboutUs = lines.filter((line) => /bitrix24/i.test(line));
		expect(
			aboutUs.filter((line) => /error|warn|fail|invalid|could not|cannot/i.test(line)),
		).toEqual([]);
		expect(
			lines.filter((line) => /error/i.test(line) && /node|credential|package/i.test(line)),
		).toEqual([]);
	});

	it('lists every node the package declares, as n8n-nodes-bitrix24.<name>', async () => {
		const types = await n8n.get('/types/nodes.json');
		const names = new Set(types.map((type) => type.name));
		for (const { description } of declared('nodes')) {
			expect(names).toContain(`${manifest.name}.${description.name}`);
			// n8n adds an AI-tool variant of every node marked usableAsTool (not of triggers).
			if (description.usableAsTool)
				expect(names).toContain(`${manifest.name}.${description.name}Tool`);
		}
		expect(declared('nodes').map(({ description }) => description.name)).toEqual([
			'bitrix24',
			'bitrix24Trigger',
			'bitrix24PollingTrigger',
			'whatsAppCloud',
			'whatsAppCloudTrigger',
			'bitrix24OpenLines',
			'bitrix24OpenLinesTrigger',
		]);
	});

	it('lists every credential the package declares', async () => {
		const types = await n8n.get('/types/credentials.json');
		const names = new Set(types.map((type) => type.name));
		for (const { name } of declared('credentials')) expect(names).toContain(name);
	});
});

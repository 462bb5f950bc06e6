// The layout rule `npm run lint` enforces beside n8n's lint.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { violation, check } = require('../../scripts/check-boundaries');

describe('import boundaries', () => {
	it.each([
		['nodes/Bitrix24Trigger/x.ts', 'nodes/Bitrix24/transport/index', /imports the Bitrix24 node/],
		['nodes/shared/bitrix24/client.ts', 'nodes/Bitrix24/actions/index', /shared code imports/],
		['nodes/Bitrix24/actions/a.ts', 'nodes/shared/bitrix24/transport/api', /through an internal file/],
		['nodes/WhatsAppCloudTrigger/x.ts', 'nodes/shared/whatsapp/transport/client', /import nodes\/shared\/whatsapp\/transport/],
		['credentials/X.credentials.ts', 'nodes/Bitrix24/actions/x', /only nodes\/shared/],
	])('%s → %s is refused', (file, target, reason) => {
		expect(violation(file, target)).toMatch(reason);
	});

	it.each([
		['nodes/Bitrix24/actions/a.ts', 'nodes/Bitrix24/actions/crm/entities'],
		['nodes/Bitrix24Trigger/x.ts', 'nodes/shared/bitrix24/events/verify'],
		['nodes/Bitrix24/actions/a.ts', 'nodes/shared/bitrix24/transport'],
		['nodes/shared/bitrix24/transport/api.ts', 'nodes/shared/bitrix24/transport/batch'],
		['nodes/WhatsAppCloud/actions/a.ts', 'nodes/shared/whatsapp/transport'],
		['nodes/shared/whatsapp/transport/client.ts', 'nodes/shared/whatsapp/transport/pacing'],
		['credentials/X.credentials.ts', 'nodes/shared/bitrix24/webhookUrl'],
	])('%s → %s is fine', (file, target) => {
		expect(violation(file, target)).toBeUndefined();
	});

	it('finds a crossing import in a tree, and none in this repository', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
		fs.mkdirSync(path.join(root, 'nodes', 'A'), { recursive: true });
		fs.mkdirSync(path.join(root, 'nodes', 'B'), { recursive: true });
		fs.writeFileSync(path.join(root, 'nodes', 'A', 'a.ts'), "import { b } from '../B/b';\n");
		fs.writeFileSync(path.join(root, 'nodes', 'B', 'b.ts'), 'export const b = 1;\n');
		expect(check(root)).toEqual([
			"nodes/A/a.ts: '../B/b' the A node imports the B node's internals; move the shared part to nodes/shared",
		]);
		fs.rmSync(root, { recursive: true });
		expect(check(path.join(__dirname, '..', '..'))).toEqual([]);
	});
});

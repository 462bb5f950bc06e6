// How n8n presents the package's nodes: the "add node" panel and the nodes' documentation links.
const fs = require('node:fs');
const path = require('node:path');
const { Bitrix24 } = require('../../nodes/Bitrix24/Bitrix24.node');
const { Bitrix24Trigger } = require('../../nodes/Bitrix24Trigger/Bitrix24Trigger.node');
const {
	Bitrix24PollingTrigger,
} = require('../../nodes/Bitrix24PollingTrigger/Bitrix24PollingTrigger.node');

const PACKAGE = 'n8n-nodes-bitrix24';
const REPOSITORY_FILES = 'https://github.com/n8n-nodes-bitrix24/n8n-nodes-bitrix24/blob/main/';
const root = path.join(__dirname, '..', '..');
const nodes = [Bitrix24, Bitrix24Trigger, Bitrix24PollingTrigger].map((NodeClass) => ({
	...new NodeClass().description,
	name: `${PACKAGE}.${new NodeClass().description.name}`,
}));

/**
 * The node creator's merge (editor-ui `generateMergedNodesAndActions`): a trigger whose name
 * without "Trigger" is an action node's joins that node's entry, which then shows the trigger's
 * description; other triggers keep entries of their own.
 */
function nodeCreatorEntries(types) {
	const entries = types
		.filter((type) => !type.group.includes('trigger'))
		.map((type) => ({ name: type.name, description: type.description }));
	for (const trigger of types.filter((type) => type.group.includes('trigger'))) {
		const app = entries.find((entry) => entry.name === trigger.name.replace('Trigger', ''));
		if (app) app.description = trigger.description;
		else entries.push({ name: trigger.name, description: trigger.description });
	}
	return entries;
}

describe('the "add node" panel', () => {
	it("shows the Bitrix24 entry (actions and triggers together) with the action node's description", () => {
		const [action] = nodes;
		const entries = nodeCreatorEntries(nodes);
		expect(entries.find((entry) => entry.name === action.name).description).toBe(
			action.description,
		);
		expect(entries.map((entry) => entry.name)).toEqual([
			`${PACKAGE}.bitrix24`,
			`${PACKAGE}.bitrix24PollingTrigger`,
		]);
	});
});

describe('documentation links', () => {
	const codexFiles = ['Bitrix24', 'Bitrix24Trigger', 'Bitrix24PollingTrigger'].map(
		(node) => `nodes/${node}/${node}.node.json`,
	);
	const codexOf = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

	it.each(codexFiles)(
		'%s links pages without a #fragment, which exist in the repository',
		(file) => {
			const { resources } = codexOf(file);
			const urls = [...resources.primaryDocumentation, ...resources.credentialDocumentation].map(
				(resource) => resource.url,
			);
			expect(urls).toHaveLength(2);
			for (const url of urls) {
				// n8n opens `${url}?utm_source=…`: anything after a "#" would swallow that query.
				const opened = new URL(
					`${url}?utm_source=n8n_app&utm_medium=node_settings_modal-credential_link`,
				);
				expect(opened.hash).toBe('');
				expect(url.startsWith(REPOSITORY_FILES)).toBe(true);
				expect(fs.existsSync(path.join(root, url.slice(REPOSITORY_FILES.length)))).toBe(true);
			}
		},
	);

	it('gives each node a page of its own', () => {
		const pages = codexFiles.map((file) => codexOf(file).resources.primaryDocumentation[0].url);
		expect(new Set(pages).size).toBe(pages.length);
	});
});

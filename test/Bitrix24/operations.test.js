// Every operation the node can run is offered in the editor, and every operation offered runs.
const { Bitrix24 } = require('../../nodes/Bitrix24/Bitrix24.node');

describe('Bitrix24 node operations', () => {
	const { properties } = new Bitrix24().description;
	const resources = properties.find((p) => p.name === 'resource').options.map((o) => o.value);

	const offered = (resource) =>
		properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap((p) => p.options.map((o) => o.value));

	it.each(resources)('%s: the operation list matches what the router runs', (resource) => {
		const folder = `../../nodes/Bitrix24/actions/${resource}`;
		const fs = require('fs');
		const path = require('path');
		const file = fs
			.readdirSync(path.join(__dirname, folder))
			.find((name) => name.endsWith('.resource.ts'));
		const module = require(`${folder}/${file}`);
		const runnable = Object.keys(module).filter((key) => typeof module[key]?.execute === 'function');
		expect(offered(resource).sort()).toEqual(runnable.sort());
	});
});

// The resource list builds the node's Resource options, its parameters and its router: every
// operation the node can run is offered in the editor, and every operation offered runs.
const { RESOURCES, operationOf, resourceProperties } = require('../../../nodes/Bitrix24/actions');
const { Bitrix24 } = require('../../../nodes/Bitrix24/Bitrix24.node');

describe('Bitrix24 node resources', () => {
	const { properties } = new Bitrix24().description;

	const offered = (resource) =>
		properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap((p) => p.options.map((o) => o.value));

	it('offers every registered resource, once', () => {
		const options = properties.find((p) => p.name === 'resource').options.map((o) => o.value);
		expect(options).toEqual(RESOURCES.map((resource) => resource.value));
		expect(new Set(options).size).toBe(options.length);
		expect(properties).toEqual(expect.arrayContaining(resourceProperties));
	});

	it.each(RESOURCES.map((resource) => resource.value))(
		'%s: the operation list matches what the router runs',
		(resource) => {
			const { module } = RESOURCES.find((candidate) => candidate.value === resource);
			const runnable = Object.keys(module).filter((key) => operationOf(resource, key));
			expect(offered(resource).sort()).toEqual(runnable.sort());
		},
	);

	it('has nothing to run for an unknown resource or operation', () => {
		expect(operationOf('lead', 'fly')).toBeUndefined();
		expect(operationOf('spaceship', 'get')).toBeUndefined();
		expect(operationOf('lead', 'description')).toBeUndefined();
	});
});

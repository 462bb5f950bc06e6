// The resource list builds the Open Lines node's Resource options, parameters and router: every
// operation offered runs, and every operation that runs is offered.
const {
	RESOURCES,
	operationOf,
	resourceProperties,
} = require('../../../nodes/Bitrix24OpenLines/actions');
const { Bitrix24OpenLines } = require('../../../nodes/Bitrix24OpenLines/Bitrix24OpenLines.node');

describe('Bitrix24 Open Lines node resources', () => {
	const { properties, credentials, usableAsTool } = new Bitrix24OpenLines().description;

	const offered = (resource) =>
		properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap((p) => p.options.map((o) => o.value));

	it('offers every registered resource once, needs OAuth2 and can be an AI tool', () => {
		const options = properties.find((p) => p.name === 'resource').options.map((o) => o.value);
		expect(options).toEqual(['connector', 'dialog', 'line', 'message']);
		expect(properties).toEqual(expect.arrayContaining(resourceProperties));
		expect(credentials).toEqual([{ name: 'bitrix24OAuth2Api', required: true }]);
		expect(properties.find((p) => p.name === 'authentication')).toBeUndefined();
		expect(usableAsTool).toBe(true);
	});

	it.each(RESOURCES.map((resource) => resource.value))(
		'%s: the operation list matches what the router runs',
		(resource) => {
			const { module } = RESOURCES.find((candidate) => candidate.value === resource);
			const runnable = Object.keys(module).filter((key) => operationOf(resource, key));
			expect(offered(resource).sort()).toEqual(runnable.sort());
		},
	);
});

// The item context reads `$json` references off the item instead of having n8n evaluate them.
// It must give exactly what n8n's evaluation gives, and leave to n8n what it cannot read. A node
// in n8n's engine reads each parameter both ways, for every item, and counts evaluations.
const { runWorkflow } = require('../../helpers/workflow-runner');
const { ItemParameters } = require('../../../nodes/shared/bitrix24/itemParameters');

const PARAMETERS = {
	text: '={{ $json.text }}',
	number: '={{ $json.number }}',
	zero: '={{ $json.zero }}',
	no: '={{ $json.no }}',
	nothing: '={{ $json.nothing }}',
	spaced: '={{ $json["a key"] }}',
	nested: '={{ $json.obj.inner.deep }}',
	element: '={{ $json.list[1] }}',
	object: '={{ $json.obj }}',
	list: '={{ $json.list }}',
	collection: { a: '={{ $json.text }}', b: 'static', c: ['={{ $json.number }}', 2] },
	fixed: { values: [{ value: '={{ $json.text }}', type: 'WORK' }] },
	locator: { __rl: true, mode: 'id', value: '={{ $json.number }}' },
	staticValue: 'plain text',
	computed: '={{ $json.text + "!" }}',
	missing: '={{ $json.absent }}',
	template: '=Hello {{ $json.text }}',
};

/** Parameters n8n still has to evaluate (the rest are read off the item). */
const EVALUATED_BY_N8N = ['computed', 'missing', 'template'];
/** Parameters without expressions: n8n reads them once per run, for the first item. */
const FIXED = ['staticValue'];

const ITEMS = [
	{
		text: 'Zoë "quoted" \u2603',
		number: 42,
		zero: 0,
		no: false,
		nothing: null,
		'a key': 'spaced',
		obj: { inner: { deep: [1, { x: 'y' }] } },
		list: ['a', { b: 2 }],
	},
	{
		text: '',
		number: -1.5,
		zero: 0,
		no: true,
		nothing: null,
		'a key': 7,
		obj: { inner: { deep: 'leaf' } },
		list: [null, []],
	},
];

class CompareNode {
	constructor() {
		this.description = {
			displayName: 'Compare',
			name: 'test.compare',
			group: ['transform'],
			version: 1,
			description: 'Reads parameters through the item context and through n8n',
			defaults: { name: 'Compare' },
			inputs: ['main'],
			outputs: ['main'],
			properties: Object.keys(PARAMETERS).map((name) => ({
				displayName: name,
				name,
				type: name === 'locator' ? 'resourceLocator' : 'string',
				default: '',
			})),
		};
	}

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const out = [];
		let evaluations = [];
		const counting = new Proxy(this, {
			get: (target, property) => {
				if (property === 'getNodeParameter') {
					return (name, index, fallback, options) => {
						if (!options?.rawExpressions) evaluations.push(name);
						return target.getNodeParameter(name, index, fallback, options);
					};
				}
				const value = Reflect.get(target, property, target);
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
		const parameters = new ItemParameters(counting);
		for (let index = 0; index < this.getInputData().length; index++) {
			evaluations = [];
			const read = {};
			const context = parameters.itemContext;
			for (const name of Object.keys(PARAMETERS)) {
				const options = name === 'locator' ? { extractValue: true } : undefined;
				read[name] = context.getNodeParameter(name, index, undefined, options);
			}
			const viaItem = evaluations;
			// Read again, as the build after a check does: kept values, no new evaluation.
			evaluations = [];
			for (const name of EVALUATED_BY_N8N) context.getNodeParameter(name, index);
			const again = evaluations;
			const real = {};
			for (const name of Object.keys(PARAMETERS)) {
				const options = name === 'locator' ? { extractValue: true } : undefined;
				real[name] = this.getNodeParameter(name, index, undefined, options);
			}
			out.push({ json: { read, real, viaItem, again }, pairedItem: { item: index } });
		}
		return [out];
	}
}

describe('item parameters read off the item', () => {
	it('are what n8n evaluates, and n8n evaluates only the rest', async () => {
		const result = await runWorkflow({
			nodeTypes: { 'test.compare': CompareNode },
			workflow: {
				nodes: [
					{
						id: 'start',
						name: 'Start',
						type: 'test.items',
						typeVersion: 1,
						position: [0, 0],
						parameters: { items: ITEMS },
					},
					{
						id: 'compare',
						name: 'Compare',
						type: 'test.compare',
						typeVersion: 1,
						position: [200, 0],
						parameters: PARAMETERS,
					},
				],
				connections: { Start: { main: [[{ node: 'Compare', type: 'main', index: 0 }]] } },
			},
		});
		expect(result.errorOf('Compare')).toBeUndefined();
		const output = result.outputOf('Compare');
		expect(output).toHaveLength(ITEMS.length);
		output.forEach(({ json }, index) => {
			expect(json.read).toEqual(json.real);
			const byN8n = index === 0 ? [...EVALUATED_BY_N8N, ...FIXED] : EVALUATED_BY_N8N;
			expect(json.viaItem.sort()).toEqual([...byN8n].sort());
			expect(json.again).toEqual([]);
		});
		expect(output[0].json.read.collection).toEqual({
			a: ITEMS[0].text,
			b: 'static',
			c: [42, 2],
		});
		expect(output[0].json.read.locator).toBe(42);
	});
});

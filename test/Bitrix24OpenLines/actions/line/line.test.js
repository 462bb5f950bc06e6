// Line: the portal's Open Lines, all or some, and one line by ID.
const { startPortal } = require('../../../helpers/bitrix24');
const { runOpenLines, openLinesParameters } = require('../../../helpers/openLines');

describe('Open Lines → Line', () => {
	let portal;
	beforeAll(async () => {
		portal = await startPortal();
		portal.openLines.addLine({ name: 'Sales', active: false, queue: [2] });
		portal.openLines.addLine({ name: 'Support' });
	});
	afterAll(async () => {
		await portal.stop();
	});

	it('lists lines: all, only active ones, or up to a limit', async () => {
		const all = await runOpenLines(portal, {
			parameters: openLinesParameters('line', 'getAll', { returnAll: true }),
		});
		expect(all.output.map(({ json }) => [json.id, json.name, json.active])).toEqual([
			[1, 'Open Channel', true],
			[2, 'Sales', false],
			[3, 'Support', true],
		]);
		const active = await runOpenLines(portal, {
			parameters: openLinesParameters('line', 'getAll', { returnAll: true, activeOnly: true }),
		});
		expect(active.output.map(({ json }) => json.id)).toEqual([1, 3]);
		const limited = await runOpenLines(portal, {
			parameters: openLinesParameters('line', 'getAll', { limit: 2 }),
		});
		expect(limited.output.map(({ json }) => json.id)).toEqual([1, 2]);
	});

	it('gets a line with its queue, and names a line that does not exist', async () => {
		const { output } = await runOpenLines(portal, {
			items: [{ line: 2 }, { line: 99 }],
			parameters: openLinesParameters('line', 'get', {
				line: { __rl: true, mode: 'id', value: '={{ $json.line }}' },
				withQueue: true,
			}),
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ id: 2, name: 'Sales', active: false, QUEUE: [2] });
		expect(output[1].json.error).toBe('Line 99 does not exist');
	});
});

const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Deal → Move to Pipeline', () => {
	let portal;
	let pipeline;
	beforeEach(async () => {
		portal = await startPortal();
		portal.seedDeals(2, (i) => ({ TITLE: `Deal ${i}` }));
		const created = await runBitrix24(portal, {
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'crm.category.add',
				parametersJson: '{"entityTypeId": 2, "fields": {"name": "Partners"}}',
			},
		});
		pipeline = created.output[0].json.result.category.id;
	});
	afterEach(async () => {
		await portal.stop();
	});

	const move = (extra) => ({
		resource: 'deal',
		operation: 'moveToPipeline',
		dealId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		...extra,
	});

	it('moves deals to another pipeline, to its first stage or a given one, then back', async () => {
		const [first, second] = portal.deals().map((deal) => deal.ID);
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ id: first, stage: '' },
				{ id: second, stage: `C${pipeline}:WON` },
			],
			parameters: move({ pipeline: String(pipeline), stage: '={{ $json.stage }}' }),
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([
			{ id: Number(first), pipeline, stage: `C${pipeline}:NEW`, moved: true },
			{ id: Number(second), pipeline, stage: `C${pipeline}:WON`, moved: true },
		]);
		expect(portal.deals().map((deal) => [deal.CATEGORY_ID, deal.STAGE_ID])).toEqual([
			[String(pipeline), `C${pipeline}:NEW`],
			[String(pipeline), `C${pipeline}:WON`],
		]);

		const back = await runBitrix24(portal, {
			items: [{ id: first }],
			parameters: move({ pipeline: '0', stage: 'PREPARATION' }),
		});
		expect(back.output[0].json).toMatchObject({ pipeline: 0, stage: 'PREPARATION' });
		const moved = await runBitrix24(portal, {
			items: [{ id: first }],
			parameters: {
				resource: 'deal',
				operation: 'moveToStage',
				dealId: { __rl: true, mode: 'id', value: first },
				stage: 'WON',
			},
		});
		expect(moved.error).toBeUndefined();
		expect(portal.deals()[0].STAGE_ID).toBe('WON');
	});

	it('explains an unknown pipeline and a stage of another pipeline, naming the item', async () => {
		const id = portal.deals()[0].ID;
		const { output } = await runBitrix24(portal, {
			items: [
				{ id, pipeline: '77', stage: '' },
				{ id, pipeline: String(pipeline), stage: 'WON' },
			],
			parameters: move({ pipeline: '={{ $json.pipeline }}', stage: '={{ $json.stage }}' }),
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe('Pipeline "77" does not exist');
		expect(output[0].json.details).toMatch(/Valid IDs: 0, /);
		expect(output[1].json.error).toBe('Stage "WON" is not in the chosen pipeline');
		expect(output[1].json.details).toContain(`C${pipeline}:NEW`);
		expect(portal.deals()[0]).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'NEW' });
	});
});

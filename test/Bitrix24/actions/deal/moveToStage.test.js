const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Deal → Move to Stage', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
		portal.seedDeals(2, (i) => ({ TITLE: `Deal ${i}` }));
	});
	afterEach(async () => {
		await portal.stop();
	});

	const move = (stage) => ({
		resource: 'deal',
		operation: 'moveToStage',
		dealId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		stage,
	});

	it('moves deals to a stage of their pipeline', async () => {
		const ids = portal.deals().map((deal) => deal.ID);
		const { output, error } = await runBitrix24(portal, {
			items: ids.map((id) => ({ id })),
			parameters: move('WON'),
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual(
			ids.map((id) => ({ id: Number(id), stage: 'WON', moved: true })),
		);
		expect(portal.deals().map((deal) => deal.STAGE_ID)).toEqual(['WON', 'WON']);
	});

	it('explains a stage that does not exist, naming the item and listing valid stages', async () => {
		const { error } = await runBitrix24(portal, {
			items: [{ id: portal.deals()[0].ID }],
			parameters: move('WONN'),
		});
		expect(error.message).toBe('Stage "WONN" does not exist');
		expect(error.description).toMatch(/Valid IDs: .*NEW.*WON/);
		expect(error.context.itemIndex).toBe(0);
	});

	it('refuses a stage of another pipeline, pointing to Move to Pipeline', async () => {
		const created = await runBitrix24(portal, {
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'crm.category.add',
				parametersJson: '{"entityTypeId": 2, "fields": {"name": "Partners"}}',
			},
		});
		const pipelineId = created.output[0].json.result.category.id;
		const { output } = await runBitrix24(portal, {
			items: [{ id: portal.deals()[0].ID }],
			parameters: move(`C${pipelineId}:NEW`),
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe(
			`Stage "C${pipelineId}:NEW" is in pipeline "Partners", not in the deal's pipeline`,
		);
		expect(output[0].json.details).toMatch(/Move to Pipeline/);
		expect(portal.deals()[0].STAGE_ID).toBe('NEW');
	});
});

describe('Lead → Move to Stage', () => {
	it('sets the lead status', async () => {
		const portal = await startPortal();
		try {
			portal.seedLeads(1);
			const id = portal.leads()[0].ID;
			const { output, error } = await runBitrix24(portal, {
				parameters: {
					resource: 'lead',
					operation: 'moveToStage',
					leadId: byId(id),
					stage: 'IN_PROCESS',
				},
			});
			expect(error).toBeUndefined();
			expect(output[0].json).toEqual({ id: Number(id), status: 'IN_PROCESS', moved: true });
			expect(portal.leads()[0].STATUS_ID).toBe('IN_PROCESS');
		} finally {
			await portal.stop();
		}
	});
});

const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Stage → Get Many, Create, Update, Delete', () => {
	it('lists lead statuses and manages a deal stage', async () => {
		const portal = await startPortal();
		try {
			const leads = await runBitrix24(portal, {
				parameters: { resource: 'stage', operation: 'getAll', stagesOf: 'lead' },
			});
			expect(leads.output.map((item) => item.json.STATUS_ID)).toEqual(
				expect.arrayContaining(['NEW', 'IN_PROCESS', 'CONVERTED']),
			);

			const created = await runBitrix24(portal, {
				parameters: {
					resource: 'stage',
					operation: 'create',
					stagesOf: 'deal',
					pipelineId: '0',
					statusId: 'NEGOTIATION',
					name: 'Negotiation',
					stageFields: { SORT: 45 },
				},
			});
			expect(created.error).toBeUndefined();
			const { id } = created.output[0].json;

			const updated = await runBitrix24(portal, {
				parameters: {
					resource: 'stage',
					operation: 'update',
					stageRowId: String(id),
					stageFields: { NAME: 'Negotiating' },
				},
			});
			expect(updated.output[0].json).toEqual({ id, updated: true });
			const got = await runBitrix24(portal, {
				parameters: { resource: 'stage', operation: 'get', stageRowId: String(id) },
			});
			expect(got.output[0].json).toMatchObject({ STATUS_ID: 'NEGOTIATION', NAME: 'Negotiating' });
			const deals = await runBitrix24(portal, {
				parameters: { resource: 'stage', operation: 'getAll', stagesOf: 'deal', pipelineId: '0' },
			});
			expect(deals.output.find((item) => item.json.STATUS_ID === 'NEGOTIATION').json.NAME).toBe(
				'Negotiating',
			);

			const removed = await runBitrix24(portal, {
				parameters: { resource: 'stage', operation: 'delete', stageRowId: String(id) },
			});
			expect(removed.output[0].json).toEqual({ id, deleted: true });
		} finally {
			await portal.stop();
		}
	});
});

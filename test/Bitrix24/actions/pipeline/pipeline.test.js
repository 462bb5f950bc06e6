const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Pipeline → Create, Get, Get Many, Update, Delete', () => {
	it('manages deal pipelines', async () => {
		const portal = await startPortal();
		try {
			const created = await runBitrix24(portal, {
				parameters: { resource: 'pipeline', operation: 'create', name: 'Partners', sort: 200 },
			});
			expect(created.error).toBeUndefined();
			const { id } = created.output[0].json;
			expect(created.output[0].json).toMatchObject({ name: 'Partners', entityTypeId: 2 });

			const listed = await runBitrix24(portal, {
				parameters: { resource: 'pipeline', operation: 'getAll' },
			});
			expect(listed.output.map((item) => item.json.name)).toEqual(['General', 'Partners']);

			const renamed = await runBitrix24(portal, {
				parameters: {
					resource: 'pipeline',
					operation: 'update',
					pipelineId: String(id),
					name: 'Resellers',
				},
			});
			expect(renamed.output[0].json.name).toBe('Resellers');
			const got = await runBitrix24(portal, {
				parameters: { resource: 'pipeline', operation: 'get', pipelineId: String(id) },
			});
			expect(got.output[0].json).toMatchObject({ id, name: 'Resellers' });

			const removed = await runBitrix24(portal, {
				parameters: { resource: 'pipeline', operation: 'delete', pipelineId: String(id) },
			});
			expect(removed.output[0].json).toEqual({ id, deleted: true });
			const missing = await runBitrix24(portal, {
				parameters: { resource: 'pipeline', operation: 'get', pipelineId: String(id) },
			});
			expect(missing.error.message).toMatch(/^Bitrix24 crm\.category\.get: /);
		} finally {
			await portal.stop();
		}
	});
});

const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Department → Create, Get, Get Many, Update', () => {
	it('manages departments', async () => {
		const portal = await startPortal();
		try {
			const created = await runBitrix24(portal, {
				parameters: {
					resource: 'department',
					operation: 'create',
					name: 'Support',
					departmentFields: { PARENT: '1', UF_HEAD: '2' },
				},
			});
			expect(created.error).toBeUndefined();
			const { id } = created.output[0].json;
			const updated = await runBitrix24(portal, {
				parameters: {
					resource: 'department',
					operation: 'update',
					departmentId: String(id),
					name: 'Customer Support',
				},
			});
			expect(updated.output[0].json).toEqual({ id, updated: true });
			const got = await runBitrix24(portal, {
				parameters: { resource: 'department', operation: 'get', departmentId: String(id) },
			});
			expect(got.output[0].json).toMatchObject({
				ID: String(id),
				NAME: 'Customer Support',
				PARENT: '1',
				UF_HEAD: '2',
			});
			const all = await runBitrix24(portal, {
				parameters: { resource: 'department', operation: 'getAll' },
			});
			expect(all.output.map((item) => item.json.NAME)).toEqual([
				'Sandbox Company',
				'Customer Support',
			]);
		} finally {
			await portal.stop();
		}
	});
});

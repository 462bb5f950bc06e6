const { startPortal, runBitrix24, restRequests } = require('../../helpers/bitrix24');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Lead → Delete', () => {
	let portal;
	let leadId;
	beforeEach(async () => {
		portal = await startPortal();
		portal.seedLeads(1, () => ({
			TITLE: 'Existing',
			NAME: 'Ann',
			PHONE: [
				{ VALUE: '+1 555 0001', VALUE_TYPE: 'WORK' },
				{ VALUE: '+1 555 0002', VALUE_TYPE: 'MOBILE' },
			],
			EMAIL: [{ VALUE: 'ann@example.com', VALUE_TYPE: 'WORK' }],
		}));
		leadId = Number(portal.leads()[0].ID);
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('deletes a lead and returns { deleted: true }', async () => {
		const { output, error } = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'delete', leadId: byId(leadId) },
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ id: leadId, deleted: true });
		expect(portal.leads()).toHaveLength(0);
	});

	it('deletes leads from many items in one batch request, and names a lead that does not exist', async () => {
		portal.seedLeads(59, (i) => ({ TITLE: `Old ${i}` }));
		const ids = portal.leads().map((lead) => Number(lead.ID));
		portal.clearLog();
		const { output, error } = await runBitrix24(portal, {
			items: [...ids, 999999].map((id) => ({ id })),
			parameters: {
				resource: 'lead',
				operation: 'delete',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(2);
		expect(output.slice(0, 60).every((item) => item.json.deleted === true)).toBe(true);
		expect(output[60].json.error).toBe('Bitrix24 crm.lead.delete: Not found');
		expect(portal.leads()).toHaveLength(0);
	});
});

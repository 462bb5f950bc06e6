const { runBitrix24, restRequests } = require('../../../helpers/bitrix24');
const { portalWithOneLead, byId } = require('./existingLead');

describe('Lead → Delete', () => {
	let portal;
	let leadId;
	beforeEach(async () => {
		({ portal, leadId } = await portalWithOneLead());
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

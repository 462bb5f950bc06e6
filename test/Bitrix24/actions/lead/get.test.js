const { runBitrix24, restRequests } = require('../../../helpers/bitrix24');
const { portalWithOneLead, byId } = require('./existingLead');

describe('Lead → Get', () => {
	let portal;
	let leadId;
	beforeEach(async () => {
		({ portal, leadId } = await portalWithOneLead());
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('gets a lead simplified, raw, and by its portal URL', async () => {
		const simple = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'get', leadId: byId(leadId) },
		});
		expect(simple.error).toBeUndefined();
		expect(simple.output[0].json).toMatchObject({
			ID: leadId,
			TITLE: 'Existing',
			PHONE: '+1 555 0001',
			EMAIL: 'ann@example.com',
		});

		const raw = await runBitrix24(portal, {
			parameters: {
				resource: 'lead',
				operation: 'get',
				simplify: false,
				leadId: { __rl: true, mode: 'url', value: `${portal.url}/crm/lead/details/${leadId}/` },
			},
		});
		expect(raw.output[0].json.PHONE).toHaveLength(2);
	});

	it('gets many leads by ID from input items in one batch request', async () => {
		portal.seedLeads(99, (i) => ({ TITLE: `More ${i}` }));
		const ids = portal.leads().map((lead) => Number(lead.ID));
		portal.clearLog();
		const { output, error } = await runBitrix24(portal, {
			items: ids.map((id) => ({ id })),
			parameters: {
				resource: 'lead',
				operation: 'get',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.ID)).toEqual(ids);
		expect(restRequests(portal)).toBe(2);
	});

	it('explains a lead that does not exist and an ID that is not a number, naming the item', async () => {
		const { output } = await runBitrix24(portal, {
			items: [{ id: 999999 }, { id: 'abc' }, { id: leadId }],
			parameters: {
				resource: 'lead',
				operation: 'get',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe('Bitrix24 crm.lead.get: Not found');
		expect(output[0].json.details).toMatch(/No record with this ID/);
		expect(output[1].json.error).toBe('Lead must be a positive whole number');
		expect(output[2].json.ID).toBe(leadId);
	});
});

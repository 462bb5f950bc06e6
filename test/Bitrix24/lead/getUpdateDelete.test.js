const { startPortal, runBitrix24, restRequests } = require('../../helpers/bitrix24');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

describe('Lead → Get, Update, Delete', () => {
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

	it('gets a lead simplified, raw, and by its portal URL', async () => {
		const simple = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'get', leadId: byId(leadId) },
		});
		expect(simple.error).toBeUndefined();
		expect(simple.output[0].json).toMatchObject({
			ID: String(leadId),
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
		const ids = portal.leads().map((lead) => lead.ID);
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
		expect(output[2].json.ID).toBe(String(leadId));
	});

	it('updates fields and adds phones by default', async () => {
		const { output, error } = await runBitrix24(portal, {
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: byId(leadId),
				updateFields: { TITLE: 'Renamed', STATUS_ID: 'IN_PROCESS' },
				phones: { values: [{ value: '+1 555 0003', valueType: 'HOME' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ id: leadId, updated: true });
		const [lead] = portal.leads();
		expect(lead).toMatchObject({ TITLE: 'Renamed', STATUS_ID: 'IN_PROCESS', NAME: 'Ann' });
		expect(lead.PHONE.map((phone) => phone.VALUE)).toEqual([
			'+1 555 0001',
			'+1 555 0002',
			'+1 555 0003',
		]);
	});

	it('replaces all phones, or removes just the given one', async () => {
		await runBitrix24(portal, {
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: byId(leadId),
				multiFieldMode: 'remove',
				phones: { values: [{ value: '+15550002', valueType: 'WORK' }] },
			},
		});
		expect(portal.leads()[0].PHONE.map((phone) => phone.VALUE)).toEqual(['+1 555 0001']);

		await runBitrix24(portal, {
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: byId(leadId),
				multiFieldMode: 'replace',
				phones: { values: [{ value: '+49 30 1234', valueType: 'WORK' }] },
			},
		});
		const [lead] = portal.leads();
		expect(lead.PHONE.map((phone) => phone.VALUE)).toEqual(['+49 30 1234']);
		expect(lead.EMAIL.map((email) => email.VALUE)).toEqual(['ann@example.com']);
	});

	it('deletes a lead and returns { deleted: true }', async () => {
		const { output, error } = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'delete', leadId: byId(leadId) },
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ id: leadId, deleted: true });
		expect(portal.leads()).toHaveLength(0);
	});
});

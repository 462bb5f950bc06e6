const { runBitrix24, restRequests } = require('../../../helpers/bitrix24');
const { portalWithOneLead, byId } = require('./existingLead');

describe('Lead → Update', () => {
	let portal;
	let leadId;
	beforeEach(async () => {
		({ portal, leadId } = await portalWithOneLead());
	});
	afterEach(async () => {
		await portal.stop();
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

	it('adds only the phones and emails a lead does not have yet, so a sync run twice adds nothing', async () => {
		portal.seedLeads(119, (i) => ({
			TITLE: `Synced ${i}`,
			PHONE: [{ VALUE: `+1 555 1${String(i).padStart(3, '0')}`, VALUE_TYPE: 'WORK' }],
		}));
		const leads = portal.leads();
		const items = leads.map((lead) => ({
			id: Number(lead.ID),
			phone: lead.PHONE[0].VALUE.replace(/ /g, ''),
			email: 'Sales@Example.com',
		}));
		const sync = {
			items,
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				phones: { values: [{ value: '={{ $json.phone }}', valueType: 'WORK' }] },
				emails: { values: [{ value: '={{ $json.email }}', valueType: 'WORK' }] },
			},
		};
		const phonesAndEmails = () =>
			portal
				.leads()
				.map((lead) => [
					(lead.PHONE ?? []).map((phone) => phone.VALUE),
					(lead.EMAIL ?? []).map((email) => email.VALUE),
				]);

		portal.clearLog();
		const first = await runBitrix24(portal, sync);
		expect(first.error).toBeUndefined();
		expect(first.output.map((item) => item.json)).toEqual(
			items.map((item) => ({ id: item.id, updated: true })),
		);
		// 120 leads: the current values read in 3 batch requests, the updates sent in 3 more.
		expect(portal.log.map((entry) => entry.batch?.methods[0])).toEqual([
			...Array(3).fill('crm.lead.get'),
			...Array(3).fill('crm.lead.update'),
		]);
		const afterFirst = phonesAndEmails();
		// The existing lead keeps its phones (the input phone is its first one) and gets the email;
		// the synced leads keep their one phone and get the email once.
		expect(afterFirst[0]).toEqual([
			['+1 555 0001', '+1 555 0002'],
			['ann@example.com', 'Sales@Example.com'],
		]);
		expect(afterFirst[1]).toEqual([['+1 555 1000'], ['Sales@Example.com']]);

		portal.clearLog();
		const second = await runBitrix24(portal, {
			...sync,
			items: items.map((item) => ({ ...item, email: 'sales@example.COM' })),
		});
		expect(second.error).toBeUndefined();
		expect(restRequests(portal)).toBe(6);
		expect(phonesAndEmails()).toEqual(afterFirst);
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

	it('replaces phones and emails together, and fails only the item whose lead is missing', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: [{ id: leadId }, { id: 999999 }],
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				multiFieldMode: 'replace',
				phones: { values: [{ value: '+44 20 7946 0000', valueType: 'WORK' }] },
				emails: { values: [{ value: 'new@example.com', valueType: 'HOME' }] },
			},
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ id: leadId, updated: true });
		expect(output[1].json.error).toBe('Bitrix24 crm.lead.get: Not found');
		const [lead] = portal.leads();
		expect(lead.PHONE.map((phone) => phone.VALUE)).toEqual(['+44 20 7946 0000']);
		expect(lead.EMAIL).toEqual([
			expect.objectContaining({ VALUE: 'new@example.com', VALUE_TYPE: 'HOME' }),
		]);
	});

	it('without Continue On Fail, stops at the first failing item and sends nothing after it', async () => {
		portal.seedLeads(119, (i) => ({ TITLE: `Bulk ${i}` }));
		const ids = portal.leads().map((lead) => Number(lead.ID));
		ids[60] = 999999;
		portal.clearLog();
		const { error } = await runBitrix24(portal, {
			items: ids.map((id) => ({ id })),
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { COMMENTS: 'touched' },
			},
		});
		expect(error.message).toBe('Bitrix24 crm.lead.update: Lead is not found');
		expect(error.context.itemIndex).toBe(60);
		expect(restRequests(portal)).toBe(2);
		const touched = portal.leads().map((lead) => lead.COMMENTS === 'touched');
		expect(touched.slice(0, 60).every(Boolean)).toBe(true);
		expect(touched.slice(60).some(Boolean)).toBe(false);
	});
});

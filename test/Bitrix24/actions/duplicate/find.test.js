const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Duplicate Search → Find by Email or Phone', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
		portal.seedLeads(1, () => ({
			TITLE: 'L',
			EMAIL: [{ VALUE: 'ann@example.com', VALUE_TYPE: 'WORK' }],
		}));
		portal.seedContacts(1, () => ({
			NAME: 'Ann',
			EMAIL: [{ VALUE: 'Ann@Example.com', VALUE_TYPE: 'WORK' }],
			PHONE: [{ VALUE: '+1 (555) 010-0100', VALUE_TYPE: 'WORK' }],
		}));
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('finds leads and contacts by email, and contacts by phone digits', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ type: 'EMAIL', values: 'ann@example.com' },
				{ type: 'PHONE', values: '15550100100' },
				{ type: 'EMAIL', values: 'nobody@example.com' },
			],
			parameters: {
				resource: 'duplicate',
				operation: 'find',
				type: '={{ $json.type }}',
				values: '={{ $json.values }}',
			},
		});
		expect(error).toBeUndefined();
		const [lead] = portal.leads();
		const [contact] = portal.contacts();
		expect(output.map((item) => item.json)).toEqual([
			{ found: true, lead: [Number(lead.ID)], contact: [Number(contact.ID)], company: [] },
			{ found: true, lead: [], contact: [Number(contact.ID)], company: [] },
			{ found: false, lead: [], contact: [], company: [] },
		]);
	});

	it('limits the search to chosen record types and rejects more than 20 values', async () => {
		const { output } = await runBitrix24(portal, {
			items: [
				{ values: 'ann@example.com' },
				{ values: Array.from({ length: 21 }, (_, i) => `x${i}@example.com`).join(',') },
			],
			parameters: {
				resource: 'duplicate',
				operation: 'find',
				type: 'EMAIL',
				values: '={{ $json.values }}',
				entityTypes: ['CONTACT'],
			},
			continueOnFail: true,
		});
		expect(output[0].json).toEqual({ found: true, contact: [Number(portal.contacts()[0].ID)] });
		expect(output[1].json.error).toBe('Give between 1 and 20 values to look for');
	});
});

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

	it('finds a national number with the Default Country Code, in E.164 and as written', async () => {
		portal.seedContacts(2, (i) => ({
			NAME: ['Klaus', 'Jana'][i],
			PHONE: [{ VALUE: ['+49 151 12345678', '0170 7654321'][i], VALUE_TYPE: 'WORK' }],
		}));
		const [, klaus, jana] = portal.contacts();
		const { output, error } = await runBitrix24(portal, {
			items: [{ values: '0151/12345678' }, { values: '0170 7654321' }, { values: '0151 12345678' }],
			parameters: {
				resource: 'duplicate',
				operation: 'find',
				type: 'PHONE',
				values: '={{ $json.values }}',
				defaultCountryCode: '={{ $itemIndex < 2 ? "49" : "" }}',
				entityTypes: ['CONTACT'],
			},
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.contact)).toEqual([
			[Number(klaus.ID)],
			[Number(jana.ID)],
			[],
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

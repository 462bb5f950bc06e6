const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('Contact Link → Add, Get Many, Remove', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('links contacts to a deal, lists them and unlinks one', async () => {
		const [dealId] = portal.seedDeals(1, () => ({ TITLE: 'Linked' }));
		const contactIds = portal.seedContacts(2, (i) => ({ NAME: `C${i}` }));
		const link = { link: 'dealContact', linkOwnerId: String(dealId) };
		const added = await runBitrix24(portal, {
			items: contactIds.map((id) => ({ id })),
			parameters: {
				resource: 'contactLink',
				operation: 'add',
				...link,
				linkedId: '={{ $json.id }}',
			},
		});
		expect(added.error).toBeUndefined();
		expect(added.output[0].json).toEqual({
			id: Number(dealId),
			CONTACT_ID: Number(contactIds[0]),
			linked: true,
		});

		const listed = await runBitrix24(portal, {
			parameters: { resource: 'contactLink', operation: 'getAll', ...link },
		});
		expect(listed.output.map((item) => Number(item.json.CONTACT_ID))).toEqual(
			contactIds.map(Number),
		);

		await runBitrix24(portal, {
			parameters: {
				resource: 'contactLink',
				operation: 'remove',
				...link,
				linkedId: String(contactIds[0]),
			},
		});
		const after = await runBitrix24(portal, {
			parameters: { resource: 'contactLink', operation: 'getAll', ...link },
		});
		expect(after.output.map((item) => Number(item.json.CONTACT_ID))).toEqual([
			Number(contactIds[1]),
		]);
	});

	it('links a company to a contact', async () => {
		const [contactId] = portal.seedContacts(1, () => ({ NAME: 'Ada' }));
		const [companyId] = portal.seedCompanies(1, () => ({ TITLE: 'Acme' }));
		const link = { link: 'contactCompany', linkOwnerId: String(contactId) };
		await runBitrix24(portal, {
			parameters: {
				resource: 'contactLink',
				operation: 'add',
				...link,
				linkedId: String(companyId),
				primary: true,
			},
		});
		const listed = await runBitrix24(portal, {
			parameters: { resource: 'contactLink', operation: 'getAll', ...link },
		});
		expect(listed.output.map((item) => Number(item.json.COMPANY_ID))).toEqual([Number(companyId)]);
	});
});

const { startPortal, callBitrix24Method } = require('../../helpers/bitrix24');

describe('Bitrix24 node methods (list search and dropdowns)', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	const call = async (kind, method, extra = {}) => ({
		result: await callBitrix24Method(portal, {
			parameters: { resource: 'lead', operation: 'get' },
			kind,
			method,
			...extra,
		}),
	});

	it('searches leads by title, newest first, with links and paging', async () => {
		portal.seedLeads(70, (i) => ({
			TITLE: i % 2 ? `Acme order ${i}` : `Other ${i}`,
			NAME: 'Ann',
			LAST_NAME: 'Lee',
		}));
		const { result } = await call('listSearch', 'searchRecords', { filter: 'acme' });
		expect(result.results).toHaveLength(35);
		const newest = portal.leads()[69];
		expect(result.results[0]).toEqual({
			name: `Acme order 69 — Ann Lee (#${newest.ID})`,
			value: newest.ID,
			url: `${portal.url}/crm/lead/details/${newest.ID}/`,
		});
		expect(result.paginationToken).toBeUndefined();

		const all = await call('listSearch', 'searchRecords');
		expect(all.result.results).toHaveLength(50);
		const second = await call('listSearch', 'searchRecords', {
			paginationToken: all.result.paginationToken,
		});
		expect(second.result.results).toHaveLength(20);
	});

	it('searches leads by title or by first, last or full name, each lead once, in one batch request', async () => {
		portal.seedLeads(
			4,
			(i) =>
				[
					{ TITLE: 'Website inquiry', NAME: 'Ann', LAST_NAME: 'Lee' },
					{ TITLE: 'Phone call', NAME: 'Bob', LAST_NAME: 'Annaway' },
					{ TITLE: 'Annual plan for Ann', NAME: 'Ann', LAST_NAME: 'Park' },
					{ TITLE: 'Other', NAME: 'Dan', LAST_NAME: 'Ross' },
				][i],
		);
		const [lee, annaway, park] = portal.leads().map((lead) => lead.ID);
		const found = async (filter) =>
			(await call('listSearch', 'searchRecords', { filter })).result.results.map(
				(result) => result.value,
			);

		portal.clearLog();
		expect(await found('ann')).toEqual([park, annaway, lee]);
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['batch']);
		expect(await found('Ann Lee')).toEqual([lee]);
		expect(await found('ross')).toEqual([portal.leads()[3].ID]);
		expect(
			(await call('listSearch', 'searchRecords', { filter: 'ann lee' })).result.results[0],
		).toMatchObject({ name: `Website inquiry — Ann Lee (#${lee})` });
	});

	it('loads lead statuses, sources, currencies and fields from the portal', async () => {
		const statuses = (await call('loadOptions', 'getLeadStatuses')).result;
		expect(statuses.map((option) => option.value)).toEqual(
			expect.arrayContaining(['NEW', 'IN_PROCESS', 'JUNK']),
		);
		const sources = (await call('loadOptions', 'getSources')).result;
		expect(sources.map((option) => option.value)).toContain('WEB');
		const currencies = (await call('loadOptions', 'getCurrencies')).result;
		expect(currencies.map((option) => option.value)).toEqual(
			expect.arrayContaining(['USD', 'EUR']),
		);
		const fields = (await call('loadOptions', 'getFields')).result;
		expect(fields).toContainEqual({ name: 'Lead Title (TITLE)', value: 'TITLE' });
		expect(fields.some((option) => option.value.startsWith('UF_CRM_'))).toBe(true);
		expect(fields.map((option) => option.value)).toContain('PHONE');
		const sortable = (await call('loadOptions', 'getSortFields')).result.map(
			(option) => option.value,
		);
		expect(sortable).toEqual(expect.arrayContaining(['ID', 'TITLE', 'DATE_CREATE']));
		expect(sortable).not.toContain('PHONE');
		const users = (await call('loadOptions', 'getUsers')).result;
		expect(users).toEqual([
			{ name: 'Sandbox Admin (admin@sandbox.local)', value: '1' },
			{ name: 'Sam Manager (manager@sandbox.local)', value: '2' },
		]);
	});
});

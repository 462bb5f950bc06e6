const {
	startPortal,
	runBitrix24,
	restRequests,
	credentialsFor,
} = require('../../../helpers/bitrix24');

const getMany = (extra = {}) => ({
	resource: 'lead',
	operation: 'getAll',
	simplify: false,
	...extra,
});

describe('Lead → Get Many', () => {
	let portal;
	afterEach(async () => {
		await portal.stop();
	});

	describe('over 10,000 leads', () => {
		beforeEach(async () => {
			portal = await startPortal();
			portal.seedLeads(10000, (i) => ({
				TITLE: `Seeded ${i}`,
				STATUS_ID: i % 2 ? 'NEW' : 'IN_PROCESS',
			}));
		});

		it('returns all of them in at most 6 HTTP requests, none missing or repeated', async () => {
			const { output, error } = await runBitrix24(portal, {
				parameters: getMany({ returnAll: true }),
			});
			expect(error).toBeUndefined();
			expect(restRequests(portal)).toBeLessThanOrEqual(6);
			expect(output).toHaveLength(10000);
			const ids = output.map((item) => Number(item.json.ID));
			expect(new Set(ids).size).toBe(10000);
			expect(ids).toEqual(portal.leads().map((lead) => Number(lead.ID)));
			expect(
				portal.log.every(
					(entry) => entry.restMethod === 'batch' || entry.restMethod === 'crm.lead.list',
				),
			).toBe(true);
		});

		it('survives the OAuth access token expiring in the middle: one refresh, export intact', async () => {
			portal.faults.add({ type: 'expireTokens', on: [3] });
			const credentials = credentialsFor(portal, 'oAuth2');
			const original = { ...credentials.bitrix24OAuth2Api.data.oauthTokenData };
			const { output, error, result } = await runBitrix24(portal, {
				auth: 'oAuth2',
				credentials,
				parameters: getMany({ returnAll: true }),
			});
			expect(error).toBeUndefined();
			expect(output).toHaveLength(10000);
			expect(new Set(output.map((item) => item.json.ID)).size).toBe(10000);
			const refreshes = portal.tokenLog.filter((entry) => entry.grantType === 'refresh_token');
			expect(refreshes).toHaveLength(1);
			expect(refreshes[0].status).toBe(200);
			// Ranges are read side by side (issue 14): every request in flight carried the token that
			// expired (at most 5); n8n refreshed it once and each went again.
			const expired = portal.log.filter((entry) => entry.error === 'expired_token').length;
			expect(expired).toBeGreaterThanOrEqual(1);
			expect(expired).toBeLessThanOrEqual(5);
			const stored = result.credentials.bitrix24OAuth2Api.data.oauthTokenData;
			expect(stored.client_endpoint).toBe(`${portal.url}/rest/`);
			expect(stored.refresh_token).not.toBe(original.refresh_token);
			const call = (token) =>
				fetch(`${portal.url}/rest/user.current.json?auth=${token}`).then((r) => r.status);
			expect(await call(stored.access_token)).toBe(200);
			expect(await call(original.access_token)).toBe(401);
		});

		it('applies the limit and filters', async () => {
			const { output, error } = await runBitrix24(portal, {
				parameters: getMany({ returnAll: false, limit: 120, filters: { STATUS_ID: 'NEW' } }),
			});
			expect(error).toBeUndefined();
			expect(output).toHaveLength(120);
			expect(output.every((item) => item.json.STATUS_ID === 'NEW')).toBe(true);
			// The 3 pages the limit needs, chained in one request (issue 14: no plain first page).
			expect(restRequests(portal)).toBe(1);
		});
	});

	describe('on a small table', () => {
		beforeEach(async () => {
			portal = await startPortal();
			portal.seedLeads(130, (i) => ({
				TITLE: `Lead ${String(i).padStart(3, '0')}`,
				OPPORTUNITY: String(i * 10),
			}));
		});

		it('keeps a custom sort order across pages', async () => {
			const { output, error } = await runBitrix24(portal, {
				parameters: getMany({
					returnAll: true,
					options: {
						sort: { rule: { field: 'OPPORTUNITY', direction: 'DESC' } },
						fields: ['ID', 'TITLE', 'OPPORTUNITY'],
					},
				}),
			});
			expect(error).toBeUndefined();
			expect(output).toHaveLength(130);
			const amounts = output.map((item) => Number(item.json.OPPORTUNITY));
			expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
			expect(Object.keys(output[0].json).sort()).toEqual(['ID', 'OPPORTUNITY', 'TITLE']);
			expect(restRequests(portal)).toBe(2);
		});

		it('simplifies output by default and accepts custom filters with operators', async () => {
			const { output, error } = await runBitrix24(portal, {
				parameters: {
					resource: 'lead',
					operation: 'getAll',
					returnAll: true,
					filters: { custom: '{">=OPPORTUNITY": 1000, "%TITLE": "Lead 1"}' },
				},
			});
			expect(error).toBeUndefined();
			expect(output.map((item) => item.json.TITLE)).toEqual(
				Array.from({ length: 30 }, (_, i) => `Lead ${String(100 + i)}`),
			);
			expect(Object.keys(output[0].json)).not.toContain('COMMENTS');
		});

		it('simplifies with real types: ids and amounts as numbers, dates as ISO strings, empty as null', async () => {
			const { output, error } = await runBitrix24(portal, {
				parameters: { resource: 'lead', operation: 'getAll', returnAll: false, limit: 2 },
			});
			expect(error).toBeUndefined();
			const raw = portal.leads()[1];
			expect(output[1].json).toEqual({
				ID: Number(raw.ID),
				TITLE: 'Lead 001',
				NAME: null,
				LAST_NAME: null,
				COMPANY_TITLE: null,
				STATUS_ID: 'NEW',
				SOURCE_ID: null,
				ASSIGNED_BY_ID: 1,
				OPPORTUNITY: 10,
				CURRENCY_ID: 'USD',
				DATE_CREATE: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
				DATE_MODIFY: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
			});

			const unsimplified = await runBitrix24(portal, {
				parameters: getMany({ returnAll: false, limit: 2 }),
			});
			expect(unsimplified.output[1].json).toMatchObject({
				ID: raw.ID,
				OPPORTUNITY: '10.00',
				ASSIGNED_BY_ID: '1',
				OPENED: 'Y',
			});
		});

		it('names the item and field when the custom filter is not JSON', async () => {
			const { error } = await runBitrix24(portal, {
				items: [{}, {}],
				parameters: getMany({
					returnAll: true,
					filters: { custom: '={{ $itemIndex === 1 ? "{oops" : "{}" }}' },
				}),
			});
			expect(error.message).toBe('Custom Filter (JSON) is not valid JSON');
			expect(error.context.itemIndex).toBe(1);
		});
	});
});

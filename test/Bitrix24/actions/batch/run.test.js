const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

/** Each input item {key, method, params} is one call. */
const ONE_CALL_PER_ITEM = {
	resource: 'batch',
	operation: 'run',
	key: '={{ $json.key }}',
	method: '={{ $json.method }}',
	parametersJson: '={{ JSON.stringify($json.params) }}',
};

describe('Batch → Run', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('runs 120 calls in 3 requests, with references inside and across requests', async () => {
		// 60 creates, then 60 updates that each refer to their create: calls 51-60 of the
		// second request refer to the first request, calls 101-120 to the first and second.
		const items = [
			...Array.from({ length: 60 }, (_, i) => ({
				key: `add${i}`,
				method: 'crm.lead.add',
				params: { fields: { TITLE: `Lead ${i}` } },
			})),
			...Array.from({ length: 60 }, (_, i) => ({
				key: `rename${i}`,
				method: 'crm.lead.update',
				params: { id: `$result[add${i}]`, fields: { TITLE: `Lead ${i} (id $result[add${i}])` } },
			})),
		];
		const { output, error } = await runBitrix24(portal, {
			items,
			parameters: ONE_CALL_PER_ITEM,
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(3);
		expect(output).toHaveLength(120);
		expect(output.map((item) => item.pairedItem.item)).toEqual(items.map((_, i) => i));
		const leads = portal.leads();
		expect(leads).toHaveLength(60);
		leads.forEach((lead, i) => {
			expect(output[i].json).toEqual({
				key: `add${i}`,
				method: 'crm.lead.add',
				result: Number(lead.ID),
			});
			expect(lead.TITLE).toBe(`Lead ${i} (id ${lead.ID})`);
			expect(output[60 + i].json).toEqual({
				key: `rename${i}`,
				method: 'crm.lead.update',
				result: true,
			});
		});
	});

	it('takes a list of calls per item; a whole-value reference keeps lists as lists', async () => {
		portal.seedLeads(3, (i) => ({ TITLE: `Seed ${i}` }));
		const { output } = await runBitrix24(portal, {
			items: [{}],
			parameters: {
				resource: 'batch',
				operation: 'run',
				callsFrom: 'json',
				callsJson: JSON.stringify([
					{
						key: 'list',
						method: 'crm.lead.list',
						params: { select: ['ID', 'TITLE'], order: { ID: 'ASC' } },
					},
					{ key: 'first', method: 'crm.lead.get', params: { id: '$result[list][0][ID]' } },
					{
						method: 'crm.lead.list',
						params: { filter: { ID: '$result[list][2][ID]' }, select: ['TITLE'] },
					},
				]),
			},
		});
		expect(output.map((item) => item.json.key)).toEqual(['list', 'first', 'call3']);
		expect(output[0].json.total).toBe(3);
		expect(output[1].json.result.TITLE).toBe('Seed 0');
		expect(output[2].json.result).toEqual([{ ID: '3', TITLE: 'Seed 2' }]);
		expect(output.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	it("reports each failure on its own call, and does not run later requests' calls that depend on it", async () => {
		const items = [
			{ key: 'bad', method: 'crm.lead.get', params: { id: 999999 } },
			{ key: 'good', method: 'crm.lead.add', params: { fields: { TITLE: 'Kept' } } },
			{ key: 'needsBad', method: 'crm.lead.get', params: { id: '$result[bad]' } },
			...Array.from({ length: 55 }, (_, i) => ({
				key: `n${i}`,
				method: 'crm.lead.add',
				params: { fields: { TITLE: `N${i}` } },
			})),
			{ key: 'late', method: 'crm.lead.get', params: { id: '$result[bad]' } },
		];
		const { output } = await runBitrix24(portal, {
			items,
			parameters: ONE_CALL_PER_ITEM,
			continueOnFail: true,
		});
		expect(output).toHaveLength(59);
		expect(output[0].json).toMatchObject({
			key: 'bad',
			error: expect.stringMatching(/crm\.lead\.get/),
		});
		expect(output[1].json.result).toEqual(expect.any(Number));
		// Inside one request Bitrix24 itself resolves (leniently) a reference to a failed call.
		expect(output[2].json.key).toBe('needsBad');
		expect(output[58].json.error).toBe('Call "late" was not run: call "bad" failed');
		expect(portal.leads()).toHaveLength(56);
	});

	it('halts at the first failure when asked, leaving later calls unrun', async () => {
		const items = [
			{ key: 'one', method: 'crm.lead.add', params: { fields: { TITLE: 'One' } } },
			{ key: 'bad', method: 'crm.lead.get', params: { id: 999999 } },
			...Array.from({ length: 60 }, (_, i) => ({
				key: `n${i}`,
				method: 'crm.lead.add',
				params: { fields: { TITLE: `N${i}` } },
			})),
		];
		const { output } = await runBitrix24(portal, {
			items,
			parameters: {
				...ONE_CALL_PER_ITEM,
				halt: true,
			},
			continueOnFail: true,
		});
		expect(restRequests(portal)).toBe(1);
		expect(output).toHaveLength(62);
		expect(output[1].json.error).toMatch(/crm\.lead\.get/);
		expect(output[61].json.error).toBe('Call "n59" was not run: the batch halted at call "bad"');
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(['One']);
	});

	it('without Continue On Fail stops at the first failure, naming the call', async () => {
		const { error } = await runBitrix24(portal, {
			items: [
				{ key: 'a', method: 'crm.lead.get', params: { id: 999999 } },
				...Array.from({ length: 60 }, (_, i) => ({
					key: `n${i}`,
					method: 'crm.lead.add',
					params: { fields: { TITLE: `N${i}` } },
				})),
			],
			parameters: ONE_CALL_PER_ITEM,
		});
		expect(error.message).toMatch(/crm\.lead\.get/);
		expect(portal.leads()).toHaveLength(0);
	});

	it('rejects duplicate keys, references to later calls, bad JSON and bad method names before sending', async () => {
		const { output } = await runBitrix24(portal, {
			items: [
				{ key: 'x', method: 'crm.lead.get', params: '{"id": "$result[y]"}' },
				{ key: 'y', method: 'crm.lead.add', params: '{"fields": {"TITLE": "Y"}}' },
				{ key: 'y', method: 'crm.lead.add', params: '{"fields": {"TITLE": "Y2"}}' },
				{ key: 'z', method: 'crm.lead.add', params: '{nope' },
				{ key: 'w', method: 'not a method', params: '{}' },
			],
			parameters: {
				resource: 'batch',
				operation: 'run',
				key: '={{ $json.key }}',
				method: '={{ $json.method }}',
				parametersJson: '={{ $json.params }}',
			},
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error)).toEqual([
			'Call "x" refers to "y", which is not an earlier call',
			undefined,
			'Key "y" is used by two calls',
			'Parameters (JSON) is not valid JSON',
			'"not a method" is not a Bitrix24 method name',
		]);
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(['Y']);
	});
});

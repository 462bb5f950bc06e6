const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

const call = (extra) => ({ resource: 'method', operation: 'call', ...extra });

describe('Call Method', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('calls a method with JSON parameters', async () => {
		const { output, error } = await runBitrix24(portal, {
			parameters: call({
				method: 'crm.lead.add',
				parametersJson: '{"fields": {"TITLE": "From JSON", "OPPORTUNITY": 250}}',
			}),
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result).toBe(Number(portal.leads()[0].ID));
		expect(portal.leads()[0]).toMatchObject({ TITLE: 'From JSON', OPPORTUNITY: '250.00' });
	});

	it('calls a method with key/value parameters in bracket notation', async () => {
		portal.seedLeads(3, (i) => ({ TITLE: `K${i}` }));
		const { output, error } = await runBitrix24(portal, {
			parameters: call({
				method: 'crm.lead.list',
				parametersMode: 'keyValue',
				parametersKeyValue: {
					parameter: [
						{ name: 'filter[>ID]', value: String(portal.leads()[0].ID) },
						{ name: 'select[]', value: 'ID' },
						{ name: 'select[]', value: 'TITLE' },
					],
				},
			}),
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result.map((lead) => lead.TITLE)).toEqual(['K1', 'K2']);
		expect(Object.keys(output[0].json.result[0]).sort()).toEqual(['ID', 'TITLE']);
	});

	it('refuses prototype keys in parameter names: nothing polluted, nothing sent, item and name reported', async () => {
		const names = [
			'a[__proto__][polluted]',
			'__proto__[polluted]',
			'fields[constructor][prototype][polluted]',
		];
		const { output, error } = await runBitrix24(portal, {
			items: [...names.map((name) => ({ name })), { name: 'fields[TITLE]' }],
			parameters: call({
				method: 'crm.lead.add',
				parametersMode: 'keyValue',
				parametersKeyValue: { parameter: [{ name: '={{ $json.name }}', value: '1' }] },
			}),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect({}.polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(output.slice(0, 3).map((item) => item.json.error)).toEqual(
			names.map((name) => `Parameter name "${name}" cannot be used`),
		);
		expect(output[0].json.details).toMatch(/"__proto__" is not allowed/);
		expect(output[3].json.result).toBe(Number(portal.leads()[0].ID));
		expect(portal.leads()).toHaveLength(1);
		expect(JSON.stringify(portal.log.map((entry) => entry.params))).not.toMatch(
			/__proto__|constructor|polluted/,
		);

		const stopped = await runBitrix24(portal, {
			items: [{ name: 'fields[TITLE]' }, { name: 'a[__proto__][polluted]' }],
			parameters: call({
				method: 'crm.lead.add',
				parametersMode: 'keyValue',
				parametersKeyValue: { parameter: [{ name: '={{ $json.name }}', value: '1' }] },
			}),
		});
		expect(stopped.error.message).toBe('Parameter name "a[__proto__][polluted]" cannot be used');
		expect(stopped.error.context.itemIndex).toBe(1);
		expect({}.polluted).toBeUndefined();
	});

	it('refuses malformed and over-deep parameter names instead of sending them', async () => {
		const deep = `a${'[x]'.repeat(65)}`;
		const { output } = await runBitrix24(portal, {
			items: [{ name: 'fields[TITLE' }, { name: deep }, { name: `a${'[x]'.repeat(64)}` }],
			parameters: call({
				method: 'user.current',
				parametersMode: 'keyValue',
				parametersKeyValue: { parameter: [{ name: '={{ $json.name }}', value: '1' }] },
			}),
			continueOnFail: true,
		});
		expect(output[0].json.details).toMatch(/unclosed bracket/);
		expect(output[1].json.details).toMatch(/deeper than 64 levels/);
		expect(output[2].json.result).toMatchObject({ ID: expect.anything() });
	});

	it('sends the calls of many items 50 per batch', async () => {
		const items = Array.from({ length: 75 }, (_, i) => ({ title: `Item ${i}` }));
		const { output, error } = await runBitrix24(portal, {
			items,
			parameters: call({
				method: 'crm.lead.add',
				parametersJson: '={{ JSON.stringify({ fields: { TITLE: $json.title } }) }}',
			}),
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(2);
		expect(output).toHaveLength(75);
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(items.map((item) => item.title));
	});

	it('returns every page of a list method as items', async () => {
		portal.seedLeads(260, (i) => ({ TITLE: `P${i}` }));
		const { output, error } = await runBitrix24(portal, {
			parameters: call({
				method: 'crm.lead.list',
				parametersJson: '{"select": ["ID", "TITLE"], "order": {"ID": "DESC"}}',
				returnAllPages: true,
			}),
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(260);
		expect(new Set(output.map((item) => item.json.ID)).size).toBe(260);
		expect(output[0].json.TITLE).toBe('P259');
		expect(restRequests(portal)).toBe(2);
	});

	it('reports an unknown method, a malformed name and malformed JSON, each naming its item', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ m: 'crm.nothing.here', p: '{}' },
				{ m: 'not a method', p: '{}' },
				{ m: 'user.current', p: '{broken' },
				{ m: 'user.current', p: '{}' },
			],
			parameters: call({ method: '={{ $json.m }}', parametersJson: '={{ $json.p }}' }),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output[0].json.error).toBe(
			'Bitrix24 crm.nothing.here: Method not found! [ERROR_METHOD_NOT_FOUND]',
		);
		expect(output[0].json.details).toMatch(/Check the method name/);
		expect(output[1].json.error).toBe('"not a method" is not a Bitrix24 method name');
		expect(output[2].json.error).toBe('Parameters (JSON) is not valid JSON');
		expect(output[3].json.result).toMatchObject({ ID: expect.anything() });
	});

	it('throws with the item index when Continue On Fail is off', async () => {
		const { error } = await runBitrix24(portal, {
			items: [{ m: 'user.current' }, { m: 'crm.nothing.here' }],
			parameters: call({ method: '={{ $json.m }}', parametersMode: 'none' }),
		});
		expect(error.message).toBe(
			'Bitrix24 crm.nothing.here: Method not found! [ERROR_METHOD_NOT_FOUND]',
		);
		expect(error.context.itemIndex).toBe(1);
		expect(error.httpCode).toBe('404');
	});

	it('accepts method names without a dot and returns paging info of list methods', async () => {
		portal.seedLeads(60);
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ m: 'profile', p: '{}' },
				{ m: 'crm.lead.list', p: '{"select": ["ID"]}' },
			],
			parameters: call({ method: '={{ $json.m }}', parametersJson: '={{ $json.p }}' }),
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result.ID).toBeDefined();
		expect(output[1].json).toMatchObject({ next: 50, total: 60 });
		expect(output[1].json.result).toHaveLength(50);
	});

	it('returns a non-list answer as one item even with Return All Pages', async () => {
		portal.seedLeads(1, () => ({
			TITLE: 'Single',
			PHONE: [
				{ VALUE: '+1', VALUE_TYPE: 'WORK' },
				{ VALUE: '+2', VALUE_TYPE: 'WORK' },
			],
		}));
		const { output, error } = await runBitrix24(portal, {
			parameters: call({
				method: 'crm.lead.get',
				parametersJson: `{"id": ${portal.leads()[0].ID}}`,
				returnAllPages: true,
			}),
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json.result.TITLE).toBe('Single');
	});

	it('sends typed JSON per item when batching is switched off', async () => {
		const { error } = await runBitrix24(portal, {
			items: [{}, {}],
			parameters: call({
				method: 'crm.lead.add',
				parametersJson: '{"fields": {"TITLE": "Typed"}}',
				options: { batchItems: false },
			}),
		});
		expect(error).toBeUndefined();
		expect(portal.log.map((entry) => entry.restMethod)).toEqual(['crm.lead.add', 'crm.lead.add']);
	});
});

const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

const createParameters = {
	resource: 'lead',
	operation: 'create',
	title: '={{ $json.title }}',
	phones: { values: [{ value: '={{ $json.phone }}', valueType: 'MOBILE' }] },
	emails: { values: [{ value: '={{ $json.email }}', valueType: 'WORK' }] },
	additionalFields: {
		NAME: '={{ $json.name }}',
		SOURCE_ID: 'WEB',
		otherFields: '={{ JSON.stringify({ UF_CRM_SOURCE_DETAIL: $json.ref }) }}',
	},
};

const inputItems = (count) =>
	Array.from({ length: count }, (_, i) => ({
		title: `Lead ${i}`,
		name: `Person ${i}`,
		phone: `+1 555 000 ${String(i).padStart(4, '0')}`,
		email: `person${i}@example.com`,
		ref: `ref-${i}`,
	}));

describe('Lead → Create', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('creates a lead with phones, emails and custom fields', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: inputItems(1),
			parameters: createParameters,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		const [lead] = portal.leads();
		expect(output[0].json).toEqual({ id: Number(lead.ID) });
		expect(lead).toMatchObject({
			TITLE: 'Lead 0',
			NAME: 'Person 0',
			SOURCE_ID: 'WEB',
			UF_CRM_SOURCE_DETAIL: 'ref-0',
		});
		expect(lead.PHONE).toEqual([
			expect.objectContaining({ VALUE: '+1 555 000 0000', VALUE_TYPE: 'MOBILE' }),
		]);
		expect(lead.EMAIL).toEqual([
			expect.objectContaining({ VALUE: 'person0@example.com', VALUE_TYPE: 'WORK' }),
		]);
	});

	it('creates 1,000 leads in at most 20 HTTP requests, each exactly once, paired with its item', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: inputItems(1000),
			parameters: createParameters,
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBeLessThanOrEqual(20);
		const leads = portal.leads();
		expect(leads).toHaveLength(1000);
		expect(new Set(leads.map((lead) => lead.TITLE)).size).toBe(1000);
		expect(output).toHaveLength(1000);
		const titleById = new Map(leads.map((lead) => [Number(lead.ID), lead.TITLE]));
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(titleById.get(item.json.id)).toBe(`Lead ${index}`);
		});
	});

	it('creates every item exactly once while 30 % of requests hit QUERY_LIMIT_EXCEEDED', async () => {
		portal.faults.add({ type: 'rateLimit', probability: 0.3 });
		const { output, error } = await runBitrix24(portal, {
			items: inputItems(1000),
			parameters: createParameters,
		});
		expect(error).toBeUndefined();
		const rejected = portal.log.filter((entry) => entry.error === 'QUERY_LIMIT_EXCEEDED');
		expect(rejected.length).toBeGreaterThan(0);
		const titles = portal.leads().map((lead) => lead.TITLE);
		expect(titles).toHaveLength(1000);
		expect(new Set(titles).size).toBe(1000);
		expect(output.map((item) => item.pairedItem.item)).toEqual(
			Array.from({ length: 1000 }, (_, i) => i),
		);
	});

	it('reports the items of a write whose connection dropped, without repeating it', async () => {
		portal.faults.add({ type: 'dropAfter', on: [2] });
		const { output, error } = await runBitrix24(portal, {
			items: inputItems(120),
			parameters: createParameters,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(3);
		expect(portal.leads()).toHaveLength(120);
		const failed = output.filter((item) => item.json.error);
		expect(failed.map((item) => item.pairedItem.item)).toEqual(
			Array.from({ length: 50 }, (_, i) => 50 + i),
		);
		expect(failed[0].json.error).toMatch(/may have been processed/);
		expect(output.filter((item) => item.json.id)).toHaveLength(70);
	});

	it('without Continue On Fail, a dropped write stops the node naming the first affected item', async () => {
		portal.faults.add({ type: 'dropAfter', on: [1] });
		const { error } = await runBitrix24(portal, {
			items: inputItems(3),
			parameters: createParameters,
		});
		expect(error).toBeDefined();
		expect(error.message).toMatch(/crm\.lead\.add|batch/);
		expect(error.context.itemIndex).toBe(0);
		expect(restRequests(portal)).toBe(1);
	});

	it('fails only the item whose custom fields are not valid JSON', async () => {
		const items = inputItems(3);
		items[1].ref = undefined;
		const { output, error } = await runBitrix24(portal, {
			items,
			parameters: {
				...createParameters,
				additionalFields: {
					otherFields:
						'={{ $json.ref ? JSON.stringify({ UF_CRM_SOURCE_DETAIL: $json.ref }) : "{not json" }}',
				},
			},
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output[1].json.error).toBe('Other Fields (JSON) is not valid JSON');
		expect(output[0].json.id).toBeGreaterThan(0);
		expect(output[2].json.id).toBeGreaterThan(0);
		expect(portal.leads()).toHaveLength(2);
	});

	it('without Continue On Fail, a bad item stops the node before anything is sent', async () => {
		const items = inputItems(5);
		items[1].ref = undefined;
		const { error } = await runBitrix24(portal, {
			items,
			parameters: {
				...createParameters,
				additionalFields: { otherFields: '={{ $json.ref ? "{}" : "{not json" }}' },
			},
		});
		expect(error.message).toBe('Other Fields (JSON) is not valid JSON');
		expect(error.context.itemIndex).toBe(1);
		expect(restRequests(portal)).toBe(0);
		expect(portal.leads()).toHaveLength(0);
	});

	it('stores text that looks like a batch reference exactly as given', async () => {
		const titles = ['$result[i0]', 'x $result[i0] y', 'price $total and $next', 'Plain'];
		const { output, error } = await runBitrix24(portal, {
			items: titles.map((title) => ({ title })),
			parameters: { resource: 'lead', operation: 'create', title: '={{ $json.title }}' },
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(4);
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(titles);
	});

	it('reports a create that met a server error as possibly done, without repeating it', async () => {
		portal.faults.add({ type: 'status', status: 502, on: [1] });
		const { output } = await runBitrix24(portal, {
			items: inputItems(2),
			parameters: createParameters,
			continueOnFail: true,
		});
		expect(restRequests(portal)).toBe(1);
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Bitrix24 crm\.lead\.add: .*may have been processed$/),
			expect.stringMatching(/may have been processed$/),
		]);
	});
});

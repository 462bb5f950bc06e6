// Writes are built batch by batch while the rate limit holds the batch before; without Continue
// On Fail every item is checked first, so a bad item on row N means nothing was written. Through
// n8n's engine against the sandbox portal; asserted on the portal's request log and records.
const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

const ROWS = 300;
const BAD_ROW = 250;

const items = (count) =>
	Array.from({ length: count }, (_, i) => ({
		id: i + 1,
		title: `Lead ${i}`,
		other: '{"UF_CRM_SOURCE_DETAIL": "x"}',
	}));

const create = (extra = {}) => ({
	resource: 'lead',
	operation: 'create',
	title: '={{ $json.title }}',
	...extra,
});

describe('a bad item without Continue On Fail: nothing is written', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it.each([
		[
			'mapped JSON that does not parse',
			(input) => (input[BAD_ROW].other = '{not json'),
			create({ additionalFields: { otherFields: '={{ $json.other }}' } }),
			'Other Fields (JSON) is not valid JSON',
		],
		[
			'computed JSON that does not parse',
			(input) => (input[BAD_ROW].bad = true),
			create({
				additionalFields: { otherFields: '={{ $json.bad ? "{oops" : JSON.stringify({}) }}' },
			}),
			'Other Fields (JSON) is not valid JSON',
		],
	])('%s on row 250 of 300', async (_what, spoil, parameters, message) => {
		const input = items(ROWS);
		spoil(input);
		const { error } = await runBitrix24(portal, { items: input, parameters });
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(BAD_ROW);
		expect(restRequests(portal)).toBe(0);
		expect(portal.leads()).toHaveLength(0);
	});

	it('a record ID that is not a number on row 250 of 300 (Delete)', async () => {
		const ids = portal.seedLeads(ROWS).map(Number);
		portal.clearLog();
		const input = ids.map((id) => ({ id }));
		input[BAD_ROW].id = 'abc';
		const { error } = await runBitrix24(portal, {
			items: input,
			parameters: {
				resource: 'lead',
				operation: 'delete',
				leadId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
		});
		expect(error.message).toMatch(/must be a positive whole number/);
		expect(error.context.itemIndex).toBe(BAD_ROW);
		expect(restRequests(portal)).toBe(0);
		expect(portal.leads()).toHaveLength(ROWS);
	});

	it('a record ID that is not a number on row 250 of 300 (Update)', async () => {
		const ids = portal.seedDeals(ROWS).map(Number);
		portal.clearLog();
		const input = ids.map((id, i) => ({ id, amount: i }));
		input[BAD_ROW].id = 'abc';
		const { error } = await runBitrix24(portal, {
			items: input,
			parameters: {
				resource: 'deal',
				operation: 'update',
				dealId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { OPPORTUNITY: '={{ $json.amount }}' },
			},
		});
		expect(error.context.itemIndex).toBe(BAD_ROW);
		expect(restRequests(portal)).toBe(0);
	});
});

describe('with Continue On Fail: bad items fail alone, the others go through in order', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('pairs every output item with its input item, errors included', async () => {
		const input = items(ROWS);
		for (const row of [3, 120, BAD_ROW]) input[row].other = '{not json';
		const { output, error } = await runBitrix24(portal, {
			items: input,
			parameters: create({ additionalFields: { otherFields: '={{ $json.other }}' } }),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem.item)).toEqual(upTo(ROWS));
		const failed = output.filter((item) => item.json.error).map((item) => item.pairedItem.item);
		expect(failed).toEqual([3, 120, BAD_ROW]);
		// Written in input order, each once: 297 leads in 6 batch requests.
		const written = input.filter((_, i) => ![3, 120, BAD_ROW].includes(i));
		expect(portal.leads().map((lead) => lead.TITLE)).toEqual(written.map((item) => item.title));
		expect(restRequests(portal)).toBe(6);
		const created = output.filter((item) => !item.json.error);
		expect(created.map((item) => item.json.id)).toEqual(
			portal.leads().map((lead) => Number(lead.ID)),
		);
	});

	it('sends no more than one write request at a time', async () => {
		const { error } = await runBitrix24(portal, {
			items: items(ROWS),
			parameters: create(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(portal.log.map((entry) => entry.inFlight)).toEqual([1, 1, 1, 1, 1, 1]);
	});
});

function upTo(count) {
	return Array.from({ length: count }, (_, i) => i);
}

'use strict';

const { startSandbox, call, fakeClock } = require('./helpers');

const STATUSES = ['NEW', 'IN_PROCESS', 'PROCESSED', 'CONVERTED', 'JUNK'];

describe('sandbox crm.lead.list', () => {
	let sb;
	const clock = fakeClock(Date.UTC(2026, 0, 10, 12, 0, 0));
	const list = (params, options) => call(sb.webhookUrl, 'crm.lead.list', params, options);
	beforeAll(async () => {
		sb = await startSandbox({ now: clock.now });
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	describe('paging', () => {
		beforeEach(() => sb.seedLeads(120));

		test('50 per page, next while rows remain, total = count', async () => {
			const p1 = await list({ select: ['ID'] });
			expect([p1.body.result.length, p1.body.next, p1.body.total]).toEqual([50, 50, 120]);
			const p3 = await list({ select: ['ID'], start: 100 });
			expect(p3.body.result.length).toBe(20);
			expect(p3.body).not.toHaveProperty('next');
			expect(p3.body.total).toBe(120);
		});

		test('start is rounded down to the page (legacy)', async () => {
			const res = await list({ select: ['ID'], start: 73 });
			expect(res.body.result[0].ID).toBe('51');
			expect(res.body.next).toBe(100);
		});

		test('start=-1: up to 50 rows, no next, total 0; the >ID cursor walks all rows', async () => {
			const seen = [];
			let lastId = 0;
			for (;;) {
				const res = await list({
					order: { ID: 'ASC' },
					filter: { '>ID': lastId },
					select: ['ID'],
					start: -1,
				});
				expect(res.body).not.toHaveProperty('next');
				expect(res.body.total).toBe(0);
				seen.push(...res.body.result.map((r) => Number(r.ID)));
				if (res.body.result.length < 50) break;
				lastId = seen[seen.length - 1];
			}
			expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
			const desc = await list({
				order: { ID: 'DESC' },
				filter: { '<ID': 100 },
				select: ['ID'],
				start: -1,
			});
			expect(desc.body.result.map((r) => r.ID).slice(0, 3)).toEqual(['99', '98', '97']);
		});

		test('start as a string works in GET and form requests', async () => {
			const res = await list({ select: ['ID'], start: '50' }, { as: 'get' });
			expect(res.body.result[0].ID).toBe('51');
			expect(sb.log[0].params).toEqual({ select: ['ID'], start: '50' });
		});
	});

	describe('filter, order, select', () => {
		beforeEach(() => {
			sb.seedLeads(10, (i) => ({
				TITLE: `Lead ${i + 1}`,
				NAME: i % 2 ? 'Anna' : 'Boris',
				STATUS_ID: STATUSES[i % 5],
				OPPORTUNITY: (i + 1) * 100,
				PHONE: i < 3 ? [{ VALUE: `+1 555 000${i}` }] : undefined,
				UF_CRM_SOURCE_DETAIL: i === 4 ? 'Trade show' : undefined,
			}));
		});
		const ids = async (params) =>
			(await list({ select: ['ID'], ...params })).body.result.map((r) => Number(r.ID));

		test('comparison operators compare numbers numerically', async () => {
			expect(await ids({ filter: { '>OPPORTUNITY': 800 } })).toEqual([9, 10]);
			expect(await ids({ filter: { '>=OPPORTUNITY': '800' } })).toEqual([8, 9, 10]);
			expect(await ids({ filter: { '<ID': 3 } })).toEqual([1, 2]);
			expect(await ids({ filter: { '<=ID': '3', '>ID': 1 } })).toEqual([2, 3]);
			expect(await ids({ filter: { OPPORTUNITY: 1000 } })).toEqual([10]);
		});

		test('=, !, !=, @, !@ and array values', async () => {
			expect(await ids({ filter: { STATUS_ID: 'CONVERTED' } })).toEqual([4, 9]);
			expect(await ids({ filter: { '=STATUS_ID': 'converted' } })).toEqual([4, 9]);
			expect(await ids({ filter: { '!STATUS_ID': 'NEW', '<ID': 4 } })).toEqual([2, 3]);
			expect(await ids({ filter: { '!=NAME': 'Anna' } })).toEqual([1, 3, 5, 7, 9]);
			expect(await ids({ filter: { '@ID': [2, 4, 99] } })).toEqual([2, 4]);
			expect(await ids({ filter: { '!@STATUS_ID': ['NEW', 'JUNK', 'IN_PROCESS'] } })).toEqual([
				3, 4, 8, 9,
			]);
			expect(await ids({ filter: { ID: [1, 3] } })).toEqual([1, 3]);
		});

		test('LIKE operators', async () => {
			expect(await ids({ filter: { '%TITLE': 'ead 1' } })).toEqual([1, 10]);
			expect(await ids({ filter: { '=%TITLE': 'lead 1%' } })).toEqual([1, 10]);
			expect(await ids({ filter: { '%=TITLE': '%d 2' } })).toEqual([2]);
			expect(await ids({ filter: { '!%TITLE': 'Lead 1', '<ID': 4 } })).toEqual([2, 3]);
			expect(await ids({ filter: { PHONE: '+1 555 0001' } })).toEqual([2]);
			expect(await ids({ filter: { '%UF_CRM_SOURCE_DETAIL': 'trade' } })).toEqual([5]);
		});

		test('empty operand means "is empty"; unknown filter fields are ignored', async () => {
			expect(await ids({ filter: { UF_CRM_SOURCE_DETAIL: '', '<ID': 6 } })).toEqual([1, 2, 3, 4]);
			expect(await ids({ filter: { '!UF_CRM_SOURCE_DETAIL': '' } })).toEqual([5]);
			expect(
				await ids({ filter: { NO_SUCH_FIELD: 'x', title: 'lower-case keys are unknown' } }),
			).toHaveLength(10);
		});

		test('dates compare as dates, with or without offset', async () => {
			sb.reset();
			sb.seedLeads(1);
			clock.advance(24 * 3600 * 1000);
			sb.seedLeads(1);
			expect(await ids({ filter: { '>DATE_CREATE': '2026-01-10T23:00:00' } })).toEqual([2]);
			expect(await ids({ filter: { '<DATE_CREATE': '2026-01-10T12:30:00+03:00' } })).toEqual([]);
			expect(await ids({ filter: { '<=DATE_CREATE': '2026-01-10T12:00:00Z' } })).toEqual([1]);
		});

		test('order: multi-key, ASC/DESC, STATUS_ID by stage sort', async () => {
			expect(await ids({ order: { NAME: 'asc', OPPORTUNITY: 'DESC' } })).toEqual([
				10, 8, 6, 4, 2, 9, 7, 5, 3, 1,
			]);
			expect(await ids({ order: { STATUS_ID: 'DESC', ID: 'ASC' } })).toEqual([
				5, 10, 4, 9, 3, 8, 2, 7, 1, 6,
			]);
			expect(await ids({ order: { OPPORTUNITY: 'nonsense' }, start: 0 })).toEqual([
				1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
			]);
		});

		test('select: * without UF and multifields, UF_*, named multifields, ID always', async () => {
			const star = (await list({ select: ['*'], filter: { ID: 1 } })).body.result[0];
			expect(star).toHaveProperty('TITLE');
			expect(star).not.toHaveProperty('UF_CRM_SOURCE_DETAIL');
			expect(star).not.toHaveProperty('PHONE');
			const uf = (await list({ select: ['UF_*'], filter: { ID: 5 } })).body.result[0];
			expect(uf).toEqual({ ID: '5', UF_CRM_SOURCE_DETAIL: 'Trade show', UF_CRM_IS_VIP: null });
			const phones = (await list({ select: ['TITLE', 'PHONE'], filter: { '<ID': 5 } })).body.result;
			expect(phones[0]).toEqual({
				ID: '1',
				TITLE: 'Lead 1',
				PHONE: [{ ID: '1', VALUE_TYPE: 'WORK', VALUE: '+1 555 0000', TYPE_ID: 'PHONE' }],
			});
			expect(phones[3]).toEqual({ ID: '4', TITLE: 'Lead 4' });
			const defaults = (await list({})).body.result[0];
			expect(Object.keys(defaults)).toEqual(Object.keys(star));
		});
	});

	test('a large table seeds and the cursor path finds its rows', async () => {
		const newIds = sb.seedLeads(50000, (i) => ({ TITLE: `Bulk ${i}`, OPPORTUNITY: i }));
		expect(newIds).toHaveLength(50000);
		const res = await list({
			order: { ID: 'ASC' },
			filter: { '>ID': 49000 },
			select: ['ID'],
			start: -1,
		});
		expect(res.body.result[0].ID).toBe('49001');
		expect(res.body.result).toHaveLength(50);
	});

	test('countCostMsPerThousandRows delays counting pages only', async () => {
		const waits = [];
		const slow = await startSandbox({
			countCostMsPerThousandRows: 40,
			sleep: async (ms) => {
				waits.push(ms);
			},
		});
		try {
			slow.seedLeads(5000);
			await call(slow.webhookUrl, 'crm.lead.list', { select: ['ID'] });
			await call(slow.webhookUrl, 'crm.lead.list', { select: ['ID'], start: -1 });
			// 5,000 rows counted at 40 ms per 1,000; the start=-1 page counts nothing.
			expect(waits).toEqual([200, 0]);
		} finally {
			await slow.stop();
		}
	});
});

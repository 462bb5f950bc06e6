import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bitrix24Client } from '../../../../nodes/shared/bitrix24/client';
import type { ListRequest } from '../../../../nodes/shared/bitrix24/transport';
import { fakeContext, rows } from './fakeContext';

const exportAll = async (ctx: IExecuteFunctions, request: ListRequest) =>
	await (await bitrix24Client(ctx)).export(request);
const listByOffset = async (ctx: IExecuteFunctions, request: ListRequest) =>
	await (await bitrix24Client(ctx)).list(request);

const decode = (command: unknown) => decodeURIComponent(String(command));

/**
 * A list command of a batch, decoded: its `>ID` cursor (a number or a `$result` reference), its
 * `<=ID` bound (ranges read side by side have one) and order.
 */
function command(raw: unknown) {
	const text = decode(raw);
	const bound = /filter\[<=(?:ID|id)\]=([^&]*)/.exec(text)?.[1];
	return {
		cursor: /filter\[>(?:ID|id)\]=([^&]*)/.exec(text)?.[1] ?? '',
		bound: bound === undefined ? Infinity : Number(bound),
		descending: /order\[(?:ID|id)\]=DESC/.test(text),
	};
}

/**
 * A table served as Bitrix24 serves it: plain calls and batches of chained pages, where a
 * `$result` reference resolves to the last ID of the page it names (a page after a short one
 * runs against a broken reference and gets nothing here). `ids` are the table's IDs, ascending.
 */
function table(ids: number[]) {
	/** Index of the first ID above `after` (binary search: `ids` ascend). */
	const firstAbove = (after: number) => {
		let low = 0;
		let high = ids.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (ids[middle] > after) high = middle;
			else low = middle + 1;
		}
		return low;
	};
	const asRows = (found: number[]) => found.map((id) => ({ ID: String(id) }));
	const rowsAfter = (after: number, bound: number) => {
		const from = firstAbove(after);
		return asRows(ids.slice(from, from + 50).filter((id) => id <= bound));
	};
	const served = { calls: 0, emptyCalls: 0 };
	const serve = (after: number, bound = Infinity) => {
		const page = rowsAfter(after, bound);
		served.calls += 1;
		if (page.length === 0) served.emptyCalls += 1;
		return page;
	};
	const fake = fakeContext((url, body) => {
		if (url !== 'batch.json') return { result: serve(Number((body.filter as IDataObject)['>ID'])) };
		const results: IDataObject = {};
		for (const [key, raw] of Object.entries(body.cmd as IDataObject)) {
			const { cursor, bound, descending } = command(raw);
			if (descending) {
				served.calls += 1;
				const from = firstAbove(Number(cursor));
				results[key] = asRows(ids.slice(Math.max(from, ids.length - 50)).reverse());
				continue;
			}
			const named = /^\$result\[(\w+)\]\[49\]\[ID\]$/.exec(cursor)?.[1];
			const previous = named ? (results[named] as IDataObject[]) : undefined;
			if (named && previous?.length !== 50) {
				served.calls += 1;
				served.emptyCalls += 1;
				results[key] = [];
				continue;
			}
			results[key] = serve(named ? Number(previous?.[49].ID) : Number(cursor), bound);
		}
		return { result: { result: results } };
	});
	return { ...fake, served };
}

const upTo = (size: number) => Array.from({ length: size }, (_, i) => i + 1);

describe('exportAll (fast export chained in batch)', () => {
	it('reads an empty table in one request: a page beside the look-up of the last ID', async () => {
		const { ctx, sent } = table([]);
		expect(
			await exportAll(ctx, {
				method: 'crm.lead.list',
				params: { filter: { STATUS_ID: 'NEW' } },
			}),
		).toEqual([]);
		expect(sent).toHaveLength(1);
		expect(sent[0].url).toBe('batch.json');
		const cmd = sent[0].body.cmd as IDataObject;
		expect(Object.keys(cmd)).toEqual(['p0', 'last']);
		expect(decode(cmd.p0)).toBe(
			'crm.lead.list?filter[STATUS_ID]=NEW&filter[>ID]=0&order[ID]=ASC&start=-1',
		);
		expect(decode(cmd.last)).toBe(
			'crm.lead.list?filter[STATUS_ID]=NEW&filter[>ID]=0&order[ID]=DESC&start=-1&select[0]=ID',
		);
		expect(sent[0].body.halt).toBe(0);
	});

	it('after a full first page, chains the pages the IDs up to the last one hold through $result references', async () => {
		const { ctx, sent, served } = table(upTo(133));
		const all = await exportAll(ctx, {
			method: 'crm.lead.list',
			params: { filter: { STATUS_ID: 'NEW' } },
		});
		expect(all.map((row) => Number(row.ID))).toEqual(upTo(133));
		expect(sent).toHaveLength(2);
		const cmd = sent[1].body.cmd as IDataObject;
		expect(Object.keys(cmd)).toEqual(['p0', 'p1']);
		expect(decode(cmd.p0)).toBe(
			'crm.lead.list?filter[STATUS_ID]=NEW&filter[>ID]=50&order[ID]=ASC&start=-1',
		);
		expect(decode(cmd.p1)).toBe(
			'crm.lead.list?filter[STATUS_ID]=NEW&filter[>ID]=$result[p0][49][ID]&order[ID]=ASC&start=-1',
		);
		// The first page and the look-up, then 2 pages; none came back empty.
		expect(served).toEqual({ calls: 4, emptyCalls: 0 });
	});

	it('reads a nested rows key with its own ID casing', async () => {
		const ids = upTo(2510);
		const { ctx, sent } = fakeContext((_url, body) => {
			const results: IDataObject = {};
			for (const [key, raw] of Object.entries(body.cmd as IDataObject)) {
				const text = decode(raw);
				if (/order\[id\]=DESC/.test(text)) {
					results[key] = { items: [{ id: 2510 }] };
					continue;
				}
				const cursor = /filter\[>id\]=([^&]*)/.exec(text)?.[1] ?? '0';
				const named = /^\$result\[(\w+)\]\[items\]\[49\]\[id\]$/.exec(cursor)?.[1];
				const previous = named
					? ((results[named] as IDataObject).items as IDataObject[])
					: undefined;
				const after = named ? Number(previous?.[49]?.id ?? Infinity) : Number(cursor);
				results[key] = {
					items: ids
						.filter((id) => id > after)
						.slice(0, 50)
						.map((id) => ({ id })),
				};
			}
			return { result: { result: results } };
		});
		const all = await exportAll(ctx, {
			method: 'crm.item.list',
			params: { entityTypeId: 2, select: ['title'] },
			idField: 'id',
			rowsKey: 'items',
		});
		expect(all.map((row) => row.id)).toEqual(ids);
		expect(sent).toHaveLength(2);
		const first = sent[0].body.cmd as IDataObject;
		expect(decode(first.p0)).toContain('select[0]=title&select[1]=id');
		expect(decode(first.last)).toBe(
			'crm.item.list?entityTypeId=2&select[0]=id&filter[>id]=0&order[id]=DESC&start=-1',
		);
		// IDs 51…2510 are 2,460 rows: 50 pages, the last one short.
		const second = sent[1].body.cmd as IDataObject;
		expect(Object.keys(second)).toHaveLength(50);
		expect(decode(second.p0)).toContain('filter[>id]=50');
		expect(decode(second.p1)).toContain('filter[>id]=$result[p0][items][49][id]');
	});

	it('asks only for the pages a limit needs, and starts after a user-given >ID', async () => {
		const { ctx, sent } = table(upTo(1000));
		const some = await exportAll(ctx, {
			method: 'crm.lead.list',
			params: { filter: { '>ID': 500 } },
			limit: 120,
		});
		expect(some.map((row) => Number(row.ID))).toEqual(upTo(120).map((i) => i + 500));
		// The limit fills three pages: one request, no look-up needed.
		expect(sent).toHaveLength(1);
		const cmd = sent[0].body.cmd as IDataObject;
		expect(Object.keys(cmd)).toEqual(['p0', 'p1', 'p2']);
		expect(decode(cmd.p0)).toContain('filter[>ID]=500');
	});

	it('uses a plain call when one page is enough', async () => {
		const { ctx, sent } = fakeContext(() => ({ result: rows(1, 7), total: 0 }));
		expect(await exportAll(ctx, { method: 'crm.lead.list', params: {}, limit: 10 })).toHaveLength(
			7,
		);
		expect(sent).toEqual([
			{
				url: 'crm.lead.list.json',
				body: { filter: { '>ID': 0 }, order: { ID: 'ASC' }, start: -1 },
			},
		]);
	});

	it('fails with the Bitrix24 error of a page that could not be read', async () => {
		const { ctx } = fakeContext(() => ({
			result: {
				result: { p0: rows(51, 100), last: [{ ID: '500' }] },
				result_error: { p1: { error: 'ACCESS_DENIED', error_description: 'Access denied!' } },
			},
		}));
		await expect(exportAll(ctx, { method: 'crm.lead.list', params: {} })).rejects.toMatchObject({
			message: 'Bitrix24 crm.lead.list: Access denied! [ACCESS_DENIED]',
			httpCode: '403',
		});
	});
});

describe('exportAll at page boundaries', () => {
	it.each([
		// rows, requests, list calls (pages and look-ups), empty calls
		[0, 1, 2, 1],
		[49, 1, 2, 0],
		[50, 1, 2, 0],
		[133, 2, 4, 0],
		[2500, 2, 52, 1],
		[2501, 2, 52, 0],
		[10000, 5, 202, 1],
	])(
		'reads a table of %i rows in %i request(s) with %i list calls, %i of them empty',
		async (size, requests, calls, emptyCalls) => {
			const { ctx, sent, served } = table(upTo(size));
			const all = await exportAll(ctx, { method: 'crm.lead.list', params: {} });
			expect(all.map((row) => Number(row.ID))).toEqual(upTo(size));
			expect(sent).toHaveLength(requests);
			expect(served).toEqual({ calls, emptyCalls });
		},
	);

	it('reads 100,000 rows in 41 requests, 2,500 rows per request after the first', async () => {
		const { ctx, sent, served } = table(upTo(100000));
		const all = await exportAll(ctx, { method: 'crm.lead.list', params: {} });
		expect(all).toHaveLength(100000);
		expect(new Set(all.map((row) => row.ID)).size).toBe(100000);
		expect(sent).toHaveLength(41);
		expect(
			sent.slice(1).every((request) => Object.keys(request.body.cmd as IDataObject).length === 50),
		).toBe(true);
		expect(served.emptyCalls).toBe(1);
	});

	it('judges the pages left by how densely the IDs are used (a filtered or thinned-out table)', async () => {
		const odd = upTo(1000).map((i) => i * 2 - 1);
		const { ctx, sent, served } = table(odd);
		const all = await exportAll(ctx, { method: 'crm.lead.list', params: {} });
		expect(all.map((row) => Number(row.ID))).toEqual(odd);
		expect(sent).toHaveLength(2);
		expect(served.emptyCalls).toBeLessThanOrEqual(1);
	});

	it('looks again for the last ID when rows were added during the export', async () => {
		const ids = upTo(300);
		const { ctx, sent } = table(ids);
		const grow = ctx.helpers.httpRequestWithAuthentication;
		ctx.helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: unknown[]) {
			const answer = await (grow as (...a: unknown[]) => Promise<unknown>).apply(this, args);
			// Right after the look-up saw 300 as the last ID, 200 more rows arrive.
			if (sent.length === 1) ids.push(...upTo(200).map((i) => i + 300));
			return answer;
		};
		const all = await exportAll(ctx, { method: 'crm.lead.list', params: {} });
		expect(all.map((row) => Number(row.ID))).toEqual(upTo(500));
		const lookUps = sent.filter((request) =>
			Object.keys((request.body.cmd as IDataObject | undefined) ?? {}).includes('last'),
		);
		expect(lookUps).toHaveLength(2);
	});

	it('stops with a clear error when rows come without their ID', async () => {
		const { ctx } = fakeContext(() => ({
			result: {
				result: { p0: Array.from({ length: 50 }, () => ({ TITLE: 'x' })), last: [{ TITLE: 'x' }] },
			},
		}));
		await expect(exportAll(ctx, { method: 'crm.lead.list', params: {} })).rejects.toThrow(
			'crm.lead.list returned rows without a usable ID',
		);
	});
});

describe('listByOffset (custom order)', () => {
	it('reads the first page, then requests every remaining offset in one batch', async () => {
		const { ctx, sent } = fakeContext((url, body) => {
			if (url !== 'batch.json') return { result: rows(1, 50), next: 50, total: 130 };
			const pages: IDataObject = {};
			for (const key of Object.keys(body.cmd as IDataObject)) {
				const start = Number(key.slice(1));
				pages[key] = rows(start + 1, Math.min(start + 50, 130));
			}
			return { result: { result: pages } };
		});
		const all = await listByOffset(ctx, {
			method: 'crm.lead.list',
			params: { order: { TITLE: 'DESC' } },
		});
		expect(all).toHaveLength(130);
		expect(sent).toHaveLength(2);
		expect(Object.keys(sent[1].body.cmd as IDataObject)).toEqual(['s50', 's100']);
		expect(decode((sent[1].body.cmd as IDataObject).s100)).toBe(
			'crm.lead.list?order[TITLE]=DESC&start=100',
		);
	});

	it('stops after one request when the first page holds everything or the limit', async () => {
		const { ctx, sent } = fakeContext(() => ({ result: rows(1, 50), next: 50, total: 500 }));
		expect(
			await listByOffset(ctx, { method: 'crm.lead.list', params: {}, limit: 20 }),
		).toHaveLength(20);
		expect(sent).toHaveLength(1);
	});

	it('follows next page by page when Bitrix24 gives no total', async () => {
		const { ctx, sent } = fakeContext((_url, body) => {
			const start = Number(body.start);
			return start < 100
				? { result: rows(start + 1, start + 50), next: start + 50 }
				: { result: rows(101, 120) };
		});
		const all = await listByOffset(ctx, { method: 'some.list', params: {} });
		expect(all).toHaveLength(120);
		expect(sent.map((request) => request.body.start)).toEqual([0, 50, 100]);
	});
});

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { bitrix24Client } from '../../../../nodes/shared/bitrix24/client';
import { EXPORT_LANES } from '../../../../nodes/shared/bitrix24/transport/list';
import { fakeContext } from './fakeContext';

// A large export splits the IDs up to the last one into ranges of about 2,500 rows, read side by
// side. Asserted on what the portal was asked and gave: requests in flight, every row once, ID
// order, how many requests. Never on time.

interface Options {
	/** Rows added after this many requests (rows created while the export runs). */
	addAfter?: { requests: number; ids: number[] };
	/** Answer the page `p<n>` of this request number with QUERY_LIMIT_EXCEEDED (not run). */
	refuse?: { request: number; page: number };
}

/**
 * A portal table served as Bitrix24 serves the fast export: `>ID` and `<=ID` filters, pages
 * chained through `$result[pN][49][ID]` (a page after a short one gets nothing), the look-up in
 * ID descending order. Answers come a few turns of the event loop later, so requests sent side by
 * side are in flight together.
 */
function portal(initial: number[], options: Options = {}) {
	const ids = [...initial];
	const log: Array<{ cmd: Record<string, string>; inFlight: number }> = [];
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
	const page = (after: number, bound: number) => {
		const from = firstAbove(after);
		return ids
			.slice(from, from + 50)
			.filter((id) => id <= bound)
			.map((id) => ({ ID: String(id) }));
	};
	const answer = (body: IDataObject, url: string, inFlight: number): IDataObject => {
		if (url !== 'batch.json') {
			const filter = body.filter as IDataObject;
			return { result: page(Number(filter['>ID']), Number(filter['<=ID'] ?? Infinity)) };
		}
		const cmd = Object.fromEntries(
			Object.entries(body.cmd as IDataObject).map(([key, raw]) => [
				key,
				decodeURIComponent(String(raw)),
			]),
		);
		log.push({ cmd, inFlight });
		const request = log.length;
		const result: IDataObject = {};
		const errors: IDataObject = {};
		for (const [key, text] of Object.entries(cmd)) {
			const cursor = /filter\[>ID\]=([^&]*)/.exec(text)?.[1] ?? '0';
			const bound = Number(/filter\[<=ID\]=([^&]*)/.exec(text)?.[1] ?? Infinity);
			if (/order\[ID\]=DESC/.test(text)) {
				const last = ids.filter((id) => id <= bound).pop();
				result[key] = last === undefined ? [] : [{ ID: String(last) }];
				continue;
			}
			if (options.refuse?.request === request && key === `p${options.refuse.page}`) {
				errors[key] = { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' };
				break;
			}
			const named = /^\$result\[(\w+)\]\[49\]\[ID\]$/.exec(cursor)?.[1];
			const previous = named ? (result[named] as IDataObject[] | undefined) : undefined;
			if (named && previous?.length !== 50) {
				result[key] = [];
				continue;
			}
			result[key] = page(named ? Number(previous?.[49].ID) : Number(cursor), bound);
		}
		if (options.addAfter?.requests === request) ids.push(...options.addAfter.ids);
		return { result: { result, result_error: errors } };
	};

	const { ctx, maxInFlight } = fakeContext((url, body, inFlight) => answer(body, url, inFlight), {
		turns: 3,
	});
	const batches = () => log;
	return { ctx, batches, maxInFlight };
}

const exportAll = async (ctx: IExecuteFunctions, params: IDataObject = {}) =>
	await (await bitrix24Client(ctx)).export({ method: 'crm.deal.list', params });

const upTo = (size: number) => Array.from({ length: size }, (_, i) => i + 1);
const idsOf = (rows: IDataObject[]) => rows.map((row) => Number(row.ID));

describe('a large export in ID ranges read side by side', () => {
	it('reads 100,000 rows in 41 requests, up to 5 at a time, each row once and in ID order', async () => {
		const table = portal(upTo(100000));
		const rows = await exportAll(table.ctx);
		expect(idsOf(rows)).toEqual(upTo(100000));
		// One page beside the look-up of the last ID, 39 ranges of 2,500 rows and the rest.
		expect(table.batches()).toHaveLength(41);
		expect(Object.keys(table.batches()[0].cmd)).toEqual(['p0', 'last']);
		expect(table.maxInFlight()).toBe(EXPORT_LANES);
		const ranged = table.batches().slice(1);
		// Every range names its last ID, except the last one, which reads past it.
		expect(ranged.slice(0, -1).every(({ cmd }) => /filter\[<=ID\]=\d+/.test(cmd.p0))).toBe(true);
		expect(ranged[ranged.length - 1].cmd.p0).not.toMatch(/<=ID/);
		expect(ranged.every(({ cmd }) => Object.keys(cmd).length <= 50)).toBe(true);
		expect(ranged[0].cmd.p0).toContain('filter[>ID]=50&filter[<=ID]=2550');
		expect(ranged[1].cmd.p1).toContain('filter[>ID]=$result[p0][49][ID]&filter[<=ID]=5050');
	});

	it('reads a range again where it holds more rows than judged, and keeps the order', async () => {
		// Sparse at first (every 10th ID), then dense: the first ranges are judged too wide.
		const ids = [...upTo(300).map((i) => i * 10), ...upTo(20000).map((i) => 3000 + i)];
		const table = portal(ids);
		const rows = await exportAll(table.ctx);
		expect(idsOf(rows)).toEqual(ids);
		expect(new Set(idsOf(rows)).size).toBe(ids.length);
	});

	it('goes on with a plain call from the last row read when a page of a range was refused', async () => {
		const table = portal(upTo(20000), { refuse: { request: 4, page: 10 } });
		const rows = await exportAll(table.ctx);
		expect(idsOf(rows)).toEqual(upTo(20000));
	});

	it('finds rows added while the ranges were read', async () => {
		const table = portal(upTo(12000), {
			addAfter: { requests: 3, ids: upTo(3000).map((i) => 12000 + i) },
		});
		const rows = await exportAll(table.ctx);
		expect(idsOf(rows)).toEqual(upTo(15000));
	});

	it("keeps a user's own upper ID bound", async () => {
		const table = portal(upTo(30000));
		const rows = await exportAll(table.ctx, { filter: { '<=ID': 20000 } });
		expect(idsOf(rows)).toEqual(upTo(20000));
		expect(
			table.batches().every(({ cmd }) =>
				Object.values(cmd).every((text) => {
					const bound = /filter\[<=ID\]=(\d+)/.exec(text)?.[1];
					return bound === undefined || Number(bound) <= 20000;
				}),
			),
		).toBe(true);
	});
});

import type { IDataObject } from 'n8n-workflow';

import { exportAll, listByOffset } from '../../../nodes/Bitrix24/transport';
import { fakeContext, rows } from './fakeContext';

const decode = (command: unknown) => decodeURIComponent(String(command));

describe('exportAll (fast export chained in batch)', () => {
	it('chains up to 50 pages in one batch through $result references and stops at a short page', async () => {
		const { ctx, sent } = fakeContext(() => ({
			result: { result: { p0: rows(1, 50), p1: rows(51, 100), p2: rows(101, 120), p3: [] } },
		}));
		const all = await exportAll.call(ctx, {
			method: 'crm.lead.list',
			params: { filter: { STATUS_ID: 'NEW' } },
		});
		expect(all.map((row) => Number(row.ID))).toEqual(rows(1, 120).map((row) => Number(row.ID)));
		expect(sent).toHaveLength(1);
		expect(sent[0].url).toBe('batch.json');
		const cmd = sent[0].body.cmd as IDataObject;
		expect(Object.keys(cmd)).toHaveLength(50);
		expect(decode(cmd.p0)).toBe(
			'crm.lead.list?filter[STATUS_ID]=NEW&filter[>ID]=0&order[ID]=ASC&start=-1',
		);
		expect(decode(cmd.p1)).toBe(
			'crm.lead.list?filter[STATUS_ID]=NEW&filter[>ID]=$result[p0][49][ID]&order[ID]=ASC&start=-1',
		);
		expect(sent[0].body.halt).toBe(0);
	});

	it('continues from the last ID of a full batch, and reads a nested rows key', async () => {
		let call = 0;
		const { ctx, sent } = fakeContext((_url, body) => {
			call += 1;
			const pages: IDataObject = {};
			const keys = Object.keys(body.cmd as IDataObject);
			keys.forEach((key, page) => {
				const first = (call - 1) * 2500 + page * 50 + 1;
				const found =
					call === 1 ? rows(first, first + 49) : page === 0 ? rows(first, first + 9) : [];
				pages[key] = { items: found.map((row) => ({ id: Number(row.ID) })) };
			});
			return { result: { result: pages } };
		});
		const all = await exportAll.call(ctx, {
			method: 'crm.item.list',
			params: { entityTypeId: 2, select: ['title'] },
			idField: 'id',
			rowsKey: 'items',
		});
		expect(all).toHaveLength(2510);
		expect(sent).toHaveLength(2);
		const second = sent[1].body.cmd as IDataObject;
		expect(decode(second.p0)).toContain('filter[>id]=2500');
		expect(decode(second.p1)).toContain('filter[>id]=$result[p0][items][49][id]');
		expect(decode(second.p0)).toContain('select[0]=title&select[1]=id');
	});

	it('asks only for the pages a limit needs, and starts after a user-given >ID', async () => {
		const { ctx, sent } = fakeContext(() => ({
			result: { result: { p0: rows(501, 550), p1: rows(551, 600), p2: rows(601, 650) } },
		}));
		const some = await exportAll.call(ctx, {
			method: 'crm.lead.list',
			params: { filter: { '>ID': 500 } },
			limit: 120,
		});
		expect(some).toHaveLength(120);
		expect(Object.keys(sent[0].body.cmd as IDataObject)).toEqual(['p0', 'p1', 'p2']);
		expect(decode((sent[0].body.cmd as IDataObject).p0)).toContain('filter[>ID]=500');
	});

	it('uses a plain call when one page is enough', async () => {
		const { ctx, sent } = fakeContext(() => ({ result: rows(1, 7), total: 0 }));
		expect(
			await exportAll.call(ctx, { method: 'crm.lead.list', params: {}, limit: 10 }),
		).toHaveLength(7);
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
				result: { p0: rows(1, 50) },
				result_error: { p1: { error: 'ACCESS_DENIED', error_description: 'Access denied!' } },
			},
		}));
		await expect(
			exportAll.call(ctx, { method: 'crm.lead.list', params: {} }),
		).rejects.toMatchObject({
			message: 'Bitrix24 crm.lead.list: Access denied! [ACCESS_DENIED]',
			httpCode: '403',
		});
	});
});

describe('exportAll at page boundaries', () => {
	/** A table of `size` rows served page by page from the `>ID` cursor each command carries. */
	function table(size: number) {
		return fakeContext((url, body) => {
			const page = (after: number) => rows(after + 1, Math.min(after + 50, size));
			if (url !== 'batch.json')
				return { result: page(Number((body.filter as IDataObject)['>ID'])) };
			const results: IDataObject = {};
			let after = -1;
			for (const [key, command] of Object.entries(body.cmd as IDataObject)) {
				const cursor = /filter%5B%3EID%5D=([^&]*)/.exec(String(command))?.[1] ?? '';
				after = /^\d+$/.test(cursor) ? Number(cursor) : after + 50;
				results[key] = after < size ? page(after) : [];
			}
			return { result: { result: results } };
		});
	}

	it.each([
		[49, 1],
		[50, 1],
		[2500, 2],
		[2501, 2],
		[10000, 5],
	])('reads a table of %i rows in %i request(s)', async (size, requests) => {
		const { ctx, sent } = table(size);
		const all = await exportAll.call(ctx, { method: 'crm.lead.list', params: {} });
		expect(all.map((row) => Number(row.ID))).toEqual(Array.from({ length: size }, (_, i) => i + 1));
		expect(sent).toHaveLength(requests);
	});

	it('stops with a clear error when rows come without their ID', async () => {
		const { ctx } = fakeContext((_url, body) => {
			const pages: IDataObject = {};
			for (const key of Object.keys(body.cmd as IDataObject))
				pages[key] = Array.from({ length: 50 }, () => ({ TITLE: 'x' }));
			return { result: { result: pages } };
		});
		await expect(exportAll.call(ctx, { method: 'crm.lead.list', params: {} })).rejects.toThrow(
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
		const all = await listByOffset.call(ctx, {
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
			await listByOffset.call(ctx, { method: 'crm.lead.list', params: {}, limit: 20 }),
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
		const all = await listByOffset.call(ctx, { method: 'some.list', params: {} });
		expect(all).toHaveLength(120);
		expect(sent.map((request) => request.body.start)).toEqual([0, 50, 100]);
	});
});

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
				pages[key] = {
					items: call === 1 ? rows(first, first + 49) : page === 0 ? rows(first, first + 9) : [],
				};
			});
			return { result: { result: pages } };
		});
		const all = await exportAll.call(ctx, {
			method: 'crm.item.list',
			params: { entityTypeId: 2, select: ['title'] },
			idField: 'ID',
			rowsKey: 'items',
		});
		expect(all).toHaveLength(2510);
		expect(sent).toHaveLength(2);
		const second = sent[1].body.cmd as IDataObject;
		expect(decode(second.p0)).toContain('filter[>ID]=2500');
		expect(decode(second.p1)).toContain('filter[>ID]=$result[p0][items][49][ID]');
		expect(decode(second.p0)).toContain('select[0]=title&select[1]=ID');
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
});

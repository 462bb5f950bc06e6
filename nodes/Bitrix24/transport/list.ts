import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiBatch, apiRequest, commandError } from './api';
import type { Command, CommandResult } from './batch';
import { BATCH_LIMIT } from './batch';
import type { Bitrix24Context } from './connection';
import type { Envelope } from './envelope';
import { wasRefused } from './retryPolicy';

export const PAGE_SIZE = 50;

export interface ListRequest {
	method: string;
	/** `filter`, `select`, `order` and any other parameter of the list method. */
	params: IDataObject;
	/** Where the rows are inside `result` (`items` for crm.item.list); omit when `result` is the array. */
	rowsKey?: string;
	/** The ID field's name in this method's casing (`ID` for legacy CRM, `id` for crm.item.*). */
	idField?: string;
	/** The ID field's name in the returned rows when it differs (tasks.task.list: `ID` in, `id` out). */
	rowIdField?: string;
	/** Stop after this many rows; omit for all. */
	limit?: number;
}

export function rowsOf(result: unknown, rowsKey?: string): IDataObject[] {
	const rows = rowsKey ? (result as IDataObject | undefined)?.[rowsKey] : result;
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

function withIdSelected(params: IDataObject, idField: string): IDataObject {
	const select = params.select as unknown[] | undefined;
	if (!Array.isArray(select) || select.length === 0) return params;
	if (select.includes('*') || select.includes(idField)) return params;
	return { ...params, select: [...select, idField] };
}

/**
 * Fast export of a whole table: rows ordered by ID, `>ID` filter, `start=-1` (no COUNT query),
 * and up to 50 pages chained inside one `batch` through `$result[page][49][ID]` references —
 * 2,500 rows per HTTP request. A page shorter than 50 rows ends the table; pages after it in the
 * same batch ran against a broken reference and are ignored. A page Bitrix24 refused (rate or
 * method time limit) cannot be resent on its own, its reference would not resolve: the export
 * goes on from the last row read with a plain call, which waits as the limits require.
 */
export async function exportAll(
	this: Bitrix24Context,
	request: ListRequest,
): Promise<IDataObject[]> {
	const idField = request.idField ?? 'ID';
	const rowIdField = request.rowIdField ?? idField;
	const base = withIdSelected(request.params, idField);
	const filter = { ...((base.filter as IDataObject | undefined) ?? {}) };
	const cursorKey = `>${idField}`;
	let cursor: string | number = Number(filter[cursorKey] ?? 0) || 0;
	delete filter[cursorKey];

	const pageParams = (from: string | number): IDataObject => ({
		...base,
		filter: { ...filter, [cursorKey]: from },
		order: { [idField]: 'ASC' },
		start: -1,
	});
	const reference = (page: number) =>
		`$result[p${page}]${request.rowsKey ? `[${request.rowsKey}]` : ''}[${PAGE_SIZE - 1}][${rowIdField}]`;

	const rows: IDataObject[] = [];
	const limit = request.limit ?? Infinity;
	let refused = false;
	while (rows.length < limit) {
		const pages: number = refused
			? 1
			: Math.min(BATCH_LIMIT, Math.ceil((limit - rows.length) / PAGE_SIZE));
		let pageRows: IDataObject[][];
		if (pages === 1) {
			const envelope = await apiRequest.call(this, request.method, pageParams(cursor));
			pageRows = [rowsOf(envelope.result, request.rowsKey)];
			refused = false;
		} else {
			({ pageRows, refused } = await chainedPages.call(this, request, pages, (page) =>
				pageParams(page === 0 ? cursor : reference(page - 1)),
			));
		}
		let ended = false;
		for (const page of pageRows) {
			rows.push(...page);
			if (page.length < PAGE_SIZE) {
				ended = true;
				break;
			}
		}
		if (ended) break;
		if (pageRows.length === 0) continue;
		const last = Number(rows[rows.length - 1][rowIdField]);
		if (!(last > Number(cursor))) {
			throw new NodeOperationError(
				this.getNode(),
				`${request.method} returned rows without a usable ${idField}`,
				{
					description: `The fast export pages by ${idField}; make sure the field selection includes it.`,
				},
			);
		}
		cursor = last;
	}
	return rows.slice(0, limit);
}

/** The pages of one chained batch, up to the end of the table or the first refused page. */
async function chainedPages(
	this: Bitrix24Context,
	request: ListRequest,
	pages: number,
	paramsFor: (page: number) => IDataObject,
): Promise<{ pageRows: IDataObject[][]; refused: boolean }> {
	const commands: Command[] = Array.from({ length: pages }, (_, page) => ({
		key: `p${page}`,
		method: request.method,
		params: paramsFor(page),
	}));
	const results = await apiBatch.call(this, commands, { stopOnFailure: false, resend: false });
	const pageRows: IDataObject[][] = [];
	for (const { key } of commands) {
		const result = results.get(key) as CommandResult;
		if (!result.ok) {
			if (wasRefused(result.failure)) return { pageRows, refused: true };
			throw commandError(this, result);
		}
		const rows = rowsOf(result.result, request.rowsKey);
		pageRows.push(rows);
		if (rows.length < PAGE_SIZE) break;
	}
	return { pageRows, refused: false };
}

/**
 * Paging for lists that must keep a custom order: the first page, then the rest of the pages.
 */
export async function listByOffset(
	this: Bitrix24Context,
	request: ListRequest,
): Promise<IDataObject[]> {
	const first = await apiRequest.call(this, request.method, { ...request.params, start: 0 });
	const rows = rowsOf(first.result, request.rowsKey);
	rows.push(...(await remainingPages.call(this, first, request, rows.length)));
	return rows.slice(0, request.limit ?? Infinity);
}

/**
 * The pages after `first`. When Bitrix24 gave the total, every remaining offset is known and they
 * go 50 pages per `batch` request; otherwise pages follow `next` one by one.
 */
export async function remainingPages(
	this: Bitrix24Context,
	first: Envelope,
	request: ListRequest,
	alreadyRead: number,
): Promise<IDataObject[]> {
	const limit = request.limit ?? Infinity;
	const rows: IDataObject[] = [];
	if (first.next === undefined || alreadyRead >= limit) return rows;

	if (typeof first.total !== 'number') {
		let next: number | undefined = Number(first.next);
		while (next !== undefined && alreadyRead + rows.length < limit) {
			const page: Envelope = await apiRequest.call(this, request.method, {
				...request.params,
				start: next,
			});
			const pageRows = rowsOf(page.result, request.rowsKey);
			rows.push(...pageRows);
			next = page.next !== undefined && pageRows.length > 0 ? Number(page.next) : undefined;
		}
		return rows;
	}

	const end = Math.min(limit, first.total);
	const commands: Command[] = [];
	for (let start = Number(first.next); start < end; start += PAGE_SIZE) {
		commands.push({
			key: `s${start}`,
			method: request.method,
			params: { ...request.params, start },
		});
	}
	const results = await apiBatch.call(this, commands);
	for (const { key } of commands) {
		const result = results.get(key) as CommandResult;
		if (!result.ok) throw commandError(this, result);
		rows.push(...rowsOf(result.result, request.rowsKey));
	}
	return rows;
}

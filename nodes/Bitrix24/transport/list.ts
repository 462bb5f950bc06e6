import type { IDataObject } from 'n8n-workflow';

import type { Command } from './batch';
import { BATCH_LIMIT } from './batch';
import type { Bitrix24Context } from './connection';
import { failureToApiError } from './errors';
import { apiBatch, apiRequest } from './api';

export const PAGE_SIZE = 50;

export interface ListRequest {
	method: string;
	/** `filter`, `select`, `order` and any other parameter of the list method. */
	params: IDataObject;
	/**
	 * Where the rows are inside `result` (`items` for crm.item.list); omit when `result` is the
	 * array. A function picks it from the first page's result.
	 */
	rowsKey?: string | ((firstResult: unknown) => string | undefined);
	/** The ID field's name in this method's casing (`ID` for legacy CRM, `id` for crm.item.*). */
	idField?: string;
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
 * same batch ran against a broken reference and are ignored.
 */
export async function exportAll(
	this: Bitrix24Context,
	request: ListRequest & { rowsKey?: string },
): Promise<IDataObject[]> {
	const idField = request.idField ?? 'ID';
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
		`$result[p${page}]${request.rowsKey ? `[${request.rowsKey}]` : ''}[${PAGE_SIZE - 1}][${idField}]`;

	const rows: IDataObject[] = [];
	const limit = request.limit ?? Infinity;
	while (rows.length < limit) {
		const pages = Math.min(BATCH_LIMIT, Math.ceil((limit - rows.length) / PAGE_SIZE));
		let pageRows: IDataObject[][];
		if (pages === 1) {
			const envelope = await apiRequest.call(this, request.method, pageParams(cursor));
			pageRows = [rowsOf(envelope.result, request.rowsKey)];
		} else {
			pageRows = await chainedPages.call(this, request, pages, (page) =>
				pageParams(page === 0 ? cursor : reference(page - 1)),
			);
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
		cursor = rows[rows.length - 1][idField] as string;
	}
	return rows.slice(0, limit);
}

async function chainedPages(
	this: Bitrix24Context,
	request: ListRequest & { rowsKey?: string },
	pages: number,
	paramsFor: (page: number) => IDataObject,
): Promise<IDataObject[][]> {
	const commands: Command[] = Array.from({ length: pages }, (_, page) => ({
		key: `p${page}`,
		method: request.method,
		params: paramsFor(page),
	}));
	const results = await apiBatch.call(this, commands);
	const pageRows: IDataObject[][] = [];
	for (const { key } of commands) {
		const result = results.get(key);
		if (!result) break;
		if (!result.ok) throw failureToApiError(this.getNode(), result.failure);
		const rows = rowsOf(result.result, request.rowsKey);
		pageRows.push(rows);
		if (rows.length < PAGE_SIZE) break;
	}
	return pageRows;
}

/**
 * Offset paging for lists that must keep a custom order: the first page tells the total, then
 * the remaining offsets go 50 pages per `batch` request.
 */
export async function listByOffset(
	this: Bitrix24Context,
	request: ListRequest,
): Promise<IDataObject[]> {
	const limit = request.limit ?? Infinity;
	const first = await apiRequest.call(this, request.method, { ...request.params, start: 0 });
	const rowsKey =
		typeof request.rowsKey === 'function' ? request.rowsKey(first.result) : request.rowsKey;
	const rows = rowsOf(first.result, rowsKey);
	const total = Math.min(limit, Number(first.total ?? rows.length));
	if (first.next === undefined || rows.length >= total) return rows.slice(0, limit);

	const starts: number[] = [];
	for (let start = Number(first.next); start < total; start += PAGE_SIZE) starts.push(start);
	const commands: Command[] = starts.map((start) => ({
		key: `s${start}`,
		method: request.method,
		params: { ...request.params, start },
	}));
	const results = await apiBatch.call(this, commands);
	for (const { key } of commands) {
		const result = results.get(key);
		if (!result) break;
		if (!result.ok) throw failureToApiError(this.getNode(), result.failure);
		rows.push(...rowsOf(result.result, rowsKey));
	}
	return rows.slice(0, limit);
}

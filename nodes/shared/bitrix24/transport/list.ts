import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiBatch, apiRequest, commandError } from './api';
import type { Command, CommandResult } from './batch';
import { BATCH_LIMIT } from './batch';
import type { Envelope } from './envelope';
import { wasRefused } from './caller';
import type { Session } from './connection';

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
 * Pages chained in the second request of an export, beside the look-up of the table's last ID:
 * a table of a few pages then costs no empty calls.
 */
const SECOND_REQUEST_PAGES = 2;

/**
 * How many pages hold the rows between `cursor` and `lastId`, judged by how densely the rows read
 * so far filled their IDs, plus one: the short (or empty) page that shows the table ended.
 */
function pagesUntil(lastId: number, cursor: number, start: number, rowsRead: number): number {
	const ids = lastId - cursor;
	const density = Math.min(1, rowsRead / Math.max(1, cursor - start));
	return Math.floor(Math.ceil(ids * density) / PAGE_SIZE) + 1;
}

/**
 * Fast export of a whole table: rows ordered by ID, `>ID` filter, `start=-1` (no COUNT query),
 * pages chained inside one `batch` through `$result[page][49][ID]` references. A page shorter
 * than 50 rows ends the table; pages after it in the same batch ran against a broken reference
 * and are ignored, so each request asks only for the pages the table seems to have left: first
 * one page; when it is full, two more beside a look-up of the last matching ID (order by ID
 * descending); then as many as the IDs still ahead hold (at most 50, 2,500 rows per request).
 * A page Bitrix24 refused (rate or method time limit) cannot be resent on its own, its
 * reference would not resolve: the export goes on from the last row read with a plain call,
 * which waits as the limits require.
 */
export async function exportAll(session: Session, request: ListRequest): Promise<IDataObject[]> {
	const idField = request.idField ?? 'ID';
	const rowIdField = request.rowIdField ?? idField;
	const base = withIdSelected(request.params, idField);
	const filter = { ...((base.filter as IDataObject | undefined) ?? {}) };
	const cursorKey = `>${idField}`;
	const start = Number(filter[cursorKey] ?? 0) || 0;
	delete filter[cursorKey];

	const pageParams = (from: string | number): IDataObject => ({
		...base,
		filter: { ...filter, [cursorKey]: from },
		order: { [idField]: 'ASC' },
		start: -1,
	});
	const lastIdParams = (from: number): IDataObject => ({
		...pageParams(from),
		select: [idField],
		order: { [idField]: 'DESC' },
	});
	const reference = (page: number) =>
		`$result[p${page}]${request.rowsKey ? `[${request.rowsKey}]` : ''}[${PAGE_SIZE - 1}][${rowIdField}]`;

	const rows: IDataObject[] = [];
	const limit = request.limit ?? Infinity;
	let cursor = start;
	/** The highest matching ID when last looked up. */
	let lastId: number | undefined;
	let pages: number = 1;
	let refused = false;
	while (rows.length < limit) {
		const room = Math.ceil((limit - rows.length) / PAGE_SIZE);
		const wanted: number = refused ? 1 : Math.min(BATCH_LIMIT, room, pages);
		let pageRows: IDataObject[][];
		if (wanted === 1) {
			const envelope = await apiRequest(session, request.method, pageParams(cursor));
			pageRows = [rowsOf(envelope.result, request.rowsKey)];
			refused = false;
		} else {
			const lookUp = lastId === undefined && room > wanted;
			const from = cursor;
			const chain: ChainedPages = await chainedPages(
				session,
				request,
				wanted,
				(page) => pageParams(page === 0 ? from : reference(page - 1)),
				lookUp ? lastIdParams(from) : undefined,
			);
			({ pageRows, refused } = chain);
			if (chain.lastRow) lastId = Number(chain.lastRow[rowIdField]);
			else if (lookUp && !refused) lastId = from;
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
		if (!(last > cursor)) {
			throw new NodeOperationError(
				session.ctx.getNode(),
				`${request.method} returned rows without a usable ${idField}`,
				{
					description: `The fast export pages by ${idField}; make sure the field selection includes it.`,
				},
			);
		}
		cursor = last;
		// Past the last ID looked up (rows were added meanwhile): look again.
		if (lastId !== undefined && !(lastId > cursor)) lastId = undefined;
		pages =
			lastId === undefined ? SECOND_REQUEST_PAGES : pagesUntil(lastId, cursor, start, rows.length);
	}
	return rows.slice(0, limit);
}

interface ChainedPages {
	pageRows: IDataObject[][];
	refused: boolean;
	/** The look-up's first row: the row with the highest matching ID. */
	lastRow?: IDataObject;
}

/**
 * The pages of one chained batch, up to the end of the table or the first refused page, and the
 * first row of the look-up sent beside them (the last ID), when one was.
 */
async function chainedPages(
	session: Session,
	request: ListRequest,
	pages: number,
	paramsFor: (page: number) => IDataObject,
	lookUp?: IDataObject,
): Promise<ChainedPages> {
	const commands: Command[] = Array.from({ length: pages }, (_, page) => ({
		key: `p${page}`,
		method: request.method,
		params: paramsFor(page),
	}));
	if (lookUp) commands.push({ key: 'last', method: request.method, params: lookUp });
	const results = await apiBatch(session, commands, { stopOnFailure: false, resend: false });
	const looked = results.get('last');
	if (looked && !looked.ok && !wasRefused(looked.failure)) throw commandError(session.ctx, looked);
	const lastRow = looked?.ok ? rowsOf(looked.result, request.rowsKey)[0] : undefined;
	const pageRows: IDataObject[][] = [];
	for (const { key } of commands.slice(0, pages)) {
		const result = results.get(key) as CommandResult;
		if (!result.ok) {
			if (wasRefused(result.failure)) return { pageRows, refused: true, lastRow };
			throw commandError(session.ctx, result);
		}
		const rows = rowsOf(result.result, request.rowsKey);
		pageRows.push(rows);
		if (rows.length < PAGE_SIZE) break;
	}
	return { pageRows, refused: false, lastRow };
}

/**
 * Paging for lists that must keep a custom order: the first page, then the rest of the pages.
 */
export async function listByOffset(session: Session, request: ListRequest): Promise<IDataObject[]> {
	const first = await apiRequest(session, request.method, { ...request.params, start: 0 });
	const rows = rowsOf(first.result, request.rowsKey);
	rows.push(...(await remainingPages(session, first, request, rows.length)));
	return rows.slice(0, request.limit ?? Infinity);
}

/**
 * The pages after `first`. When Bitrix24 gave the total, every remaining offset is known and they
 * go 50 pages per `batch` request; otherwise pages follow `next` one by one.
 */
export async function remainingPages(
	session: Session,
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
			const page: Envelope = await apiRequest(session, request.method, {
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
	const results = await apiBatch(session, commands);
	for (const { key } of commands) {
		const result = results.get(key) as CommandResult;
		if (!result.ok) throw commandError(session.ctx, result);
		rows.push(...rowsOf(result.result, request.rowsKey));
	}
	return rows;
}

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

/** Rows one chained request reads at most: 50 pages of 50. */
const ROWS_PER_REQUEST = BATCH_LIMIT * PAGE_SIZE;

/**
 * ID ranges of a large export read side by side. They share the portal's rate limit (each
 * request waits for the bucket) and each reads in ID order, so the output keeps that order.
 */
export const EXPORT_LANES = 5;

/** How many pages hold `rows` rows, plus the short (or empty) page that shows they ended. */
const pagesFor = (rows: number) => Math.floor(Math.ceil(rows) / PAGE_SIZE) + 1;

/** Rows per ID, judged by the rows read so far from `firstId` up to `cursor`. */
function densityOf(rowsRead: number, firstId: number, cursor: number): number {
	return Math.min(1, rowsRead / Math.max(1, cursor - firstId + 1));
}

/** What an export reads with: the request's parameters for pages, ranges and the look-up. */
interface ExportShape {
	request: ListRequest;
	rowIdField: string;
	/** A page of rows above `from` (a number or a `$result` reference), up to `to` when given. */
	pageParams(from: string | number, to?: number): IDataObject;
	lastIdParams(from: number): IDataObject;
	reference(page: number): string;
}

function exportShape(request: ListRequest): ExportShape {
	const idField = request.idField ?? 'ID';
	const rowIdField = request.rowIdField ?? idField;
	const base = withIdSelected(request.params, idField);
	const filter = { ...((base.filter as IDataObject | undefined) ?? {}) };
	const cursorKey = `>${idField}`;
	const upperKey = `<=${idField}`;
	delete filter[cursorKey];
	const userUpper = filter[upperKey];
	const pageParams = (from: string | number, to?: number): IDataObject => {
		const bounds: IDataObject = { [cursorKey]: from };
		if (to !== undefined) {
			const upper = Number(userUpper);
			bounds[upperKey] = userUpper !== undefined && upper < to ? upper : to;
		}
		return { ...base, filter: { ...filter, ...bounds }, order: { [idField]: 'ASC' }, start: -1 };
	};
	return {
		request,
		rowIdField,
		pageParams,
		lastIdParams: (from) => ({
			...pageParams(from),
			select: [idField],
			order: { [idField]: 'DESC' },
		}),
		reference: (page) =>
			`$result[p${page}]${request.rowsKey ? `[${request.rowsKey}]` : ''}[${PAGE_SIZE - 1}][${rowIdField}]`,
	};
}

/** The ID of a row the export goes on from; it must lie past `cursor`. */
function nextCursor(
	session: Session,
	shape: ExportShape,
	row: IDataObject,
	cursor: number,
): number {
	const id = Number(row[shape.rowIdField]);
	if (!(id > cursor)) {
		const idField = shape.request.idField ?? 'ID';
		throw new NodeOperationError(
			session.ctx.getNode(),
			`${shape.request.method} returned rows without a usable ${idField}`,
			{
				description: `The fast export pages by ${idField}; make sure the field selection includes it.`,
			},
		);
	}
	return id;
}

/**
 * Fast export of a whole table: rows ordered by ID, `>ID` filter, `start=-1` (no COUNT query),
 * pages chained inside one `batch` through `$result[page][49][ID]` references. A page shorter
 * than 50 rows ends the table; pages after it in the same batch ran against a broken reference
 * and are ignored, so each request asks only for the pages the table seems to have left.
 *
 * All rows: the first request reads one page beside a look-up of the last matching ID (order by
 * ID descending, `start=-1`): a small table costs one request. When the page is full, the IDs up
 * to the last one are read as ranges of about 2,500 rows side by side (exportRanges), the last
 * range reading on past the last ID, so rows added meanwhile are found too (with another look-up
 * when it goes past). A limit: pages chained one request after another, as many as the limit
 * needs. A page Bitrix24 refused (rate or method time limit) cannot be resent on its own, its
 * reference would not resolve: the export goes on from the last row read with a plain call,
 * which waits as the limits require.
 */
export async function exportAll(session: Session, request: ListRequest): Promise<IDataObject[]> {
	const shape = exportShape(request);
	const idField = request.idField ?? 'ID';
	const start =
		Number((request.params.filter as IDataObject | undefined)?.[`>${idField}`] ?? 0) || 0;
	if (request.limit !== undefined) return await exportSome(session, shape, start, request.limit);

	let rows: IDataObject[] = [];
	let cursor = start;
	let firstId: number | undefined;
	/** The highest matching ID when last looked up. */
	let lastId: number | undefined;
	const plainPage = async () => {
		const envelope = await apiRequest(session, request.method, shape.pageParams(cursor));
		return rowsOf(envelope.result, request.rowsKey);
	};
	/** Appends a page; false when it ended the table. */
	const append = (page: IDataObject[]) => {
		for (const row of page) rows.push(row);
		if (page.length < PAGE_SIZE) return false;
		firstId ??= Number(page[0][shape.rowIdField]);
		cursor = nextCursor(session, shape, page[page.length - 1], cursor);
		return true;
	};
	for (;;) {
		if (lastId === undefined || !(lastId > cursor)) {
			const from = cursor;
			const first = await chainedPages(
				session,
				request,
				1,
				() => shape.pageParams(from),
				shape.lastIdParams(from),
			);
			if (first.refused) {
				if (!append(await plainPage())) break;
				lastId = undefined;
				continue;
			}
			if (!append(first.pageRows[0] ?? [])) break;
			lastId = first.lastRow ? Number(first.lastRow[shape.rowIdField]) : cursor;
			// The look-up ran beside the page: nothing lies past the last ID it saw.
			if (!(lastId > cursor)) break;
		}
		const density = densityOf(rows.length, firstId ?? start + 1, cursor);
		const ranged = await exportRanges(session, shape, cursor, lastId, density);
		rows = rows.concat(ranged.rows);
		if (!ranged.goOnFrom) break;
		cursor = ranged.goOnFrom.cursor;
		if (ranged.goOnFrom.refused && !append(await plainPage())) break;
	}
	return rows;
}

/** At most `limit` rows: as many chained pages per request as the rows still wanted fill. */
async function exportSome(
	session: Session,
	shape: ExportShape,
	start: number,
	limit: number,
): Promise<IDataObject[]> {
	const { request } = shape;
	const rows: IDataObject[] = [];
	let cursor = start;
	let refused = false;
	while (rows.length < limit) {
		const pages = refused ? 1 : Math.min(BATCH_LIMIT, Math.ceil((limit - rows.length) / PAGE_SIZE));
		let pageRows: IDataObject[][];
		if (pages === 1) {
			const envelope = await apiRequest(session, request.method, shape.pageParams(cursor));
			pageRows = [rowsOf(envelope.result, request.rowsKey)];
			refused = false;
		} else {
			const from = cursor;
			({ pageRows, refused } = await chainedPages(session, request, pages, (page) =>
				shape.pageParams(page === 0 ? from : shape.reference(page - 1)),
			));
		}
		let ended = false;
		for (const page of pageRows) {
			for (const row of page) rows.push(row);
			if (page.length < PAGE_SIZE) {
				ended = true;
				break;
			}
		}
		if (ended) break;
		if (pageRows.length === 0) continue;
		cursor = nextCursor(session, shape, rows[rows.length - 1], cursor);
	}
	return rows.length > limit ? rows.slice(0, limit) : rows;
}

/** One range of IDs, read on its own: rows above `from`, up to `to` (the last range: no end). */
interface IdRange {
	from: number;
	to?: number;
}

/** What reading a range found: its rows, and where the export goes on when it is not done. */
interface RangeRead {
	rows: IDataObject[];
	/** Set when rows may follow: the last ID read, and whether a refused page stopped it. */
	goOnFrom?: { cursor: number; refused: boolean };
}

/**
 * Reads the IDs above `cursor` as ranges of about 2,500 rows (judged by `density`) side by side,
 * EXPORT_LANES at a time, up to `lastId` and past it in the last range, so rows added meanwhile
 * are found. The rows come back in ID order, each once. When the last range was not the end of
 * the table, or a range stopped at a page Bitrix24 refused, `goOnFrom` says where the caller goes
 * on (rows of the ranges after a refused one are dropped, to be read again in order).
 */
async function exportRanges(
	session: Session,
	shape: ExportShape,
	cursor: number,
	lastId: number,
	density: number,
): Promise<RangeRead> {
	const width = ROWS_PER_REQUEST / density;
	const bounded = Math.floor((lastId - cursor) / width);
	const ranges: IdRange[] = [];
	for (let index = 0; index <= bounded; index++) {
		ranges.push({
			from: cursor + Math.round(index * width),
			to: index < bounded ? cursor + Math.round((index + 1) * width) : undefined,
		});
	}
	const read: RangeRead[] = new Array(ranges.length);
	let failure: { error: unknown } | undefined;
	let next = 0;
	const lane = async () => {
		while (next < ranges.length && !failure) {
			const index = next++;
			try {
				read[index] = await readRange(session, shape, ranges[index], lastId, density);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(EXPORT_LANES, ranges.length) }, lane));
	if (failure) throw failure.error;

	let rows: IDataObject[] = [];
	for (const { rows: rangeRows, goOnFrom } of read) {
		rows = rows.concat(rangeRows);
		if (goOnFrom) return { rows, goOnFrom };
	}
	return { rows };
}

/**
 * The rows of one ID range, in ID order: chained pages from `from`, as many as the range seems to
 * hold (at most 50 a request), until a short page or the range's last ID; more requests when a
 * bounded range holds more rows than judged. The last range (no end) sends one request and says
 * where to go on when its pages were all full.
 */
async function readRange(
	session: Session,
	shape: ExportShape,
	{ from, to }: IdRange,
	lastId: number,
	density: number,
): Promise<RangeRead> {
	const { request } = shape;
	const rows: IDataObject[] = [];
	let cursor = from;
	for (;;) {
		const pages = Math.min(BATCH_LIMIT, pagesFor(((to ?? lastId) - cursor) * density));
		const start = cursor;
		const chain = await chainedPages(session, request, pages, (page) =>
			shape.pageParams(page === 0 ? start : shape.reference(page - 1), to),
		);
		let ended = false;
		for (const page of chain.pageRows) {
			for (const row of page) rows.push(row);
			if (page.length < PAGE_SIZE) {
				ended = true;
				break;
			}
		}
		if (rows.length > 0) cursor = nextCursor(session, shape, rows[rows.length - 1], cursor);
		if (chain.refused) return { rows, goOnFrom: { cursor, refused: true } };
		if (ended || (to !== undefined && cursor >= to)) return { rows };
		if (to === undefined) return { rows, goOnFrom: { cursor, refused: false } };
	}
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

'use strict';

/**
 * List paging (PROTOCOL.md §4). Page size is fixed at 50.
 */

const PAGE_SIZE = 50;

/**
 * A list method's return value: the server lifts `next` and `total` out of the method result
 * to the top level of the response (or into result_next/result_total inside a batch).
 */
class ListResult {
	/**
	 * @param {unknown} result the rows (or the envelope object, e.g. {items: [...]})
	 * @param {{next?: number, total?: number}} nav
	 */
	constructor(result, nav) {
		this.result = result;
		this.next = nav.next;
		this.total = nav.total;
	}
}

/**
 * Legacy CDBResult navigation: `start` is rounded down to a page boundary,
 * `next` only while pages remain. `start < 0` selects the first 50 rows with no COUNT:
 * no `next` and `total: 0`.
 * @param {number} start
 * @param {number} total matched rows (ignored when start < 0)
 * @returns {{offset: number, limit: number, next?: number, total: number, counted: boolean}}
 */
function legacyPage(start, total) {
	if (start < 0) return { offset: 0, limit: PAGE_SIZE, total: 0, counted: false };
	const page = Math.trunc(start / PAGE_SIZE) + 1;
	const pageCount = Math.ceil(total / PAGE_SIZE);
	const nav = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, total, counted: true };
	if (page < pageCount) nav.next = page * PAGE_SIZE;
	return nav;
}

module.exports = { PAGE_SIZE, ListResult, legacyPage };

/**
 * ORM navigation (Engine lists such as crm.item.list): `offset = start` (not rounded),
 * `next = offset + 50` while rows remain; `start < 0`: first 50 rows, no COUNT, `total: 0`.
 * @param {number} start @param {number} total
 */
function ormPage(start, total) {
	if (start < 0) return { offset: 0, limit: PAGE_SIZE, total: 0, counted: false };
	const nav = { offset: start, limit: PAGE_SIZE, total, counted: true };
	if (start + PAGE_SIZE < total) nav.next = start + PAGE_SIZE;
	return nav;
}

module.exports.ormPage = ormPage;

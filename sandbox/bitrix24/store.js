'use strict';

/**
 * In-memory entity tables. A table stores rows keyed by a numeric auto-increment ID and keeps
 * them in ascending ID order (IDs only grow), so list methods can seek by ID cheaply.
 * Entities (leads today; deals, contacts, companies, crm.item types later) each get a table.
 */

/** @template {{ID: number}} R */
class Table {
	constructor() {
		this.clear();
	}

	clear() {
		/** @type {Map<number, R>} */
		this.rows = new Map();
		this.nextId = 1;
		/** @type {R[] | null} ascending-ID snapshot, rebuilt lazily after deletes */
		this.sorted = [];
	}

	/** Reserves the next ID without inserting. */
	allocateId() {
		return this.nextId++;
	}

	/** @param {R} row (row.ID must be set, from allocateId) */
	insert(row) {
		this.rows.set(row.ID, row);
		if (this.sorted) this.sorted.push(row);
		return row;
	}

	/** @param {number} id */
	get(id) {
		return this.rows.get(id);
	}

	/** @param {number} id */
	delete(id) {
		const existed = this.rows.delete(id);
		if (existed) this.sorted = null;
		return existed;
	}

	get size() {
		return this.rows.size;
	}

	/** Rows in ascending ID order (a shared array: do not mutate). */
	ascending() {
		if (!this.sorted) this.sorted = [...this.rows.values()];
		return this.sorted;
	}

	/**
	 * Index of the first row whose ID is >= id (binary search over ascending()).
	 * @param {number} id
	 */
	lowerBound(id) {
		const list = this.ascending();
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (list[mid].ID < id) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

/** Named tables plus shared sequences (e.g. multifield value IDs). */
class Store {
	constructor() {
		/** @type {Map<string, Table<any>>} */
		this.tables = new Map();
		/** @type {Map<string, number>} */
		this.sequences = new Map();
	}

	/** @param {string} name */
	table(name) {
		let table = this.tables.get(name);
		if (!table) {
			table = new Table();
			this.tables.set(name, table);
		}
		return table;
	}

	/** Next value of a named sequence, starting at 1. @param {string} name */
	next(name) {
		const value = (this.sequences.get(name) || 0) + 1;
		this.sequences.set(name, value);
		return value;
	}

	clear() {
		for (const table of this.tables.values()) table.clear();
		this.sequences.clear();
	}
}

module.exports = { Store, Table };

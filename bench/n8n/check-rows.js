'use strict';

/**
 * Checks rows a contender returned against the IDs expected: each expected ID once (lost,
 * duplicated) and whether the rows came in ascending ID order.
 * @param {Array<Record<string, unknown>>|undefined} rows @param {number[]} expectedIds
 */
function checkRows(rows, expectedIds) {
	const expected = new Set(expectedIds.map(String));
	const seen = new Map();
	let ordered = true;
	let previous = -Infinity;
	for (const row of rows ?? []) {
		const id = Number(row.ID ?? row.id);
		if (!(id > previous)) ordered = false;
		previous = id;
		if (expected.has(String(id))) seen.set(id, (seen.get(id) ?? 0) + 1);
	}
	let duplicated = 0;
	for (const times of seen.values()) duplicated += times - 1;
	return {
		check: { expected: expected.size, ok: seen.size, lost: expected.size - seen.size, duplicated },
		ordered,
	};
}

module.exports = { checkRows };

import type { IDataObject } from 'n8n-workflow';

import type { Watched } from './watched';
import { idOf, timeOf } from './watched';

/**
 * Where the last poll stopped: the highest ID seen (new records), or the latest modification
 * time seen with the IDs already emitted at that very time (new or updated records; Bitrix24
 * times have whole seconds, so several records can share one).
 */
export interface Cursor {
	lastId?: number;
	since?: string;
	idsAtSince?: number[];
}

/** The rows not emitted yet, and the cursor after them. */
export function advance(
	rows: IDataObject[],
	cursor: Cursor,
	watched: Watched,
	mode: 'created' | 'createdOrUpdated',
): { fresh: IDataObject[]; next: Cursor } {
	if (mode === 'created') {
		const fresh = rows.filter((row) => idOf(row, watched) > (cursor.lastId ?? 0));
		const lastId = Math.max(cursor.lastId ?? 0, ...fresh.map((row) => idOf(row, watched)));
		return { fresh, next: { lastId } };
	}
	const since = cursor.since ? Date.parse(cursor.since) : -Infinity;
	const seen = new Set(cursor.idsAtSince ?? []);
	const fresh = rows.filter((row) => {
		const time = timeOf(row, watched);
		return time > since || (time === since && !seen.has(idOf(row, watched)));
	});
	if (fresh.length === 0) return { fresh, next: cursor };
	let latest = fresh[0];
	for (const row of fresh) if (timeOf(row, watched) > timeOf(latest, watched)) latest = row;
	const latestTime = timeOf(latest, watched);
	const atLatest = fresh
		.filter((row) => timeOf(row, watched) === latestTime)
		.map((row) => idOf(row, watched));
	return {
		fresh,
		next: {
			since: String(latest[watched.rowModifiedField as string]),
			idsAtSince: latestTime === since ? [...seen, ...atLatest] : atLatest,
		},
	};
}

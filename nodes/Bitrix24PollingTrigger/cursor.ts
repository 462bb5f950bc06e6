import type { IDataObject } from 'n8n-workflow';

import type { Watched } from './watched';
import { idOf, timeOf } from './watched';

/**
 * Where the last poll stopped: the highest ID seen (new records), or the latest modification
 * time seen with a fingerprint of each record emitted at that very time (new or updated
 * records). Bitrix24 times have whole seconds: a record changed again within that second keeps
 * its time, and only its content tells the change.
 */
export interface Cursor {
	lastId?: number;
	since?: string;
	seenAtSince?: Record<string, string>;
}

/** A short fingerprint of a record's content (FNV-1a over its JSON). */
function fingerprint(row: IDataObject): string {
	let hash = 0x811c9dc5;
	for (const char of JSON.stringify(row)) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
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
	const seen = cursor.seenAtSince ?? {};
	const fresh = rows.filter((row) => {
		const time = timeOf(row, watched);
		return time > since || (time === since && seen[idOf(row, watched)] !== fingerprint(row));
	});
	if (fresh.length === 0) return { fresh, next: cursor };
	let latest = fresh[0];
	for (const row of fresh) if (timeOf(row, watched) > timeOf(latest, watched)) latest = row;
	const latestTime = timeOf(latest, watched);
	const seenAtLatest: Record<string, string> = latestTime === since ? { ...seen } : {};
	for (const row of rows)
		if (timeOf(row, watched) === latestTime) seenAtLatest[idOf(row, watched)] = fingerprint(row);
	return {
		fresh,
		next: { since: String(latest[watched.rowModifiedField as string]), seenAtSince: seenAtLatest },
	};
}

import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface EventTime {
	/** YYYY-MM-DD as written. */
	date: string;
	/** ISO date-time with an explicit offset. */
	dateTime: string;
	/** The instant (midnight for a bare date). */
	ms: number;
	hasTime: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetAt(timeZone: string, utcMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return Math.round((wall - utcMs) / 60000);
}

/** Offset (minutes) of a wall-clock time in a time zone; a second pass settles DST changes. */
function zoneOffset(timeZone: string, wallMs: number): number {
	const first = offsetAt(timeZone, wallMs);
	return offsetAt(timeZone, wallMs - first * 60000);
}

function formatOffset(minutes: number): string {
	const abs = Math.abs(minutes);
	return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function textOf(raw: unknown): string {
	if (raw instanceof Date) return raw.toISOString();
	const toISO = (raw as { toISO?: () => string } | null)?.toISO;
	if (typeof toISO === 'function') return String(toISO.call(raw));
	return String(raw ?? '').trim();
}

export function isEmpty(raw: unknown): boolean {
	return raw === undefined || raw === null || textOf(raw) === '';
}

/**
 * Reads a date or date-time; without an offset it is wall-clock time in the workflow's time zone
 * (as n8n's date pickers mean it), sent to Bitrix24 with that offset.
 */
export function parseTime(
	ctx: IExecuteFunctions,
	raw: unknown,
	label: string,
	itemIndex: number,
): EventTime {
	const text = textOf(raw);
	const match = ISO.exec(text);
	const [, y, mo, d, h, mi, s = '00', zone] = match ?? [];
	const wall = match ? Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +s) : NaN;
	const date = `${y}-${mo}-${d}`;
	if (!match || Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not a valid date`, {
			itemIndex,
			description: `Got "${text}". Use a date and time such as 2026-06-01T10:00:00 (in the workflow's time zone unless it ends with an offset such as +02:00 or Z), or a date such as 2026-06-01.`,
		});
	}
	let offset: number;
	if (!zone) offset = zoneOffset(ctx.getTimezone(), wall);
	else if (zone.toUpperCase() === 'Z') offset = 0;
	else {
		const digits = zone.replace(':', '');
		offset = (digits[0] === '-' ? -1 : 1) * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
	}
	return {
		date,
		dateTime: `${date}T${h ?? '00'}:${mi ?? '00'}:${s}${formatOffset(offset)}`,
		ms: wall - offset * 60000,
		hasTime: h !== undefined,
	};
}

/** The item error for an end before its start. */
export function orderError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	[startLabel, endLabel]: [string, string],
	startText: string,
	endText: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${endLabel} is before ${startLabel}`, {
		itemIndex,
		description: `${startLabel} is ${startText} and ${endLabel} is ${endText}. Set ${endLabel} to ${startLabel} or later.`,
	});
}

/**
 * An all-day event's date from its display form ("06/02/2026", "02.06.2026", "2026-06-02"),
 * using the timestamp to tell month from day.
 */
export function displayDate(display: unknown, tsUtc: unknown): string {
	const ts = Number(tsUtc) * 1000;
	const fallback = Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 10) : '';
	const numbers = (String(display ?? '').match(/\d+/g) ?? []).slice(0, 3).map(Number);
	if (numbers.length < 3) return fallback;
	const candidates =
		numbers[0] > 999
			? [[numbers[0], numbers[1], numbers[2]]]
			: [
					[numbers[2], numbers[0], numbers[1]],
					[numbers[2], numbers[1], numbers[0]],
				];
	const valid = candidates
		.filter(([, month, day]) => month >= 1 && month <= 12 && day >= 1 && day <= 31)
		.map(([year, month, day]) => `${year}-${pad(month)}-${pad(day)}`);
	if (valid.length === 0) return fallback;
	if (!Number.isFinite(ts)) return valid[0];
	const distance = (date: string) => Math.abs(Date.parse(`${date}T00:00:00Z`) - ts);
	return valid.reduce((best, date) => (distance(date) < distance(best) ? date : best));
}

/** A timed event's start or end as an ISO string in UTC. */
export function utcTime(tsUtc: unknown): string | null {
	const ts = Number(tsUtc);
	return tsUtc === undefined || tsUtc === null || tsUtc === '' || !Number.isFinite(ts)
		? null
		: new Date(ts * 1000).toISOString();
}

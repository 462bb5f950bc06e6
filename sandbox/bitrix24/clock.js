'use strict';

/**
 * The portal clock: an injectable `now()` (ms) plus a fixed UTC offset used wherever the real
 * server prints PHP `date('c')` style timestamps ("2026-05-14T10:26:32+03:00").
 */
class Clock {
	/**
	 * @param {() => number} now milliseconds since the epoch
	 * @param {number} utcOffsetMinutes portal time zone (fixed, no DST)
	 */
	constructor(now, utcOffsetMinutes) {
		this.now = now;
		this.offsetMinutes = utcOffsetMinutes;
	}

	/** Float unix seconds, like PHP microtime(true). */
	seconds() {
		return this.now() / 1000;
	}

	/** "+03:00" */
	offsetString() {
		const m = Math.abs(this.offsetMinutes);
		const sign = this.offsetMinutes < 0 ? '-' : '+';
		return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
	}

	/**
	 * ISO-8601 with the portal offset, second precision (PHP `date('c')`).
	 * @param {number} ms
	 */
	format(ms) {
		const local = new Date(Math.floor(ms / 1000) * 1000 + this.offsetMinutes * 60000);
		const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
		const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
		return `${date}T${time}${this.offsetString()}`;
	}

	/**
	 * Parses a date/time the way CRestUtil::unConvertDateTime accepts it: ISO-8601 with or
	 * without offset (no offset = portal time zone) or a bare date. Returns ms or null.
	 * @param {unknown} value
	 */
	parse(value) {
		if (typeof value === 'number') return Number.isFinite(value) ? value : null;
		if (typeof value !== 'string') return null;
		const m =
			/^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
				value,
			);
		if (!m) return null;
		const [, y, mo, d, h = '0', mi = '0', s = '0', tz] = m;
		let offset = this.offsetMinutes;
		if (tz === 'Z') offset = 0;
		else if (tz) {
			const digits = tz.replace(':', '');
			offset =
				(digits[0] === '-' ? -1 : 1) *
				(Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
		}
		const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offset * 60000;
		return Number.isFinite(utc) ? utc : null;
	}

	/**
	 * A date-only value ("YYYY-MM-DD") in the portal time zone, or null.
	 * @param {unknown} value
	 */
	parseDate(value) {
		const ms = this.parse(value);
		if (ms === null) return null;
		const local = new Date(ms + this.offsetMinutes * 60000);
		return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
	}

	/** Midnight of a "YYYY-MM-DD" date in the portal time zone, formatted like format(). */
	formatDate(/** @type {string} */ ymd) {
		return `${ymd}T00:00:00${this.offsetString()}`;
	}
}

function pad(n) {
	return String(n).padStart(2, '0');
}

module.exports = { Clock };

'use strict';

/**
 * Calendar events (PROTOCOL.md §7.9): `calendar.event.add|get|getbyid|update|delete`.
 * camelCase/lower-case input, UPPER output with dates in the portal display format
 * ("12/11/2024 05:59:00 pm", date only for all-day events) and `DATE_FROM_TS_UTC` strings.
 * Each (type, ownerId) gets one default section (SECTION_ID allocated on first use).
 */

const { RestError } = require('../errors');
const { isPhpArray, phpEntries, strval, intval } = require('../php');
const { nextId } = require('../extras');
const { findUser } = require('../users');

const TYPES = ['user', 'group', 'company_calendar'];

const missing = (name, method) =>
	new RestError('', `The required parameter "${name}" for the method "${method}" is not set`);

function listOf(v) {
	if (v === undefined || v === null || v === '') return [];
	return isPhpArray(v) ? phpEntries(v).map(([, x]) => x) : [v];
}

function pad(n) {
	return String(n).padStart(2, '0');
}

/** Portal display format (en, US): "12/11/2024 05:59:00 pm" or "12/11/2024". */
function displayDate(clock, ms, dateOnly) {
	const d = new Date(ms + clock.offsetMinutes * 60000);
	const date = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
	if (dateOnly) return date;
	const h = d.getUTCHours();
	const h12 = h % 12 === 0 ? 12 : h % 12;
	return `${date} ${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'am' : 'pm'}`;
}

/** Time zone name of the portal offset (fixed, no DST). */
function tzName(offsetMinutes) {
	if (offsetMinutes === 180) return 'Europe/Moscow';
	if (offsetMinutes === 0) return 'UTC';
	if (offsetMinutes % 60 === 0) {
		const h = offsetMinutes / 60;
		return `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
	}
	return 'UTC';
}

/** @param {any} e @param {import('../index').SandboxState} state */
function publicEvent(e, state) {
	const { clock } = state;
	const skip = e.SKIP_TIME === 'Y';
	const host = findUser(state.users, e.MEETING_HOST);
	const offset = String(clock.offsetMinutes * 60);
	return {
		ID: String(e.ID),
		PARENT_ID: String(e.ID),
		DELETED: 'N',
		CAL_TYPE: e.TYPE,
		OWNER_ID: String(e.OWNER_ID),
		NAME: e.NAME,
		DATE_FROM: displayDate(clock, e.FROM, skip),
		DATE_TO: displayDate(clock, e.TO, skip),
		ORIGINAL_DATE_FROM: null,
		TZ_FROM: skip ? '' : tzName(clock.offsetMinutes),
		TZ_TO: skip ? '' : tzName(clock.offsetMinutes),
		TZ_OFFSET_FROM: skip ? '0' : offset,
		TZ_OFFSET_TO: skip ? '0' : offset,
		DATE_FROM_TS_UTC: String(Math.floor(e.FROM / 1000)),
		DATE_TO_TS_UTC: String(Math.floor(e.TO / 1000)),
		DT_SKIP_TIME: skip ? 'Y' : 'N',
		DT_LENGTH: Math.round((e.TO - e.FROM) / 1000) + (skip ? 86400 : 0),
		EVENT_TYPE: null,
		CREATED_BY: String(e.CREATED_BY),
		DATE_CREATE: displayDate(clock, e.DATE_CREATE, false),
		TIMESTAMP_X: displayDate(clock, e.TIMESTAMP_X, false),
		DESCRIPTION: e.DESCRIPTION,
		PRIVATE_EVENT: e.PRIVATE_EVENT,
		ACCESSIBILITY: e.ACCESSIBILITY,
		IMPORTANCE: e.IMPORTANCE,
		IS_MEETING: e.IS_MEETING,
		MEETING_STATUS: e.IS_MEETING ? 'H' : null,
		MEETING_HOST: String(e.MEETING_HOST),
		MEETING: {
			HOST_NAME: `${host.NAME} ${host.LAST_NAME}`.trim(),
			NOTIFY: false,
			REINVITE: false,
			ALLOW_INVITE: false,
			HIDE_GUESTS: false,
			MEETING_CREATOR: e.CREATED_BY,
			LANGUAGE_ID: 'en',
			MAIL_FROM: '',
		},
		LOCATION: e.LOCATION,
		REMIND: e.REMIND.map((r) => ({ ...r })),
		COLOR: e.COLOR,
		TEXT_COLOR: e.TEXT_COLOR,
		RRULE: e.RRULE,
		EXDATE: '',
		VERSION: String(e.VERSION),
		ATTENDEES_CODES: e.ATTENDEES.map((id) => `U${id}`),
		SECTION_ID: String(e.SECTION_ID),
		UF_CRM_CAL_EVENT: e.CRM_FIELDS.length ? [...e.CRM_FIELDS] : false,
		SECT_ID: String(e.SECTION_ID),
		ATTENDEE_LIST: e.ATTENDEES.map((id) => ({
			id,
			entryId: String(e.ID),
			status: id === e.MEETING_HOST ? 'H' : 'Q',
		})),
		attendeesEntityList: e.ATTENDEES.map((id) => ({ entityId: 'user', id })),
	};
}

/** @param {import('../index').SandboxState} state */
function sectionFor(state, type, ownerId) {
	const ex = state.extras;
	if (!ex.calendarSections) ex.calendarSections = new Map();
	const key = `${type}:${ownerId}`;
	if (!ex.calendarSections.has(key)) ex.calendarSections.set(key, nextId(ex, 'calendarSection'));
	return ex.calendarSections.get(key);
}

/** Lower-cased param lookup (`ownerId`, `ownerid`). */
function lower(params) {
	const out = {};
	for (const [k, v] of Object.entries(params)) out[k.toLowerCase()] = v;
	return out;
}

/** from/from_ts → ms, or null. @param {import('../clock').Clock} clock */
function parseWhen(clock, p, name) {
	if (p[`${name}_ts`] !== undefined && p[`${name}_ts`] !== '')
		return intval(p[`${name}_ts`]) * 1000;
	if (p[name] === undefined || p[name] === '') return null;
	return clock.parse(strval(p[name]));
}

function applyEvent(e, p, state, method) {
	const { clock } = state;
	if (p.name !== undefined) e.NAME = strval(p.name);
	if (p.skip_time !== undefined)
		e.SKIP_TIME = p.skip_time === 'Y' || p.skip_time === true ? 'Y' : 'N';
	const from = parseWhen(clock, p, 'from');
	const to = parseWhen(clock, p, 'to');
	if ((p.from !== undefined || p.from_ts !== undefined) && from === null) {
		throw new RestError('', `Invalid value of the parameter "from" for the method "${method}"`);
	}
	if (from !== null) e.FROM = from;
	if (to !== null) e.TO = to;
	else if (from !== null && e.TO < e.FROM) e.TO = e.FROM;
	for (const [param, key] of [
		['description', 'DESCRIPTION'],
		['color', 'COLOR'],
		['text_color', 'TEXT_COLOR'],
		['accessibility', 'ACCESSIBILITY'],
		['importance', 'IMPORTANCE'],
		['location', 'LOCATION'],
	]) {
		if (p[param] !== undefined) e[key] = strval(p[param]);
	}
	if (p.private_event !== undefined)
		e.PRIVATE_EVENT = p.private_event === 'Y' || p.private_event === true ? '1' : '';
	if (p.is_meeting !== undefined) e.IS_MEETING = p.is_meeting === 'Y' || p.is_meeting === true;
	if (p.attendees !== undefined)
		e.ATTENDEES = [...new Set(listOf(p.attendees).map(intval).filter(Boolean))];
	if (p.host !== undefined) e.MEETING_HOST = intval(p.host);
	if (e.IS_MEETING && !e.ATTENDEES.includes(e.MEETING_HOST)) e.ATTENDEES.unshift(e.MEETING_HOST);
	if (!e.IS_MEETING && p.attendees === undefined && !e.ATTENDEES.length)
		e.ATTENDEES = [e.MEETING_HOST];
	if (p.remind !== undefined) {
		e.REMIND = listOf(p.remind)
			.filter(isPhpArray)
			.map((r) => {
				const o = Object.fromEntries(phpEntries(r).map(([k, v]) => [k.toLowerCase(), v]));
				return { type: strval(o.type || 'min'), count: intval(o.count) };
			});
	}
	if (p.rrule !== undefined)
		e.RRULE = isPhpArray(p.rrule)
			? Object.fromEntries(phpEntries(p.rrule).map(([k, v]) => [k.toUpperCase(), v]))
			: '';
	if (p.crm_fields !== undefined) e.CRM_FIELDS = listOf(p.crm_fields).map(strval).filter(Boolean);
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const opts = { scope: 'calendar' };

	registry.register(
		'calendar.event.add',
		(params, ctx) => {
			const m = 'calendar.event.add';
			const p = lower(params);
			for (const name of ['type', 'ownerid', 'name']) {
				if (p[name] === undefined || (name !== 'ownerid' && p[name] === '')) {
					throw missing(name === 'ownerid' ? 'ownerId' : name, m);
				}
			}
			if (p.from === undefined && p.from_ts === undefined) throw missing('from', m);
			if (p.to === undefined && p.to_ts === undefined) throw missing('to', m);
			const type = strval(p.type);
			if (!TYPES.includes(type)) throw new RestError('', 'Access denied');
			const state = ctx.state;
			const now = state.clock.now();
			const e = {
				ID: 0,
				TYPE: type,
				OWNER_ID: intval(p.ownerid),
				NAME: '',
				FROM: now,
				TO: now,
				SKIP_TIME: 'N',
				DESCRIPTION: '',
				COLOR: '',
				TEXT_COLOR: '',
				ACCESSIBILITY: 'busy',
				IMPORTANCE: 'normal',
				PRIVATE_EVENT: '',
				IS_MEETING: false,
				MEETING_HOST: ctx.auth.userId,
				ATTENDEES: [],
				LOCATION: '',
				REMIND: [],
				RRULE: '',
				CRM_FIELDS: [],
				CREATED_BY: ctx.auth.userId,
				DATE_CREATE: now,
				TIMESTAMP_X: now,
				VERSION: 1,
				SECTION_ID: 0,
			};
			applyEvent(e, p, state, m);
			e.SECTION_ID =
				p.section !== undefined && p.section !== ''
					? intval(p.section)
					: sectionFor(state, type, e.OWNER_ID);
			e.ID = nextId(state.extras, 'calendarEvent');
			state.extras.events.set(e.ID, e);
			return e.ID;
		},
		opts,
	);

	registry.register(
		'calendar.event.get',
		(params, ctx) => {
			const m = 'calendar.event.get';
			const p = lower(params);
			if (p.type === undefined || p.type === '') throw missing('type', m);
			const { clock } = ctx.state;
			const now = clock.now();
			const from = p.from ? clock.parse(strval(p.from)) : now - 31 * 86400000;
			let to = p.to ? clock.parse(strval(p.to)) : now + 92 * 86400000;
			// a bare date as `to` includes that whole day
			if (p.to && /^\d{4}-\d{2}-\d{2}$/.test(strval(p.to).trim())) to += 86400000 - 1;
			const sections = listOf(p.section).map(intval);
			const type = strval(p.type);
			const owner = intval(p.ownerid);
			return [...ctx.state.extras.events.values()]
				.filter(
					(e) =>
						e.TYPE === type &&
						(type === 'company_calendar' ||
							e.OWNER_ID === owner ||
							(type === 'user' && e.ATTENDEES.includes(owner))) &&
						e.TO >= from &&
						e.FROM <= to &&
						(!sections.length || sections.includes(e.SECTION_ID)),
				)
				.sort((a, b) => a.FROM - b.FROM || a.ID - b.ID)
				.map((e) => publicEvent(e, ctx.state));
		},
		opts,
	);

	registry.register(
		'calendar.event.getbyid',
		(params, ctx) => {
			const p = lower(params);
			if (!intval(p.id)) throw new RestError('', 'Event id not specified');
			const e = ctx.state.extras.events.get(intval(p.id));
			if (!e) return null;
			return publicEvent(e, ctx.state);
		},
		opts,
	);

	registry.register(
		'calendar.event.update',
		(params, ctx) => {
			const m = 'calendar.event.update';
			const p = lower(params);
			if (!intval(p.id)) throw new RestError('', 'Event id not specified');
			if (p.type === undefined || p.type === '') throw missing('type', m);
			if (p.ownerid === undefined) throw missing('ownerId', m);
			const e = ctx.state.extras.events.get(intval(p.id));
			if (!e || e.TYPE !== strval(p.type)) throw new RestError('', 'Access denied');
			applyEvent(e, p, ctx.state, m);
			if (p.section !== undefined && p.section !== '') e.SECTION_ID = intval(p.section);
			e.TIMESTAMP_X = ctx.state.clock.now();
			e.VERSION++;
			return e.ID;
		},
		opts,
	);

	registry.register(
		'calendar.event.delete',
		(params, ctx) => {
			const p = lower(params);
			if (!intval(p.id)) throw new RestError('', 'Event id not specified');
			if (!ctx.state.extras.events.delete(intval(p.id))) throw new RestError('', 'Access denied');
			return true;
		},
		opts,
	);
}

module.exports = { register, publicEvent, displayDate };

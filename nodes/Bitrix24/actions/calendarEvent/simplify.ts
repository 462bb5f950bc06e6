import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asBoolean } from '../../../shared/bitrix24/entities/fieldTypes';
import { displayDate, utcTime } from './dates';

const yes = (value: unknown) => asBoolean(value) === true;

function attendeeIds(event: IDataObject): number[] {
	if (Array.isArray(event.ATTENDEE_LIST)) {
		return (event.ATTENDEE_LIST as IDataObject[]).map((attendee) => Number(attendee.id));
	}
	const codes = Array.isArray(event.ATTENDEES_CODES) ? (event.ATTENDEES_CODES as string[]) : [];
	return codes.filter((code) => /^U\d+$/.test(code)).map((code) => Number(code.slice(1)));
}

/** A calendar event as workflows want it: times as ISO strings (UTC) or dates for all-day events. */
export function simplifyEvent(event: IDataObject): IDataObject {
	const allDay = event.DT_SKIP_TIME === 'Y';
	const time = (display: unknown, ts: unknown) => (allDay ? displayDate(display, ts) : utcTime(ts));
	const reminders = Array.isArray(event.REMIND) ? (event.REMIND as IDataObject[]) : [];
	return {
		id: Number(event.ID),
		name: event.NAME ?? '',
		calendarType: event.CAL_TYPE,
		ownerId: Number(event.OWNER_ID),
		from: time(event.DATE_FROM, event.DATE_FROM_TS_UTC),
		to: time(event.DATE_TO, event.DATE_TO_TS_UTC),
		allDay,
		timezone: event.TZ_FROM || null,
		description: event.DESCRIPTION ?? '',
		location: event.LOCATION ?? '',
		accessibility: event.ACCESSIBILITY ?? null,
		importance: event.IMPORTANCE ?? null,
		private: yes(event.PRIVATE_EVENT),
		color: event.COLOR ?? '',
		isMeeting: yes(event.IS_MEETING),
		hostId: Number(event.MEETING_HOST) || null,
		attendees: attendeeIds(event),
		reminders: reminders.map((reminder) => ({
			count: Number(reminder.count),
			unit: reminder.type,
		})),
		crmLinks: Array.isArray(event.UF_CRM_CAL_EVENT) ? event.UF_CRM_CAL_EVENT : [],
		sectionId: Number(event.SECTION_ID) || null,
		createdBy: Number(event.CREATED_BY) || null,
	};
}

/** The events simplified, or raw when Simplify is off. */
export const shape = (ctx: IExecuteFunctions, itemIndex: number, events: IDataObject[]) =>
	ctx.getNodeParameter('simplify', itemIndex, true) ? events.map(simplifyEvent) : events;

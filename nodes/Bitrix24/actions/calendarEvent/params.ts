import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmpty, orderError, parseTime } from './dates';

function listOf(raw: unknown): unknown[] {
	if (Array.isArray(raw)) return raw;
	if (isEmpty(raw)) return [];
	return String(raw)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

function userIds(ctx: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number[] {
	return listOf(raw).map((value) => {
		const id = Number(String(value).trim());
		if (!Number.isInteger(id) || id <= 0) {
			throw new NodeOperationError(ctx.getNode(), `${label} "${String(value)}" is not a user ID`, {
				itemIndex,
				description:
					'Choose users from the list, or give their numeric IDs (comma-separated or as an array).',
			});
		}
		return id;
	});
}

function crmLinks(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): string[] {
	return listOf(raw).map((value) => {
		const link = String(value).trim().toUpperCase();
		if (!/^(L|D|C|CO)_[1-9][0-9]*$/.test(link)) {
			throw new NodeOperationError(ctx.getNode(), `CRM link "${String(value)}" is not valid`, {
				itemIndex,
				description:
					'Use L_ (lead), D_ (deal), C_ (contact) or CO_ (company) followed by the record ID, e.g. D_12, C_5.',
			});
		}
		return link;
	});
}

function reminders(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject[] {
	const entries = ((raw as IDataObject | undefined)?.reminder ?? []) as IDataObject[];
	return entries.map(({ count, unit }) => {
		if (!Number.isInteger(Number(count)) || Number(count) < 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Reminder "${String(count)}" is not a whole number`,
				{
					itemIndex,
					description: 'Set how many minutes, hours or days before the start to remind, e.g. 15.',
				},
			);
		}
		return { type: String(unit ?? 'min'), count: Number(count) };
	});
}

/**
 * `calendar.event.add|update` params from event fields; only the fields given are set.
 * A user calendar's owner hosts its meetings unless a host is given.
 */
export function eventParams(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	calendar: { type: string; ownerId: number },
): IDataObject {
	const params: IDataObject = {};
	if (!isEmpty(fields.name)) params.name = String(fields.name);
	const allDay = fields.allDay === true;
	if (fields.allDay !== undefined) params.skip_time = allDay ? 'Y' : 'N';
	const start = isEmpty(fields.start)
		? undefined
		: parseTime(ctx, fields.start, 'Start', itemIndex);
	const end = isEmpty(fields.end) ? undefined : parseTime(ctx, fields.end, 'End', itemIndex);
	if (start && end && (allDay ? end.date < start.date : end.ms < start.ms)) {
		const shown = (time: typeof start) => (allDay ? time.date : time.dateTime);
		throw orderError(ctx, itemIndex, ['Start', 'End'], shown(start), shown(end));
	}
	if (start) params.from = allDay ? start.date : start.dateTime;
	if (end) params.to = allDay ? end.date : end.dateTime;

	for (const key of ['description', 'location', 'accessibility', 'importance', 'color']) {
		if (fields[key] !== undefined) params[key] = String(fields[key]);
	}
	if (fields.privateEvent !== undefined) params.private_event = fields.privateEvent ? 'Y' : 'N';
	if (fields.crmLinks !== undefined) {
		const links = crmLinks(ctx, fields.crmLinks, itemIndex);
		if (links.length) params.crm_fields = links;
	}
	if (fields.reminders !== undefined) {
		const remind = reminders(ctx, fields.reminders, itemIndex);
		if (remind.length) params.remind = remind;
	}
	const host = isEmpty(fields.host) ? [] : userIds(ctx, fields.host, 'Meeting Host', itemIndex);
	if (fields.attendees !== undefined) {
		const attendees = userIds(ctx, fields.attendees, 'Attendee', itemIndex);
		params.is_meeting = attendees.length ? 'Y' : 'N';
		if (attendees.length) {
			params.attendees = attendees;
			if (!host.length && calendar.type === 'user') params.host = calendar.ownerId;
		}
	}
	if (host.length) params.host = host[0];
	return params;
}

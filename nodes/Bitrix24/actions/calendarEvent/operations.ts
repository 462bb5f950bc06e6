import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../common.descriptions';
import { simpleOperation } from '../simpleOperation';
import { isEmpty, orderError, parseTime } from './dates';
import {
	calendarOf,
	calendarProperties,
	createProperties,
	eventIdProperty,
	simplifyProperty,
	updateFieldsProperty,
} from './fields';
import { eventParams } from './params';
import { simplifyEvent } from './simplify';

const eventIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'eventId', itemIndex, 'Event ID');

const shape = (ctx: IExecuteFunctions, itemIndex: number, events: IDataObject[]) =>
	ctx.getNodeParameter('simplify', itemIndex, true) ? events.map(simplifyEvent) : events;

export const create = simpleOperation({
	resource: 'calendarEvent',
	operation: 'create',
	properties: [...calendarProperties, ...createProperties],
	call: (ctx, itemIndex) => {
		const calendar = calendarOf(ctx, itemIndex);
		const fields: IDataObject = {
			...(ctx.getNodeParameter('eventFields', itemIndex, {}) as IDataObject),
			name: ctx.getNodeParameter('name', itemIndex),
			start: ctx.getNodeParameter('start', itemIndex),
			end: ctx.getNodeParameter('end', itemIndex),
			allDay: ctx.getNodeParameter('allDay', itemIndex, false),
		};
		for (const [key, label] of [
			['name', 'Name'],
			['start', 'Start'],
			['end', 'End'],
		]) {
			if (isEmpty(fields[key])) {
				throw new NodeOperationError(ctx.getNode(), `${label} is required`, {
					itemIndex,
					description: `Set "${label}" of the event.`,
				});
			}
		}
		return {
			method: 'calendar.event.add',
			params: {
				type: calendar.type,
				ownerId: calendar.ownerId,
				...eventParams(ctx, itemIndex, fields, calendar),
			},
		};
	},
	output: (result, params) => ({
		id: Number(result),
		calendarType: params.type,
		ownerId: params.ownerId,
	}),
});

export const get = simpleOperation({
	resource: 'calendarEvent',
	operation: 'get',
	properties: [eventIdProperty, simplifyProperty],
	call: (ctx, itemIndex) => ({
		method: 'calendar.event.getbyid',
		params: { id: eventIdOf(ctx, itemIndex) },
	}),
	output: (result, params, ctx, itemIndex) => {
		if (result === null || typeof result !== 'object' || Array.isArray(result)) {
			throw new NodeOperationError(ctx.getNode(), `Event ${String(params.id)} does not exist`, {
				itemIndex,
				description:
					"Check the Event ID: the event may have been deleted, or the credential's user cannot see it.",
			});
		}
		return shape(ctx, itemIndex, [result as IDataObject]);
	},
});

export const getAll = simpleOperation({
	resource: 'calendarEvent',
	operation: 'getAll',
	properties: [
		...calendarProperties,
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description:
				'Only events that end at or after this time; empty means one month ago (Bitrix24 default)',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description:
				'Only events that start at or before this time (a date alone includes that day); empty means three months ahead',
		},
		...returnAllOrLimit,
		simplifyProperty,
	],
	call: (ctx, itemIndex) => {
		const { type, ownerId } = calendarOf(ctx, itemIndex);
		const params: IDataObject = { type, ownerId };
		const [fromRaw, toRaw] = [
			ctx.getNodeParameter('from', itemIndex, ''),
			ctx.getNodeParameter('to', itemIndex, ''),
		];
		const from = isEmpty(fromRaw) ? undefined : parseTime(ctx, fromRaw, 'From', itemIndex);
		const to = isEmpty(toRaw) ? undefined : parseTime(ctx, toRaw, 'To', itemIndex);
		const sent = (time: NonNullable<typeof from>) => (time.hasTime ? time.dateTime : time.date);
		if (from && to && to.ms + (to.hasTime ? 0 : 86400000 - 1) < from.ms) {
			throw orderError(ctx, itemIndex, ['From', 'To'], sent(from), sent(to));
		}
		if (from) params.from = sent(from);
		if (to) params.to = sent(to);
		return { method: 'calendar.event.get', params };
	},
	output: (result, _params, ctx, itemIndex) => {
		const events = Array.isArray(result) ? (result as IDataObject[]) : [];
		return shape(ctx, itemIndex, events.slice(0, rowLimitParameter(ctx, itemIndex)));
	},
});

export const update = simpleOperation({
	resource: 'calendarEvent',
	operation: 'update',
	properties: [
		eventIdProperty,
		...calendarProperties.map((property) => ({
			...property,
			description:
				property.name === 'calendarType'
					? 'The calendar that holds the event (Bitrix24 needs it to update the event)'
					: property.description,
		})),
		updateFieldsProperty,
	],
	call: (ctx, itemIndex) => {
		const id = eventIdOf(ctx, itemIndex);
		const calendar = calendarOf(ctx, itemIndex);
		const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes = eventParams(ctx, itemIndex, fields, calendar);
		if (Object.keys(changes).length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'Nothing to update', {
				itemIndex,
				description: 'Add at least one field under "Update Fields".',
			});
		}
		return {
			method: 'calendar.event.update',
			params: { id, type: calendar.type, ownerId: calendar.ownerId, ...changes },
		};
	},
	output: (_result, params) => ({ id: params.id, updated: true }),
});

export const deleteEvent = simpleOperation({
	resource: 'calendarEvent',
	operation: 'delete',
	properties: [eventIdProperty],
	call: (ctx, itemIndex) => ({
		method: 'calendar.event.delete',
		params: { id: eventIdOf(ctx, itemIndex) },
	}),
	output: (_result, params) => ({ deleted: true, id: params.id }),
});

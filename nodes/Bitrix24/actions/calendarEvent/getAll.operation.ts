import type { IDataObject } from 'n8n-workflow';

import { rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { isEmpty, orderError, parseTime } from './dates';
import { calendarOf, calendarProperties, simplifyProperty } from './fields';
import { shape } from './simplify';

export const { description, execute } = simpleOperation({
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

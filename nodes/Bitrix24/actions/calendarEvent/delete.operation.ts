import { simpleOperation } from '../../../shared/bitrix24/operations';
import { eventIdOf, eventIdProperty } from './fields';

export const { description, execute } = simpleOperation({
	resource: 'calendarEvent',
	operation: 'delete',
	properties: [eventIdProperty],
	call: (ctx, itemIndex) => ({
		method: 'calendar.event.delete',
		params: { id: eventIdOf(ctx, itemIndex) },
	}),
	output: (_result, params) => ({ deleted: true, id: params.id }),
});

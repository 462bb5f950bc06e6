import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../simpleOperation';
import { eventIdOf, eventIdProperty, simplifyProperty } from './fields';
import { shape } from './simplify';

export const { description, execute } = simpleOperation({
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

import { ENTITIES, recordOf } from '../../../shared/bitrix24/entities/catalogue';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { eventIdOf, eventIdProperty, simplifyProperty } from './fields';
import { shape } from './simplify';

export const { description, execute } = simpleOperation({
	resource: 'calendarEvent',
	operation: 'get',
	properties: [eventIdProperty, simplifyProperty],
	call: (ctx, itemIndex) => ({
		method: ENTITIES.calendarEvent.get.method,
		params: ENTITIES.calendarEvent.get.params({ id: eventIdOf(ctx, itemIndex) }),
	}),
	output: (result, params, ctx, itemIndex) => {
		const event = recordOf('calendarEvent', result);
		if (!event) {
			throw new NodeOperationError(ctx.getNode(), `Event ${String(params.id)} does not exist`, {
				itemIndex,
				description:
					"Check the Event ID: the event may have been deleted, or the credential's user cannot see it.",
			});
		}
		return shape(ctx, itemIndex, [event]);
	},
});

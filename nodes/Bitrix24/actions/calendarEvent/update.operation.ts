import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import {
	calendarOf,
	calendarProperties,
	eventIdOf,
	eventIdProperty,
	updateFieldsProperty,
} from './fields';
import { eventParams } from './params';

export const { description, execute } = simpleOperation({
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

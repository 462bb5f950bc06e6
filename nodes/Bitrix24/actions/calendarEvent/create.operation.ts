import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { isEmpty } from './dates';
import { calendarOf, calendarProperties, createProperties } from './fields';
import { eventParams } from './params';

export const { description, execute } = simpleOperation({
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

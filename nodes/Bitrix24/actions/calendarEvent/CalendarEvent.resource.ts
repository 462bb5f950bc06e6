import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as create from './create.operation';
import * as deleteEvent from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteEvent as delete, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('calendarEvent', [
		{
			name: 'Create',
			value: 'create',
			description: 'Add an event to a user, workgroup or company calendar',
			action: 'Create a calendar event',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a calendar event',
			action: 'Delete a calendar event',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a calendar event',
			action: 'Get a calendar event',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the events of a calendar in a date range',
			action: 'Get many calendar events',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change a calendar event',
			action: 'Update a calendar event',
		},
	]),
	...create.description,
	...deleteEvent.description,
	...get.description,
	...getAll.description,
	...update.description,
];

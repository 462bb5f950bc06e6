import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as activate from './activate.operation';
import * as deactivate from './deactivate.operation';
import * as getAll from './getAll.operation';
import * as getStatus from './getStatus.operation';
import * as register from './register.operation';
import * as setLineData from './setLineData.operation';
import * as unregister from './unregister.operation';

export { activate, deactivate, getAll, getStatus, register, setLineData, unregister };

export const description: INodeProperties[] = [
	operationSelector('connector', [
		{
			name: 'Register',
			value: 'register',
			description: 'Add your channel to Bitrix24 as an Open Lines connector (again: update it)',
			action: 'Register a connector',
		},
		{
			name: 'Unregister',
			value: 'unregister',
			description: 'Remove a connector this app registered',
			action: 'Unregister a connector',
		},
		{
			name: 'Activate',
			value: 'activate',
			description: 'Switch the connector on for a line',
			action: 'Activate a connector on a line',
		},
		{
			name: 'Deactivate',
			value: 'deactivate',
			description: 'Switch the connector off for a line',
			action: 'Deactivate a connector on a line',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			description: 'Whether the connector works on a line',
			action: 'Get the status of a connector',
		},
		{
			name: 'Set Line Widget Data',
			value: 'setLineData',
			description: "The channel's ID, links and name Bitrix24 shows for the line",
			action: 'Set the line widget data of a connector',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the connectors of the portal',
			action: 'Get many connectors',
		},
	]),
	...register.description,
	...unregister.description,
	...activate.description,
	...deactivate.description,
	...getStatus.description,
	...setLineData.description,
	...getAll.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/bitrix24/operations';
import * as finish from './finish.operation';
import * as get from './get.operation';
import * as getCrmRecord from './getCrmRecord.operation';
import * as getHistory from './getHistory.operation';
import * as transfer from './transfer.operation';

export { finish, get, getCrmRecord, getHistory, transfer };

export const description: INodeProperties[] = [
	operationSelector('dialog', [
		{
			name: 'Get',
			value: 'get',
			description:
				'A dialog with its connector, channel chat and customer, session and CRM records',
			action: 'Get a dialog',
		},
		{
			name: 'Get CRM Record',
			value: 'getCrmRecord',
			description: 'The lead, contact, company or deal the dialog is bound to',
			action: 'Get the CRM record of a dialog',
		},
		{
			name: 'Get History',
			value: 'getHistory',
			description: "The messages of the dialog's session",
			action: 'Get the history of a dialog',
		},
		{
			name: 'Finish',
			value: 'finish',
			description: 'Close the dialog',
			action: 'Finish a dialog',
		},
		{
			name: 'Transfer',
			value: 'transfer',
			description: "Hand the dialog to another operator or a line's queue",
			action: 'Transfer a dialog',
		},
	]),
	...get.description,
	...getCrmRecord.description,
	...getHistory.description,
	...finish.description,
	...transfer.description,
];

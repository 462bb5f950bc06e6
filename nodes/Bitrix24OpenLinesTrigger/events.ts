import type { INodePropertyOptions } from 'n8n-workflow';

/** The connector events the trigger offers (PROTOCOL.md §6.4); Bitrix24 sends them upper case. */
export const OPEN_LINES_EVENTS = {
	messageAdded: 'ONIMCONNECTORMESSAGEADD',
	messageUpdated: 'ONIMCONNECTORMESSAGEUPDATE',
	messageDeleted: 'ONIMCONNECTORMESSAGEDELETE',
	dialogStarted: 'ONIMCONNECTORDIALOGSTART',
	dialogFinished: 'ONIMCONNECTORDIALOGFINISH',
	connectorRemoved: 'ONIMCONNECTORSTATUSDELETE',
	lineDeleted: 'ONIMCONNECTORLINEDELETE',
} as const;

export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'Operator Message',
		value: OPEN_LINES_EVENTS.messageAdded,
		description: 'An operator answered: send it to the customer',
	},
	{
		name: 'Operator Message Edited',
		value: OPEN_LINES_EVENTS.messageUpdated,
		description: 'An operator changed a message already sent',
	},
	{
		name: 'Operator Message Deleted',
		value: OPEN_LINES_EVENTS.messageDeleted,
		description: 'An operator deleted a message already sent',
	},
	{ name: 'Dialog Started', value: OPEN_LINES_EVENTS.dialogStarted },
	{ name: 'Dialog Finished', value: OPEN_LINES_EVENTS.dialogFinished },
	{
		name: 'Connector Removed From a Line',
		value: OPEN_LINES_EVENTS.connectorRemoved,
		description: 'The connector no longer works on a line',
	},
	{ name: 'Line Deleted', value: OPEN_LINES_EVENTS.lineDeleted },
];

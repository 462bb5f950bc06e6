import { resourceNode, type Resource } from '../../shared/bitrix24/resources';
import * as connector from './connector/Connector.resource';
import * as dialog from './dialog/Dialog.resource';
import * as line from './line/Line.resource';
import * as message from './message/Message.resource';

/** Every resource of the node: the Resource options and the router are built from this list. */
export const RESOURCES: Resource[] = [
	{
		name: 'Connector',
		value: 'connector',
		description: 'Your channel as an Open Lines connector',
		module: connector,
	},
	{
		name: 'Dialog',
		value: 'dialog',
		description: 'Dialogs of customers with operators',
		module: dialog,
	},
	{ name: 'Line', value: 'line', description: 'Open Lines of the portal', module: line },
	{
		name: 'Message',
		value: 'message',
		description: "Customers' messages to operators, and statuses of operators' messages",
		module: message,
	},
];

export const {
	properties: resourceProperties,
	operationOf,
	router,
} = resourceNode(RESOURCES, { defaultResource: 'message', accepts: ['bitrix24OAuth2Api'] });

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordLocator } from '../../shared/bitrix24/descriptions';
import { connectorId } from '../../shared/bitrix24/openLines/connector';
import { recordIdParameter } from '../../shared/bitrix24/parameters';

export const connectorProperty: INodeProperties = {
	displayName: 'Connector ID',
	name: 'connector',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'acme_webchat',
	description:
		'The ID the connector was registered with (lower case letters, digits and _; no dot)',
};

/** The Open Line, from a searchable list or by ID. */
export const lineProperty: INodeProperties = recordLocator({
	name: 'line',
	label: 'Line',
	what: 'line',
	searchListMethod: 'searchLines',
});

export function connectorParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = connectorId(ctx.getNodeParameter('connector', itemIndex, ''));
	if (!id.ok) {
		throw new NodeOperationError(ctx.getNode(), `Connector ID: ${id.reason}`, {
			itemIndex,
			description: 'Use the ID the connector was registered with, such as acme_webchat.',
		});
	}
	return id.value;
}

export const lineParameter = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'line', itemIndex, 'Line');

/** The Open Lines chat of a dialog, a number (as Send to Operators and the trigger output it). */
export const chatIdProperty: INodeProperties = {
	displayName: 'Open Lines Chat ID',
	name: 'chatId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '1767',
	description:
		"Bitrix24's chat of the dialog: openLinesChatId in the output of Send to Operators, conversation.openLinesChatId in the Open Lines Trigger's",
};

export const chatIdParameter = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'chatId', itemIndex, 'Open Lines Chat ID');

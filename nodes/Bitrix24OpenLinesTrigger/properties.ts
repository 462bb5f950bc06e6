import type { INodeProperties } from 'n8n-workflow';

import { eventOptions, OPEN_LINES_EVENTS } from './events';

const setUp = { show: { setUpConnector: [true] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"The trigger subscribes itself with the OAuth2 credential. The Bitrix24 Application Token credential is optional: without it, on activation the trigger asks Bitrix24 for a test event signed with the app's client secret and from then on accepts only events with the application token that test event came with.",
		name: 'applicationTokenNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Connector ID',
		name: 'connector',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'acme_webchat',
		description:
			'The connector whose events start the workflow; events of other connectors are ignored',
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'string',
		default: '',
		placeholder: '1, 3',
		description: 'Only events of these lines (IDs, separated by commas); empty: every line',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: [OPEN_LINES_EVENTS.messageAdded],
		required: true,
	},
	{
		displayName: 'Set Up Connector on Activation',
		name: 'setUpConnector',
		type: 'boolean',
		default: false,
		description:
			'Whether activating the workflow registers the connector (when it is not registered) and activates it on the Lines; deactivating removes what activation added',
	},
	{
		displayName: 'Connector Name',
		name: 'connectorName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Acme web chat',
		displayOptions: setUp,
	},
	{
		displayName: 'Icon (SVG)',
		name: 'icon',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">…</svg>',
		description: 'Bitrix24 shows connector icons only from SVG',
		displayOptions: setUp,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Files',
				name: 'downloadFiles',
				type: 'boolean',
				default: false,
				description:
					"Whether to download operators' files into binary properties (attachment_0, attachment_1…); otherwise they are given by their Bitrix24 links, which need the portal's login",
			},
			{
				displayName: 'Include Customer',
				name: 'includeCustomer',
				type: 'boolean',
				default: true,
				description:
					"Whether to add the customer's ID in your channel and the session (recipient, conversation.sessionId), read from the dialog: one more request per event. Bitrix24 sends only the chat's ID with an operator's message.",
			},
			{
				displayName: 'Text Format',
				name: 'textFormat',
				type: 'options',
				options: [
					{
						name: 'Plain Text',
						value: 'plain',
						description: "BB-code removed and the operator's signature taken off",
					},
					{ name: 'BB-Code', value: 'bbcode', description: 'As Bitrix24 sends it' },
				],
				default: 'plain',
			},
		],
	},
];

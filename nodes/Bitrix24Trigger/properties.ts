import type { INodeProperties } from 'n8n-workflow';

import { eventOptions } from './events';

const v1 = { '@version': [1] };
const v2 = { '@version': [2] };

const PROOF_HELP =
	"on activation the trigger calls event.test, so that Bitrix24 sends it a test event carrying a proof signed with the app's client secret, and from then on it accepts only events with the application token that test event came with (it keeps only a hash of it). Events that arrive before the test event are rejected.";

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'Inbound Webhook (Events by an Outgoing Webhook You Set Up)',
				value: 'webhook',
			},
			{ name: 'OAuth2 (Subscribes Itself)', value: 'oAuth2' },
		],
		default: 'oAuth2',
	},
	{
		displayName:
			"In Bitrix24 open Developer resources → Other → Outgoing webhook, paste this trigger's Production URL as the handler address, tick the same events, save, and copy the Application Token below. Bitrix24 cannot subscribe a trigger itself with a webhook credential.",
		name: 'outgoingWebhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['webhook'], ...v1 } },
	},
	{
		displayName:
			"In Bitrix24 open Developer resources → Other → Outgoing webhook, paste this trigger's Production URL as the handler address, tick the same events, save, and put its Application Token into a Bitrix24 Application Token credential above. Bitrix24 cannot subscribe a trigger itself with a webhook credential.",
		name: 'outgoingWebhookCredentialNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['webhook'], ...v2 } },
	},
	{
		displayName: `The Bitrix24 Application Token credential is optional with OAuth2: without it, ${PROOF_HELP}`,
		name: 'applicationTokenNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['oAuth2'], ...v2 } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: [],
		description: 'The events that start the workflow',
	},
	{
		displayName: 'Custom Event Names',
		name: 'customEvents',
		type: 'string',
		default: '',
		placeholder: 'ONCRMDYNAMICITEMADD_147, ONIMBOTMESSAGEADD',
		description: 'Other Bitrix24 event names, comma-separated',
	},
	{
		displayName: 'Application Token',
		name: 'applicationToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `The token Bitrix24 shows for the outgoing webhook (or your app), sent with every event. Events without it are rejected. With OAuth2 it may stay empty: ${PROOF_HELP}`,
		displayOptions: { show: v1 },
	},
	{
		displayName: 'Fetch Full Record',
		name: 'fetchRecord',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the lead, deal, task, user or calendar event the event is about, so the next node has all its fields (one more request per event)',
	},
];

import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * Both Bitrix24 credentials; the `authentication` parameter picks one. The Bitrix24 node lists
 * them in its own description, with the webhook credential's test (`testedBy`): n8n's lint reads
 * that from the node's literal, and n8n runs the test of the first node that names one.
 */
export const bitrix24Credentials: INodeCredentialDescription[] = [
	{
		name: 'bitrix24WebhookApi',
		required: true,
		displayOptions: { show: { authentication: ['webhook'] } },
	},
	{
		name: 'bitrix24OAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Inbound Webhook', value: 'webhook' },
		{ name: 'OAuth2 (Local or Marketplace App)', value: 'oAuth2' },
	],
	default: 'webhook',
};

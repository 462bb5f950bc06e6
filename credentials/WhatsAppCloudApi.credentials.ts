import type { IAuthenticateGeneric, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import {
	DEFAULT_GRAPH_API_VERSION,
	DEFAULT_GRAPH_BASE_URL,
	DEFAULT_THROUGHPUT,
	DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
} from '../nodes/shared/whatsapp/settings';

export class WhatsAppCloudApi implements ICredentialType {
	name = 'whatsAppCloudApi';

	displayName = 'WhatsApp Cloud API';

	icon: Icon = { light: 'file:../icons/whatsapp.svg', dark: 'file:../icons/whatsapp.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-bitrix24/n8n-nodes-bitrix24/blob/main/docs/WhatsAppCloudApi.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A system user access token with the whatsapp_business_messaging and whatsapp_business_management permissions (Business settings → Users → System users → Generate new token). Temporary tokens from the app dashboard expire after 24 hours.',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The Meta app's secret (App settings → Basic). The trigger checks every webhook's signature with it; the node does not need it.",
		},
		{
			displayName: 'Phone Number ID',
			name: 'phoneNumberId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '106540352242922',
			description:
				'The ID of the business phone number that sends (WhatsApp → API Setup), not the phone number itself',
		},
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'businessAccountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '102290129340398',
			description: 'The WhatsApp Business Account (WABA) that owns the number and its templates',
		},
		{
			displayName: 'Webhook Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Any secret text you choose. Meta sends it back when it checks the trigger's callback URL; enter the same text in the app's WhatsApp → Configuration → Verify token, or let the trigger register itself.",
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			description:
				"The Meta app's ID (App settings → Basic). Needed only when the trigger sets the app's callback URL itself (Webhook Setup: App Subscription).",
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: DEFAULT_GRAPH_API_VERSION,
			placeholder: DEFAULT_GRAPH_API_VERSION,
			description:
				"The Graph API version every request uses, e.g. v25.0. Meta retires each version about two years after its release; move on when Meta's changelog says so.",
		},
		{
			displayName: 'Throughput (Messages per Second)',
			name: 'throughput',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: DEFAULT_THROUGHPUT,
			description:
				"How many messages per second this phone number may send: 80 for Cloud API numbers, 20 for numbers also used in the WhatsApp Business app, 1,000 after Meta's upgrade. All nodes in one n8n process share it.",
		},
		{
			displayName: 'Max Wait on Rate Limits (Seconds)',
			name: 'maxRateLimitWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
			description:
				'When Meta refuses a message for a rate limit (130429, or 131056 for too many messages to one customer), how long the node may wait and try again before it fails. Refused messages were not sent, so trying again never sends one twice.',
		},
		{
			displayName: 'Graph API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_GRAPH_BASE_URL,
			description:
				'Leave as is. Change it only to go through a proxy of the Graph API or to a local test fake.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};
}

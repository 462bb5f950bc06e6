import type { INodeProperties } from 'n8n-workflow';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Meta must send this trigger its events. Manual set-up: in the Meta app open WhatsApp → Configuration, enter the Production URL above as the callback URL and the verify token of the credential, and subscribe the "messages" field. Or let the trigger register itself on activation.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Webhook Setup',
		name: 'webhookSetup',
		type: 'options',
		options: [
			{
				name: 'Manual (URL and Verify Token in the App Dashboard)',
				value: 'manual',
				description: "Nothing is changed at Meta; the trigger answers Meta's verification",
			},
			{
				name: 'Phone Number Callback (Automatic)',
				value: 'phoneNumber',
				description:
					"On activation this URL becomes the callback of the credential's business number only (Meta's webhook override); other numbers of the app keep theirs",
			},
			{
				name: 'App Subscription (Automatic)',
				value: 'app',
				description:
					'On activation this URL becomes the callback of the whole Meta app (needs the App ID in the credential); one per app',
			},
		],
		default: 'manual',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Customer Messages',
				value: 'messages',
				description: 'As conversation messages, on the Messages output',
			},
			{
				name: 'Echoes',
				value: 'echoes',
				description:
					'Messages the business sent from the WhatsApp Business app, marked echo, on the Messages output',
			},
			{
				name: 'Other Fields',
				value: 'other',
				description: 'Errors, template and account updates… as they come, on the Other output',
			},
			{
				name: 'Statuses',
				value: 'statuses',
				description: 'Sent, delivered, read, failed, on the Statuses output',
			},
		],
		default: ['messages', 'statuses'],
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Deleted', value: 'deleted' },
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Read', value: 'read' },
			{ name: 'Sent', value: 'sent' },
		],
		default: ['sent', 'delivered', 'read', 'failed'],
		description: 'Which message statuses start the workflow',
	},
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'options',
		options: [
			{
				name: "The Credential's Number",
				value: 'credential',
				description: 'Only events of the phone number ID in the credential',
			},
			{ name: 'All Numbers of the App', value: 'all' },
			{ name: 'These Numbers', value: 'list', description: 'Phone number IDs, comma-separated' },
		],
		default: 'credential',
		description:
			'Which business numbers the trigger answers for; events of the others are acknowledged to Meta and dropped',
	},
	{
		displayName: 'Phone Number IDs',
		name: 'phoneNumberIds',
		type: 'string',
		default: '',
		placeholder: '106540352242922, 106540352242923',
		displayOptions: { show: { phoneNumbers: ['list'] } },
	},
	{
		displayName: 'Respond to Meta',
		name: 'respond',
		type: 'options',
		options: [
			{
				name: 'Right Away',
				value: 'onReceived',
				description:
					'Meta gets its 200 as soon as the request is checked; a failed run is not repeated',
			},
			{
				name: 'When the Workflow Has Finished',
				value: 'afterWorkflow',
				description:
					'Meta gets 200 only when the workflow succeeded; after a failure it delivers the events again (for up to 7 days), so nothing is lost. The repeat carries the same message IDs: let the next steps skip what they already did.',
			},
		],
		default: 'onReceived',
	},
	{
		displayName: 'Download Media',
		name: 'downloadMedia',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the files of customer messages into the item\'s binary property "data" (listed as the conversation message\'s attachment). Meta keeps them 7 days.',
	},
];

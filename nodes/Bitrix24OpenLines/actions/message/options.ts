import type { INodeProperties } from 'n8n-workflow';

import { messagesPerRequest } from './properties';

/** The Options of Send to Operators (with the CRM switch) and Update. */
export function entryOptions({ crm }: { crm: boolean }): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Chat Name',
				name: 'chatName',
				type: 'string',
				default: '',
				description: "The chat's name in your channel, shown to operators",
			},
			{
				displayName: 'Chat URL',
				name: 'chatUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/chat/123',
				description: 'Where the chat is in your channel',
			},
			...(crm
				? [
						{
							displayName: 'Skip CRM Tracker',
							name: 'disableCrm',
							type: 'boolean' as const,
							default: false,
							description:
								'Whether Bitrix24 should leave the CRM alone for these messages (no lead or contact is found or created)',
						},
					]
				: []),
			{
				displayName: 'Skip Phone Validation',
				name: 'skipPhoneValidation',
				type: 'boolean',
				default: false,
				description:
					"Whether Bitrix24 should save the sender's phone without its own validation (for numbers it wrongly refuses)",
			},
			messagesPerRequest,
		],
	};
}

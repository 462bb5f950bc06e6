import type { INodeProperties } from 'n8n-workflow';

import { defaultCountryCode } from '../../../shared/bitrix24/descriptions';

/** Where a message operation reads its message from. */
export function sourceProperty(conversationHint: string): INodeProperties[] {
	return [
		{
			displayName: 'Input',
			name: 'source',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Conversation Message',
					value: 'conversation',
					description: 'The shared message every channel trigger of this package emits',
				},
				{ name: 'Define Below', value: 'fields', description: 'Map the fields one by one' },
			],
			default: 'conversation',
		},
		{
			displayName: 'Conversation Message',
			name: 'conversationMessage',
			type: 'json',
			default: '={{ $json }}',
			required: true,
			description: conversationHint,
			displayOptions: { show: { source: ['conversation'] } },
		},
	];
}

const fieldsOnly = { show: { source: ['fields'] } };

/** The channel's chat and the person in it, as the channel knows them. */
export const chatFields: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '4915112345678',
		description:
			"The chat in your channel (a phone number, a session ID). The operator's answers come back with it.",
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Sender ID',
		name: 'senderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '4915112345678',
		description:
			'The customer in your channel; Bitrix24 keeps one dialog per customer. Often the same as the chat ID.',
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		placeholder: 'msg-123',
		description:
			'The message in your channel, for later edits, deletions and statuses. Empty: one is made from the execution and item.',
		displayOptions: fieldsOnly,
	},
];

/** What a customer's message says and who sent it. */
export const contentFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'The message, with Bitrix24 BB-code formatting if wanted ([b]bold[/b])',
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Sender Name',
		name: 'senderName',
		type: 'string',
		default: '',
		placeholder: 'Ann Lee',
		displayOptions: fieldsOnly,
	},
	{
		displayName: 'Sender Phone',
		name: 'senderPhone',
		type: 'string',
		default: '',
		placeholder: '+49 151 12345678',
		description: 'Put in E.164 form; with a Default Country Code national numbers work too',
		displayOptions: fieldsOnly,
	},
	{ ...defaultCountryCode, displayOptions: fieldsOnly },
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'data, photo',
		description: 'Binary properties of the item to send as files, separated by commas',
		displayOptions: fieldsOnly,
	},
];

export const messagesPerRequest: INodeProperties = {
	displayName: 'Messages per Request',
	name: 'messagesPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 100,
	description:
		'Most messages one HTTP request carries. The messages of many items go to Bitrix24 together (one call per line, several calls in one batch); lower it if Bitrix24 takes longer than a minute to answer.',
};

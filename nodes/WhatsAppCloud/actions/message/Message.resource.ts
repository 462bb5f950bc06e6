import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/n8n/resources';
import * as markAsRead from './markAsRead.operation';
import * as sendContacts from './sendContacts.operation';
import * as sendConversation from './sendConversation.operation';
import * as sendInteractive from './sendInteractive.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendReaction from './sendReaction.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';

export {
	markAsRead,
	sendContacts,
	sendConversation,
	sendInteractive,
	sendLocation,
	sendMedia,
	sendReaction,
	sendTemplate,
	sendText,
};

export const description: INodeProperties[] = [
	operationSelector('message', [
		{
			name: 'Send Text',
			value: 'sendText',
			description: 'Send a text message, with a link preview or as a reply',
			action: 'Send a text message',
		},
		{
			name: 'Mark as Read',
			value: 'markAsRead',
			description: "Mark a customer's message as read, optionally showing typing…",
			action: 'Mark a message as read',
		},
		{
			name: 'Send Contacts',
			value: 'sendContacts',
			description: 'Send contact cards',
			action: 'Send contacts',
		},
		{
			name: 'Send Conversation Message',
			value: 'sendConversation',
			description:
				"Send an operator's reply given as a conversation message (from the Open Lines Trigger)",
			action: 'Send a conversation message',
		},
		{
			name: 'Send Interactive',
			value: 'sendInteractive',
			description: 'Send reply buttons, a list or a call-to-action URL button',
			action: 'Send an interactive message',
		},
		{
			name: 'Send Location',
			value: 'sendLocation',
			description: 'Send a location pin',
			action: 'Send a location',
		},
		{
			name: 'Send Media',
			value: 'sendMedia',
			description: 'Send an image, audio, video, document or sticker',
			action: 'Send a media message',
		},
		{
			name: 'Send Reaction',
			value: 'sendReaction',
			description: 'React to a message with an emoji',
			action: 'Send a reaction',
		},
		{
			name: 'Send Template',
			value: 'sendTemplate',
			description: 'Send an approved template, also outside the 24-hour window',
			action: 'Send a template message',
		},
	]),
	...sendText.description,
	...markAsRead.description,
	...sendContacts.description,
	...sendConversation.description,
	...sendInteractive.description,
	...sendLocation.description,
	...sendMedia.description,
	...sendReaction.description,
	...sendTemplate.description,
];

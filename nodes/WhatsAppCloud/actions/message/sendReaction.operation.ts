import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendReaction',
	properties: [
		recipientProperty,
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'wamid.HBgL…',
			description: 'The message to react to (from the customer or sent by the business)',
		},
		{
			displayName: 'Emoji',
			name: 'emoji',
			type: 'string',
			default: '',
			description: 'One emoji, e.g. 👍. Leave empty to remove an earlier reaction.',
		},
		optionsCollection(sendOptions.filter((option) => option.name !== 'replyTo')),
	],
	async run(ctx, client, itemIndex) {
		const response = await client.sendMessage({
			...envelope(ctx, itemIndex),
			type: 'reaction',
			reaction: {
				message_id: String(ctx.getNodeParameter('messageId', itemIndex)).trim(),
				emoji: String(ctx.getNodeParameter('emoji', itemIndex, '')),
			},
		});
		return { json: sentOutput(response, 'reaction') };
	},
});

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'markAsRead',
	properties: [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'wamid.HBgL…',
			description:
				"The customer's message to mark as read (its wamid from the trigger). Earlier messages of the chat count as read too.",
		},
		{
			displayName: 'Show Typing Indicator',
			name: 'typingIndicator',
			type: 'boolean',
			default: false,
			description:
				'Whether the customer sees "typing…" until the next message is sent, for up to 25 seconds',
		},
	],
	async run(ctx, client, itemIndex) {
		const messageId = String(ctx.getNodeParameter('messageId', itemIndex)).trim();
		const typing = ctx.getNodeParameter('typingIndicator', itemIndex, false) as boolean;
		const response = await client.sendMessage({
			status: 'read',
			message_id: messageId,
			...(typing ? { typing_indicator: { type: 'text' } } : {}),
		});
		return { json: { messageId, read: response.success === true, typingIndicator: typing } };
	},
});

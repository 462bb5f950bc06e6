import { simpleOperation } from '../../../shared/bitrix24/operations';
import { messageOf, text } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'message',
	operation: 'send',
	properties: [
		{
			displayName: 'Chat',
			name: 'dialogId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'chat42',
			description: 'A user ID for a private chat, chatN for a chat, or sgN for a workgroup chat',
		},
		text,
		{
			displayName: 'System Message',
			name: 'system',
			type: 'boolean',
			default: false,
			description:
				"Whether to show it as a system message instead of one from the credential's user",
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'im.message.add',
		params: {
			DIALOG_ID: String(ctx.getNodeParameter('dialogId', itemIndex)).trim(),
			MESSAGE: messageOf(ctx, itemIndex),
			SYSTEM: ctx.getNodeParameter('system', itemIndex, false) ? 'Y' : 'N',
		},
	}),
	output: (result, params) => ({ id: Number(result), dialogId: params.DIALOG_ID }),
});

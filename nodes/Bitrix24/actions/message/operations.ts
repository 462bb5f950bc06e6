import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../simpleOperation';

const BB_CODES =
	'BB codes format the text: [b]bold[/b], [i]italic[/i], [url=https://example.com]link[/url], [USER=5]name[/USER] mentions a user; [br] is a line break.';

const text: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	hint: BB_CODES,
};

const userId: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	description: 'The Bitrix24 user who receives it',
};

const messageOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	ctx.getNodeParameter('message', itemIndex) as string;

export const notify = simpleOperation({
	resource: 'message',
	operation: 'notify',
	properties: [
		userId,
		text,
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'options',
			options: [
				{ name: 'System', value: 'system', description: 'Shown as a notification from the portal' },
				{
					name: 'Personal',
					value: 'personal',
					description: "Shown as a notification from the credential's user",
				},
			],
			default: 'system',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			description: 'A newer notification with the same tag replaces the older one',
		},
	],
	call: (ctx, itemIndex) => {
		const params: IDataObject = {
			USER_ID: recordIdParameter(ctx, 'userId', itemIndex, 'User ID'),
			MESSAGE: messageOf(ctx, itemIndex),
		};
		const tag = String(ctx.getNodeParameter('tag', itemIndex, '')).trim();
		// Bitrix24 asks webhooks for a CLIENT_ID along with a tag.
		if (tag) Object.assign(params, { TAG: tag, CLIENT_ID: 'n8n-nodes-bitrix24' });
		return { method: `im.notify.${ctx.getNodeParameter('kind', itemIndex) as string}.add`, params };
	},
	output: (result) => ({ id: Number(result), sent: result !== false }),
});

export const send = simpleOperation({
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

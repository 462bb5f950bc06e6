import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { messageOf, text } from './properties';

const userId: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	description: 'The Bitrix24 user who receives it',
};

export const { description, execute } = simpleOperation({
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

import { NodeOperationError } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendText',
	properties: [
		recipientProperty,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description:
				'Up to 4,096 characters. WhatsApp formatting works: *bold*, _italic_, ~strikethrough~, ```monospace```.',
		},
		optionsCollection([
			{
				displayName: 'Link Preview',
				name: 'previewUrl',
				type: 'boolean',
				default: false,
				description: 'Whether to show a preview of the first http(s) link in the text',
			},
			...sendOptions,
		]),
	],
	async run(ctx, client, itemIndex) {
		const text = String(ctx.getNodeParameter('text', itemIndex));
		if (!text.trim()) {
			throw new NodeOperationError(ctx.getNode(), 'The text is empty', { itemIndex });
		}
		if (text.length > 4096) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The text has ${text.length} characters; WhatsApp allows 4,096`,
				{
					itemIndex,
					description: 'Shorten it, or split it over several messages.',
				},
			);
		}
		const previewUrl = ctx.getNodeParameter('options.previewUrl', itemIndex, false) as boolean;
		const response = await client.sendMessage({
			...envelope(ctx, itemIndex),
			type: 'text',
			text: { body: text, preview_url: previewUrl },
		});
		return { json: sentOutput(response, 'text') };
	},
});

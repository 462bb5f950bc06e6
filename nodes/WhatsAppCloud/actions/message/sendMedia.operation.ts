import { NodeOperationError } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';
import { mediaObject, uploadBinary, type MediaType } from './media';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendMedia',
	properties: [
		recipientProperty,
		{
			displayName: 'Media Type',
			name: 'mediaType',
			type: 'options',
			options: [
				{ name: 'Audio', value: 'audio' },
				{ name: 'Document', value: 'document' },
				{ name: 'Image', value: 'image' },
				{ name: 'Sticker', value: 'sticker' },
				{ name: 'Video', value: 'video' },
			],
			default: 'image',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Binary Data',
					value: 'binary',
					description: 'A file of the input item (uploaded to Meta first)',
				},
				{ name: 'Link', value: 'link', description: 'A public https URL Meta downloads' },
				{ name: 'Media ID', value: 'id', description: 'A file already uploaded to Meta' },
			],
			default: 'binary',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { source: ['binary'] } },
			description: 'The binary property of the input item that holds the file',
		},
		{
			displayName: 'Link',
			name: 'link',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/picture.jpg',
			displayOptions: { show: { source: ['link'] } },
		},
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { source: ['id'] } },
		},
		{
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			default: '',
			displayOptions: { show: { mediaType: ['image', 'video', 'document'] } },
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			displayOptions: { show: { mediaType: ['document'] } },
			description: "The name the customer sees (by default the binary file's name)",
		},
		optionsCollection(sendOptions),
	],
	async run(ctx, client, itemIndex) {
		const type = ctx.getNodeParameter('mediaType', itemIndex) as MediaType;
		const source = ctx.getNodeParameter('source', itemIndex) as string;
		const body = envelope(ctx, itemIndex);
		let fileName =
			type === 'document' ? String(ctx.getNodeParameter('fileName', itemIndex, '')) : '';
		let media: { id?: string; link?: string };
		let uploadedId: string | undefined;
		if (source === 'binary') {
			const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex)).trim();
			const uploaded = await uploadBinary(ctx, client, itemIndex, property, type);
			uploadedId = uploaded.id;
			media = { id: uploaded.id };
			fileName ||= uploaded.fileName;
		} else if (source === 'link') {
			const link = String(ctx.getNodeParameter('link', itemIndex)).trim();
			if (!/^https?:\/\//i.test(link)) {
				throw new NodeOperationError(ctx.getNode(), `"${link}" is not an http(s) link`, {
					itemIndex,
				});
			}
			media = { link };
		} else {
			media = { id: String(ctx.getNodeParameter('mediaId', itemIndex)).trim() };
		}
		const caption = ['image', 'video', 'document'].includes(type)
			? String(ctx.getNodeParameter('caption', itemIndex, ''))
			: '';
		const response = await client.sendMessage({
			...body,
			type,
			[type]: mediaObject(media, type, { caption, fileName }),
		});
		return {
			json: { ...sentOutput(response, type), ...(uploadedId ? { mediaId: uploadedId } : {}) },
		};
	},
});

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'media',
	operation: 'download',
	properties: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			default: '',
			required: true,
			description: 'The media ID, e.g. from an incoming message (kept by Meta for 7 days)',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: 'Name of the file (by default the media ID with the extension of its type)',
		},
	],
	async run(ctx, client, itemIndex) {
		const mediaId = String(ctx.getNodeParameter('mediaId', itemIndex)).trim();
		const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex)).trim();
		const media = await client.downloadMedia(mediaId);
		const fileName = String(ctx.getNodeParameter('fileName', itemIndex, '')) || undefined;
		const binary = await ctx.helpers.prepareBinaryData(
			media.data,
			fileName ?? mediaId,
			media.mimeType,
		);
		if (!fileName && binary.fileExtension) binary.fileName = `${mediaId}.${binary.fileExtension}`;
		return {
			json: {
				mediaId,
				mimeType: media.mimeType,
				fileSize: media.data.length,
				sha256: media.sha256,
			},
			binary: { [property]: binary },
		};
	},
});

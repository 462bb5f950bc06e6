import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { uploadBinary } from '../message/media';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'media',
	operation: 'upload',
	properties: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The binary property of the input item that holds the file',
		},
	],
	async run(ctx, client, itemIndex) {
		const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex)).trim();
		const uploaded = await uploadBinary(ctx, client, itemIndex, property);
		return {
			json: {
				mediaId: uploaded.id,
				fileName: uploaded.fileName,
				mimeType: uploaded.mimeType,
				mediaType: uploaded.type,
			},
		};
	},
});

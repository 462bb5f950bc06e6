import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'media',
	operation: 'delete',
	properties: [
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			default: '',
			required: true,
		},
	],
	async run(ctx, client, itemIndex) {
		const mediaId = String(ctx.getNodeParameter('mediaId', itemIndex)).trim();
		const response = await client.request({
			method: 'DELETE',
			path: encodeURIComponent(mediaId),
			qs: { phone_number_id: client.settings.phoneNumberId },
			kind: 'write',
			action: 'delete the media',
		});
		return { json: { mediaId, deleted: response.success === true } };
	},
});

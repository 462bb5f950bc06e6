import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { TEMPLATE_FIELDS, templateOutput } from './output';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'template',
	operation: 'get',
	properties: [
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			default: '',
			required: true,
			description: "The template's ID (one language of it), as Get Many or Create output it",
		},
	],
	async run(ctx, client, itemIndex) {
		const id = String(ctx.getNodeParameter('templateId', itemIndex)).trim();
		const template = await client.request({
			method: 'GET',
			path: encodeURIComponent(id),
			qs: { fields: TEMPLATE_FIELDS },
			kind: 'read',
			action: 'read the template',
		});
		return { json: templateOutput(template) };
	},
});

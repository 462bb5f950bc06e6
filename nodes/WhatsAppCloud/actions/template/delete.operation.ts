import type { IDataObject } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'template',
	operation: 'delete',
	properties: [
		{
			displayName: 'Template Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'Deletes the template in every language, unless a Template ID is given',
		},
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			default: '',
			description: 'Deletes only this language of the template',
		},
	],
	async run(ctx, client, itemIndex) {
		const name = String(ctx.getNodeParameter('name', itemIndex)).trim();
		const templateId = String(ctx.getNodeParameter('templateId', itemIndex, '')).trim();
		const qs: IDataObject = { name };
		if (templateId) qs.hsm_id = templateId;
		const response = await client.request({
			method: 'DELETE',
			path: `${client.settings.businessAccountId}/message_templates`,
			qs,
			kind: 'write',
			action: 'delete the template',
		});
		return {
			json: { name, ...(templateId ? { templateId } : {}), deleted: response.success === true },
		};
	},
});

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';
import {
	readTemplate,
	templateComponents,
	templateLocator,
	templateParameterProperties,
} from './templateMessage';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendTemplate',
	properties: [
		recipientProperty,
		templateLocator('template', 'Template'),
		...templateParameterProperties,
		optionsCollection(sendOptions),
	],
	async run(ctx, client, itemIndex) {
		const { name, language } = readTemplate(ctx, itemIndex, 'template');
		const components = templateComponents(ctx, itemIndex);
		const response = await client.sendMessage({
			...envelope(ctx, itemIndex),
			type: 'template',
			template: {
				name,
				language: { code: language },
				...(components.length ? { components } : {}),
			},
		});
		return { json: { ...sentOutput(response, 'template'), template: name, language } };
	},
});

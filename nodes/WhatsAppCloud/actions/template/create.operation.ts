import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';

const fields = { show: { definition: ['fields'] } };

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'template',
	operation: 'create',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'order_update',
			description: 'Lower-case letters, digits and underscores',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en_US',
			required: true,
			description: "Meta's language code, e.g. en_US, de, es_MX",
		},
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			options: [
				{ name: 'Authentication', value: 'AUTHENTICATION' },
				{ name: 'Marketing', value: 'MARKETING' },
				{ name: 'Utility', value: 'UTILITY' },
			],
			default: 'UTILITY',
		},
		{
			displayName: 'Definition',
			name: 'definition',
			type: 'options',
			options: [
				{ name: 'Define Below', value: 'fields' },
				{ name: 'Components (JSON)', value: 'json' },
			],
			default: 'fields',
		},
		{
			displayName: 'Components (JSON)',
			name: 'componentsJson',
			type: 'json',
			default: '[{"type":"BODY","text":"Hello {{1}}"}]',
			displayOptions: { show: { definition: ['json'] } },
		},
		{
			displayName: 'Header Text',
			name: 'headerText',
			type: 'string',
			default: '',
			displayOptions: fields,
		},
		{
			displayName: 'Body Text',
			name: 'bodyText',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			displayOptions: fields,
			description: 'Placeholders are {{1}}, {{2}} …; Meta needs an example for each',
		},
		{
			displayName: 'Body Examples',
			name: 'bodyExamples',
			type: 'string',
			default: '',
			displayOptions: fields,
			placeholder: 'Ann, A-17',
			description: 'Example values of the placeholders, separated by commas, in order',
		},
		{
			displayName: 'Footer Text',
			name: 'footerText',
			type: 'string',
			default: '',
			displayOptions: fields,
		},
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add button',
			default: {},
			displayOptions: fields,
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{ name: 'Phone Number', value: 'PHONE_NUMBER' },
								{ name: 'Quick Reply', value: 'QUICK_REPLY' },
								{ name: 'URL', value: 'URL' },
							],
							default: 'QUICK_REPLY',
						},
						{ displayName: 'Text', name: 'text', type: 'string', default: '' },
						{
							displayName: 'URL',
							name: 'url',
							type: 'string',
							default: '',
							displayOptions: { show: { type: ['URL'] } },
						},
						{
							displayName: 'Phone Number',
							name: 'phoneNumber',
							type: 'string',
							default: '',
							displayOptions: { show: { type: ['PHONE_NUMBER'] } },
						},
					],
				},
			],
		},
	],
	async run(ctx, client, itemIndex) {
		const name = String(ctx.getNodeParameter('name', itemIndex)).trim();
		if (!/^[a-z0-9_]{1,512}$/.test(name)) {
			throw new NodeOperationError(ctx.getNode(), `"${name}" is not a template name`, {
				itemIndex,
				description: 'Use lower-case letters, digits and underscores, e.g. order_update.',
			});
		}
		let components: IDataObject[];
		if (ctx.getNodeParameter('definition', itemIndex) === 'json') {
			const raw = ctx.getNodeParameter('componentsJson', itemIndex);
			try {
				components = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
			} catch {
				throw new NodeOperationError(ctx.getNode(), 'Components (JSON) is not valid JSON', {
					itemIndex,
				});
			}
		} else {
			components = [];
			const header = String(ctx.getNodeParameter('headerText', itemIndex, ''));
			if (header) components.push({ type: 'HEADER', format: 'TEXT', text: header });
			const body = String(ctx.getNodeParameter('bodyText', itemIndex));
			const examples = String(ctx.getNodeParameter('bodyExamples', itemIndex, ''))
				.split(',')
				.map((value) => value.trim())
				.filter(Boolean);
			components.push({
				type: 'BODY',
				text: body,
				...(examples.length ? { example: { body_text: [examples] } } : {}),
			});
			const footer = String(ctx.getNodeParameter('footerText', itemIndex, ''));
			if (footer) components.push({ type: 'FOOTER', text: footer });
			const buttons = ((ctx.getNodeParameter('buttons', itemIndex, {}) as IDataObject).button ??
				[]) as IDataObject[];
			if (buttons.length) {
				components.push({
					type: 'BUTTONS',
					buttons: buttons.map((button) => ({
						type: button.type,
						text: button.text,
						...(button.type === 'URL' ? { url: button.url } : {}),
						...(button.type === 'PHONE_NUMBER' ? { phone_number: button.phoneNumber } : {}),
					})),
				});
			}
		}
		const response = await client.request({
			method: 'POST',
			path: `${client.settings.businessAccountId}/message_templates`,
			body: {
				name,
				language: String(ctx.getNodeParameter('language', itemIndex)).trim(),
				category: ctx.getNodeParameter('category', itemIndex),
				components,
			},
			kind: 'write',
			action: 'create the template',
		});
		return {
			json: { id: response.id, name, status: response.status, category: response.category },
		};
	},
});

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';

const show = (kinds: string[]) => ({ show: { interactiveType: kinds } });

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendInteractive',
	properties: [
		recipientProperty,
		{
			displayName: 'Interactive Type',
			name: 'interactiveType',
			type: 'options',
			options: [
				{
					name: 'Reply Buttons',
					value: 'button',
					description: 'Up to 3 buttons the customer taps to answer',
				},
				{ name: 'List', value: 'list', description: 'A menu of up to 10 rows in sections' },
				{
					name: 'Call to Action URL',
					value: 'cta_url',
					description: 'One button that opens a URL',
				},
			],
			default: 'button',
		},
		{
			displayName: 'Body Text',
			name: 'bodyText',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			description: 'The message text (up to 1,024 characters, 4,096 for a call to action)',
		},
		{
			displayName: 'Header Text',
			name: 'headerText',
			type: 'string',
			default: '',
			description: 'Optional bold line above the body (up to 60 characters)',
		},
		{
			displayName: 'Footer Text',
			name: 'footerText',
			type: 'string',
			default: '',
			description: 'Optional small grey line below the body (up to 60 characters)',
		},
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add button',
			default: {},
			displayOptions: show(['button']),
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{
							displayName: 'ID',
							name: 'id',
							type: 'string',
							default: '',
							description:
								'What the trigger reports when the customer taps it (up to 256 characters)',
						},
						{
							displayName: 'Title',
							name: 'title',
							type: 'string',
							default: '',
							description: 'The button label (up to 20 characters)',
						},
					],
				},
			],
		},
		{
			displayName: 'List Button Text',
			name: 'listButton',
			type: 'string',
			default: 'Choose',
			required: true,
			displayOptions: show(['list']),
			description: 'The label of the button that opens the list (up to 20 characters)',
		},
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add row',
			default: {},
			displayOptions: show(['list']),
			description: 'Up to 10 rows; rows with the same section title form one section',
			options: [
				{
					displayName: 'Row',
					name: 'row',
					values: [
						{ displayName: 'Section Title', name: 'section', type: 'string', default: '' },
						{
							displayName: 'ID',
							name: 'id',
							type: 'string',
							default: '',
							description: 'What the trigger reports when the customer picks it',
						},
						{
							displayName: 'Title',
							name: 'title',
							type: 'string',
							default: '',
							description: 'Up to 24 characters',
						},
						{
							displayName: 'Description',
							name: 'description',
							type: 'string',
							default: '',
							description: 'Up to 72 characters',
						},
					],
				},
			],
		},
		{
			displayName: 'Button Text',
			name: 'ctaText',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(['cta_url']),
		},
		{
			displayName: 'URL',
			name: 'ctaUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/offer',
			displayOptions: show(['cta_url']),
		},
		optionsCollection(sendOptions),
	],
	async run(ctx, client, itemIndex) {
		const kind = ctx.getNodeParameter('interactiveType', itemIndex) as string;
		const fail = (message: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex });
		const interactive: IDataObject = {
			type: kind,
			body: { text: String(ctx.getNodeParameter('bodyText', itemIndex)) },
		};
		const header = String(ctx.getNodeParameter('headerText', itemIndex, ''));
		const footer = String(ctx.getNodeParameter('footerText', itemIndex, ''));
		if (header) interactive.header = { type: 'text', text: header };
		if (footer) interactive.footer = { text: footer };
		if (kind === 'button') {
			const buttons = ((ctx.getNodeParameter('buttons', itemIndex, {}) as IDataObject).button ??
				[]) as IDataObject[];
			if (buttons.length < 1 || buttons.length > 3) throw fail('Reply buttons need 1 to 3 buttons');
			for (const button of buttons) {
				if (!button.id || !button.title) throw fail('Every button needs an ID and a title');
				if (String(button.title).length > 20)
					throw fail(`The button title "${button.title}" is longer than 20 characters`);
			}
			interactive.action = {
				buttons: buttons.map((button) => ({
					type: 'reply',
					reply: { id: String(button.id), title: String(button.title) },
				})),
			};
		} else if (kind === 'list') {
			const rows = ((ctx.getNodeParameter('rows', itemIndex, {}) as IDataObject).row ??
				[]) as IDataObject[];
			if (rows.length < 1 || rows.length > 10) throw fail('A list needs 1 to 10 rows');
			const sections = new Map<string, IDataObject[]>();
			for (const row of rows) {
				if (!row.id || !row.title) throw fail('Every row needs an ID and a title');
				if (String(row.title).length > 24)
					throw fail(`The row title "${row.title}" is longer than 24 characters`);
				const section = String(row.section ?? '');
				sections.set(section, [
					...(sections.get(section) ?? []),
					{
						id: String(row.id),
						title: String(row.title),
						...(row.description ? { description: String(row.description) } : {}),
					},
				]);
			}
			if (sections.size > 1 && sections.has(''))
				throw fail('With several sections, every row needs a section title');
			interactive.action = {
				button: String(ctx.getNodeParameter('listButton', itemIndex)),
				sections: [...sections].map(([title, sectionRows]) => ({
					...(title ? { title } : {}),
					rows: sectionRows,
				})),
			};
		} else {
			interactive.action = {
				name: 'cta_url',
				parameters: {
					display_text: String(ctx.getNodeParameter('ctaText', itemIndex)),
					url: String(ctx.getNodeParameter('ctaUrl', itemIndex)),
				},
			};
		}
		const response = await client.sendMessage({
			...envelope(ctx, itemIndex),
			type: 'interactive',
			interactive,
		});
		return { json: sentOutput(response, 'interactive') };
	},
});

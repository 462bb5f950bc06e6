import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendContacts',
	properties: [
		recipientProperty,
		{
			displayName: 'Contacts',
			name: 'contacts',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add contact',
			default: {},
			options: [
				{
					displayName: 'Contact',
					name: 'contact',
					values: [
						{
							displayName: 'Company',
							name: 'company',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Email',
							name: 'email',
							type: 'string',
							placeholder: 'name@email.com',
							default: '',
						},
						{
							displayName: 'First Name',
							name: 'firstName',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Formatted Name',
							name: 'formattedName',
							type: 'string',
							default: '',
							required: true,
							description: 'The name shown on the contact card',
						},
						{
							displayName: 'Last Name',
							name: 'lastName',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Phone',
							name: 'phone',
							type: 'string',
							default: '',
							placeholder: '+4915112345678',
						},
						{
							displayName: 'Phone Type',
							name: 'phoneType',
							type: 'options',
							options: [
								{
									name: 'Cell',
									value: 'CELL',
								},
								{
									name: 'Home',
									value: 'HOME',
								},
								{
									name: 'Main',
									value: 'MAIN',
								},
								{
									name: 'Work',
									value: 'WORK',
								},
							],
							default: 'CELL',
						},
						{
							displayName: 'URL',
							name: 'url',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		optionsCollection(sendOptions),
	],
	async run(ctx, client, itemIndex) {
		const entries =
			((ctx.getNodeParameter('contacts', itemIndex, {}) as IDataObject).contact as
				| IDataObject[]
				| undefined) ?? [];
		if (entries.length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'Add at least one contact', { itemIndex });
		}
		const contacts = entries.map((entry) => {
			const contact: IDataObject = {
				name: {
					formatted_name: entry.formattedName,
					...(entry.firstName ? { first_name: entry.firstName } : {}),
					...(entry.lastName ? { last_name: entry.lastName } : {}),
				},
			};
			if (entry.phone) {
				const digits = String(entry.phone).replace(/[^\d+]/g, '');
				contact.phones = [
					{
						phone: String(entry.phone),
						type: entry.phoneType ?? 'CELL',
						wa_id: digits.replace(/\D/g, ''),
					},
				];
			}
			if (entry.email) contact.emails = [{ email: entry.email, type: 'WORK' }];
			if (entry.company) contact.org = { company: entry.company };
			if (entry.url) contact.urls = [{ url: entry.url, type: 'WORK' }];
			return contact;
		});
		const response = await client.sendMessage({
			...envelope(ctx, itemIndex),
			type: 'contacts',
			contacts,
		});
		return { json: sentOutput(response, 'contacts') };
	},
});

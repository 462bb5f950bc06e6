import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';

/**
 * The two contact links Bitrix24 manages with dedicated methods: the contacts of a deal, and the
 * companies of a contact. Both are "record → linked IDs".
 */
export const LINKS = {
	dealContact: {
		method: 'crm.deal.contact',
		owner: 'Deal',
		linked: 'Contact',
		field: 'CONTACT_ID',
	},
	contactCompany: {
		method: 'crm.contact.company',
		owner: 'Contact',
		linked: 'Company',
		field: 'COMPANY_ID',
	},
} as const;

export type LinkKind = keyof typeof LINKS;

export const linkKind: INodeProperties = {
	displayName: 'Link',
	name: 'link',
	type: 'options',
	options: [
		{ name: 'Contacts of a Deal', value: 'dealContact' },
		{ name: 'Companies of a Contact', value: 'contactCompany' },
	],
	default: 'dealContact',
};

export const ownerId: INodeProperties = {
	displayName: 'Record ID',
	name: 'linkOwnerId',
	type: 'string',
	default: '',
	required: true,
	description: 'The deal (for its contacts) or the contact (for its companies)',
};

export const linkedId: INodeProperties = {
	displayName: 'Linked ID',
	name: 'linkedId',
	type: 'string',
	default: '',
	required: true,
	description: 'The contact to link to the deal, or the company to link to the contact',
};

export function linkOf(ctx: IExecuteFunctions, itemIndex: number) {
	const kind = LINKS[ctx.getNodeParameter('link', itemIndex) as LinkKind];
	const id = recordIdParameter(ctx, 'linkOwnerId', itemIndex, `${kind.owner} ID`);
	return { kind, id };
}

export function linkedIdOf(ctx: IExecuteFunctions, itemIndex: number, label: string): IDataObject {
	return { linked: recordIdParameter(ctx, 'linkedId', itemIndex, `${label} ID`) };
}

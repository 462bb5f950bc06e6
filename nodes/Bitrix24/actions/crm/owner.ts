import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';

/** CRM records other things (comments, activities, product rows) belong to. */
export const OWNER_TYPES = {
	lead: { id: 1, name: 'Lead', short: 'L' },
	deal: { id: 2, name: 'Deal', short: 'D' },
	contact: { id: 3, name: 'Contact', short: 'C' },
	company: { id: 4, name: 'Company', short: 'CO' },
	quote: { id: 7, name: 'Quote', short: 'Q' },
	smartInvoice: { id: 31, name: 'Smart Invoice', short: 'SI' },
} as const;

export type OwnerType = keyof typeof OWNER_TYPES;

/** Record type and ID; `types` must include deals (the default). */
export function ownerProperties(
	types: OwnerType[] = ['lead', 'deal', 'contact', 'company'],
): INodeProperties[] {
	return [
		{
			displayName: 'Record Type',
			name: 'ownerType',
			type: 'options',
			options: types.map((type) => ({ name: OWNER_TYPES[type].name, value: type })),
			default: 'deal',
			description: 'The kind of CRM record',
		},
		{
			displayName: 'Record ID',
			name: 'ownerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '123',
			description: 'ID of the record',
		},
	];
}

export function ownerOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { type: OwnerType; typeId: number; id: number } {
	const type = ctx.getNodeParameter('ownerType', itemIndex) as OwnerType;
	return {
		type,
		typeId: OWNER_TYPES[type].id,
		id: recordIdParameter(ctx, 'ownerId', itemIndex, 'Record ID'),
	};
}

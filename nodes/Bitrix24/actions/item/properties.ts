import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { recordLocator } from '../../../shared/bitrix24/descriptions';

/** Smart-process items, quotes and smart invoices: the universal `crm.item.*` methods (camelCase). */
export const itemType: INodeProperties = {
	displayName: 'Type Name or ID',
	name: 'entityTypeId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getItemTypes' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const itemId = recordLocator({
	name: 'itemId',
	label: 'Item',
	what: 'item',
	searchListMethod: 'searchItems',
});

export const fields = (required: boolean): INodeProperties => ({
	displayName: 'Fields (JSON)',
	name: 'itemFields',
	type: 'json',
	default: '{}',
	required,
	description:
		'Field values by their camelCase names, e.g. {"title": "Order 17", "opportunity": 250, "stageId": "DT128_1:NEW", "ufCrm5_1700000000": "value"}',
});

export function typeOf(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('entityTypeId', itemIndex);
	const type = Number(raw);
	if (!Number.isInteger(type) || type <= 0) {
		throw new NodeOperationError(ctx.getNode(), `"${String(raw)}" is not a CRM type ID`, {
			itemIndex,
			description: 'Pick the smart process (or quote, smart invoice) from the list.',
		});
	}
	return type;
}

export const target = (ctx: IExecuteFunctions, itemIndex: number) => ({
	entityTypeId: typeOf(ctx, itemIndex),
	id: recordIdParameter(ctx, 'itemId', itemIndex, 'Item ID'),
});

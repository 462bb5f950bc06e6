import type { IDataObject } from 'n8n-workflow';

import { jsonObjectParameter } from '../../../shared/bitrix24/parameters';
import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { ownerTypeShort, PRODUCT_OWNERS, toItemRow, usesItemMethods } from './rows';

export const { description, execute } = simpleOperation({
	resource: 'productRow',
	operation: 'set',
	properties: [
		...ownerProperties(PRODUCT_OWNERS),
		{
			displayName: 'Products',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Product',
			default: {},
			description: 'The new product rows; they replace all current rows of the record',
			options: [
				{
					displayName: 'Product',
					name: 'row',
					values: [
						{ displayName: 'Name', name: 'PRODUCT_NAME', type: 'string', default: '' },
						{
							displayName: 'Other Fields (JSON)',
							name: 'other',
							type: 'json',
							default: '{}',
							description: 'More row fields, e.g. {"DISCOUNT_RATE": 10, "TAX_RATE": 20}',
						},
						{
							displayName: 'Price',
							name: 'PRICE',
							type: 'number',
							typeOptions: { numberPrecision: 2 },
							default: 0,
						},
						{
							displayName: 'Product ID',
							name: 'PRODUCT_ID',
							type: 'number',
							default: 0,
							description: 'ID in the product catalog (0: a free-text row)',
						},
						{ displayName: 'Quantity', name: 'QUANTITY', type: 'number', default: 1 },
					],
				},
			],
		},
	],
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		const rows = (ctx.getNodeParameter('rows.row', itemIndex, []) as IDataObject[]).map(
			(row, position) => {
				const { other, ...fields } = row;
				const extra = other
					? jsonObjectParameter(
							ctx,
							`rows.row[${position}].other`,
							itemIndex,
							'Other Fields (JSON)',
						)
					: {};
				if (!fields.PRODUCT_ID) delete fields.PRODUCT_ID;
				return { ...extra, ...fields };
			},
		);
		if (usesItemMethods(owner.type)) {
			return {
				method: 'crm.item.productrow.set',
				params: {
					ownerType: ownerTypeShort(owner.type),
					ownerId: owner.id,
					productRows: rows.map(toItemRow),
				},
			};
		}
		return { method: `crm.${owner.type}.productrows.set`, params: { id: owner.id, rows } };
	},
	output: (_result, params) => ({
		id: params.id ?? params.ownerId,
		rows: ((params.rows ?? params.productRows) as unknown[]).length,
		updated: true,
	}),
});

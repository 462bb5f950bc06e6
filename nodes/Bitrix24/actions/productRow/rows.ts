import type { IDataObject } from 'n8n-workflow';

import type { OwnerType } from '../crm/owner';
import { OWNER_TYPES } from '../crm/owner';
import { asItems } from '../../../shared/bitrix24/operations';

/** Records with product rows: deals and leads (legacy methods), quotes and smart invoices (crm.item.productrow.*). */
export const PRODUCT_OWNERS: OwnerType[] = ['deal', 'lead', 'quote', 'smartInvoice'];

export const usesItemMethods = (type: OwnerType) => type === 'quote' || type === 'smartInvoice';

export const ownerTypeShort = (type: OwnerType) => OWNER_TYPES[type].short;

/** Row fields as the node takes them (Bitrix24's legacy names) → crm.item.productrow names. */
const CAMEL: Record<string, string> = {
	PRODUCT_ID: 'productId',
	PRODUCT_NAME: 'productName',
	PRICE: 'price',
	QUANTITY: 'quantity',
	DISCOUNT_TYPE_ID: 'discountTypeId',
	DISCOUNT_RATE: 'discountRate',
	DISCOUNT_SUM: 'discountSum',
	TAX_RATE: 'taxRate',
	TAX_INCLUDED: 'taxIncluded',
	MEASURE_CODE: 'measureCode',
	SORT: 'sort',
};

export function toItemRow(row: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(row).map(([key, value]) => [CAMEL[key] ?? key, value]));
}

/** One output item per row, whichever method answered (`{productRows: […]}` or a list). */
export function asRows(result: unknown): IDataObject | IDataObject[] {
	const rows = (result as IDataObject | null)?.productRows ?? result;
	return asItems(rows);
}

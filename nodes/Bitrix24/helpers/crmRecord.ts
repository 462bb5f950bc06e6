import type { IDataObject } from 'n8n-workflow';

import { firstValue } from './multiFields';

/** The portal's link to a CRM record, e.g. `https://acme.bitrix24.com/crm/lead/details/12/`. */
export function crmRecordUrl(portal: string, entity: string, id: unknown): string {
	return `${portal}/crm/${entity}/details/${String(id)}/`;
}

export const SIMPLE_LEAD_FIELDS = [
	'ID',
	'TITLE',
	'NAME',
	'LAST_NAME',
	'COMPANY_TITLE',
	'STATUS_ID',
	'SOURCE_ID',
	'ASSIGNED_BY_ID',
	'OPPORTUNITY',
	'CURRENCY_ID',
	'DATE_CREATE',
	'DATE_MODIFY',
];

/** The key fields of a lead, with the first phone and email as plain strings. */
export function simplifyLead(lead: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_LEAD_FIELDS)
		if (lead[field] !== undefined) simple[field] = lead[field];
	const phone = firstValue(lead.PHONE);
	const email = firstValue(lead.EMAIL);
	if (phone !== undefined) simple.PHONE = phone;
	if (email !== undefined) simple.EMAIL = email;
	return simple;
}

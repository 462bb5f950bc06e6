/** The portal's link to a CRM record, e.g. `https://acme.bitrix24.com/crm/lead/details/12/`. */
export function crmRecordUrl(portal: string, entity: string, id: unknown): string {
	return `${portal}/crm/${entity}/details/${String(id)}/`;
}

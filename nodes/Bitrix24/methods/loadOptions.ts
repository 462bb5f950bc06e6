import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../transport';

async function statuses(
	ctx: ILoadOptionsFunctions,
	entityId: string,
): Promise<INodePropertyOptions[]> {
	const envelope = await apiRequest.call(ctx, 'crm.status.list', {
		filter: { ENTITY_ID: entityId },
		order: { SORT: 'ASC' },
	});
	return ((envelope.result as IDataObject[]) ?? []).map((status) => ({
		name: String(status.NAME),
		value: String(status.STATUS_ID),
	}));
}

export async function getLeadStatuses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await statuses(this, 'STATUS');
}

export async function getLeadSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await statuses(this, 'SOURCE');
}

export async function getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelope = await apiRequest.call(this, 'crm.currency.list', {});
	return ((envelope.result as IDataObject[]) ?? []).map((currency) => ({
		name: currency.FULL_NAME
			? `${String(currency.FULL_NAME)} (${String(currency.CURRENCY)})`
			: String(currency.CURRENCY),
		value: String(currency.CURRENCY),
	}));
}

/** Lead fields by label, custom fields included, for field selection and sorting. */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelope = await apiRequest.call(this, 'crm.lead.fields', {});
	const fields = (envelope.result as Record<string, IDataObject>) ?? {};
	return Object.entries(fields)
		.map(([name, field]) => {
			const label = String(field.listLabel || field.formLabel || field.title || name);
			return { name: label === name ? name : `${label} (${name})`, value: name };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

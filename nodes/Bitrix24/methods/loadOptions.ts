import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest, listByOffset } from '../transport';

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

async function leadFields(ctx: ILoadOptionsFunctions): Promise<Array<[string, IDataObject]>> {
	const envelope = await apiRequest.call(ctx, 'crm.lead.fields', {});
	return Object.entries((envelope.result as Record<string, IDataObject>) ?? {});
}

function fieldOptions(fields: Array<[string, IDataObject]>): INodePropertyOptions[] {
	return fields
		.map(([name, field]) => {
			const label = String(field.listLabel || field.formLabel || field.title || name);
			return { name: label === name ? name : `${label} (${name})`, value: name };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Lead fields by label, custom fields included, for field selection. */
export async function getLeadFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldOptions(await leadFields(this));
}

/** Lead fields a list can be ordered by: multi-value fields (phones, emails…) cannot. */
export async function getLeadSortFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await leadFields(this);
	return fieldOptions(fields.filter(([, field]) => field.type !== 'crm_multifield' && !field.isMultiple));
}

/** Active users of the portal, by name, for "responsible" fields. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await listByOffset.call(this, {
		method: 'user.get',
		params: { FILTER: { ACTIVE: true }, sort: 'ID', order: 'ASC' },
	});
	return users.map((user) => {
		const name = [user.NAME, user.LAST_NAME].filter(Boolean).join(' ') || `User ${String(user.ID)}`;
		return { name: user.EMAIL ? `${name} (${String(user.EMAIL)})` : name, value: String(user.ID) };
	});
}

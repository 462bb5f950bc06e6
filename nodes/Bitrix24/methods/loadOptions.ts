import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CRM_ENTITIES } from '../actions/crm/entities';
import { dealPipelines, dealStages, statusList } from '../actions/crm/stages';
import { bitrix24Client } from '../../shared/bitrix24/client';

async function dictionary(
	ctx: ILoadOptionsFunctions,
	entityId: string,
): Promise<INodePropertyOptions[]> {
	return (await statusList(await bitrix24Client(ctx), { ENTITY_ID: entityId })).map((status) => ({
		name: String(status.NAME),
		value: String(status.STATUS_ID),
	}));
}

export async function getLeadStatuses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await dictionary(this, 'STATUS');
}

export async function getSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dictionary(this, 'SOURCE');
}

export async function getDealTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dictionary(this, 'DEAL_TYPE');
}

export async function getContactTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await dictionary(this, 'CONTACT_TYPE');
}

export async function getCompanyTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await dictionary(this, 'COMPANY_TYPE');
}

export async function getIndustries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await dictionary(this, 'INDUSTRY');
}

export async function getDealPipelines(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await dealPipelines(await bitrix24Client(this))).map((pipeline) => ({
		name: String(pipeline.name),
		value: String(pipeline.id),
	}));
}

/** Stages of every deal pipeline, labelled "Pipeline: Stage" (other pipelines' IDs carry `C{id}:`). */
export async function getDealStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await dealStages(await bitrix24Client(this))).map((stage) => ({
		name: `${stage.pipelineName}: ${stage.name}`,
		value: stage.id,
	}));
}

export async function getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await bitrix24Client(this);
	const envelope = await client.call('crm.currency.list', {});
	return ((envelope.result as IDataObject[]) ?? []).map((currency) => ({
		name: currency.FULL_NAME
			? `${String(currency.FULL_NAME)} (${String(currency.CURRENCY)})`
			: String(currency.CURRENCY),
		value: String(currency.CURRENCY),
	}));
}

/** Active users of the portal, by name, for "responsible" fields. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await bitrix24Client(this);
	const users = await client.list({
		method: 'user.get',
		params: { FILTER: { ACTIVE: true }, sort: 'ID', order: 'ASC' },
	});
	return users.map((user) => {
		const name = [user.NAME, user.LAST_NAME].filter(Boolean).join(' ') || `User ${String(user.ID)}`;
		return { name: user.EMAIL ? `${name} (${String(user.EMAIL)})` : name, value: String(user.ID) };
	});
}

async function fieldsOfResource(ctx: ILoadOptionsFunctions): Promise<Array<[string, IDataObject]>> {
	const client = await bitrix24Client(ctx);
	const resource = ctx.getCurrentNodeParameter('resource') as keyof typeof CRM_ENTITIES;
	const entity = CRM_ENTITIES[resource] ?? CRM_ENTITIES.lead;
	const envelope = await client.call(`${entity.method}.fields`, {});
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

/** The record's fields by label, custom fields included, for field selection. */
export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldOptions(await fieldsOfResource(this));
}

/** Fields a list can be ordered by: multi-value fields (phones, emails…) cannot. */
export async function getSortFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await fieldsOfResource(this);
	return fieldOptions(
		fields.filter(([, field]) => field.type !== 'crm_multifield' && !field.isMultiple),
	);
}

/** Smart processes of the portal, plus the quotes and smart invoices that use the same methods. */
export async function getItemTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await bitrix24Client(this);
	const types = await client.list({
		method: 'crm.type.list',
		params: {},
		rowsKey: 'types',
	});
	return [
		...types.map((type) => ({ name: String(type.title), value: String(type.entityTypeId) })),
		{ name: 'Quote', value: '7' },
		{ name: 'Smart Invoice', value: '31' },
	];
}

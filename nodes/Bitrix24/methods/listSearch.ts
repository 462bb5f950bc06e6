import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { CRM_ENTITIES } from '../actions/crm/entities';
import { crmRecordUrl } from '../../shared/bitrix24/entities/crmRecord';
import type { Command } from '../../shared/bitrix24/transport';
import { PAGE_SIZE } from '../../shared/bitrix24/transport';
import { bitrix24Client } from '../../shared/bitrix24/client';

/**
 * The filters "From List" searches with: each name field alone, and "first last" as a first and
 * a last name together. Legacy CRM lists have no OR, so each filter is a list call of its own.
 */
function searchFilters(searchFields: string[], text?: string): Record<string, IDataObject> {
	const search = text?.trim();
	if (!search) return { all: {} };
	const filters: Record<string, IDataObject> = Object.fromEntries(
		searchFields.map((field) => [field, { [`%${field}`]: search }]),
	);
	const [first, ...rest] = search.split(/\s+/);
	if (rest.length && searchFields.includes('NAME') && searchFields.includes('LAST_NAME'))
		filters.FULL_NAME = { '%NAME': first, '%LAST_NAME': rest.join(' ') };
	return filters;
}

/**
 * "From List" for the CRM record pickers: the records of the node's resource, newest first,
 * searched in the entity's name fields (one list call per filter, in one batch, merged).
 */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await bitrix24Client(this);
	const resource = this.getCurrentNodeParameter('resource') as keyof typeof CRM_ENTITIES;
	const entity = CRM_ENTITIES[resource] ?? CRM_ENTITIES.lead;
	const start = Number(paginationToken ?? 0) || 0;
	const select = ['ID', 'TITLE', 'NAME', 'LAST_NAME'];
	const commands: Command[] = Object.entries(searchFilters(entity.searchFields, filter)).map(
		([key, where]) => ({
			key,
			method: `${entity.method}.list`,
			params: { select, filter: where, order: { ID: 'DESC' }, start },
		}),
	);
	const results = await client.batch(commands);
	const byId = new Map<string, IDataObject>();
	let more = false;
	for (const { key } of commands) {
		const result = results.get(key);
		if (!result) continue;
		if (!result.ok) throw client.error(result);
		for (const record of (result.result as IDataObject[]) ?? [])
			byId.set(String(record.ID), record);
		more ||= result.next !== undefined;
	}
	const portal = client.portal;
	const records = [...byId.values()].sort((a, b) => Number(b.ID) - Number(a.ID));
	return {
		results: records.map((record) => ({
			name: entity.listLabel(record),
			value: String(record.ID),
			url: crmRecordUrl(portal, entity.resource, record.ID),
		})),
		paginationToken: more ? String(start + PAGE_SIZE) : undefined,
	};
}

/** "From list" for smart-process items: the chosen type's items, newest first, searched by title. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await bitrix24Client(this);
	const entityTypeId = Number(this.getCurrentNodeParameter('entityTypeId'));
	if (!Number.isInteger(entityTypeId) || entityTypeId <= 0) return { results: [] };
	const start = Number(paginationToken ?? 0) || 0;
	const envelope = await client.call('crm.item.list', {
		entityTypeId,
		select: ['id', 'title'],
		filter: filter ? { '%title': filter } : {},
		order: { id: 'DESC' },
		start,
	});
	const items = (((envelope.result as IDataObject)?.items as IDataObject[]) ?? []) as IDataObject[];
	return {
		results: items.map((item) => ({
			name: `${String(item.title || 'Untitled')} (#${String(item.id)})`,
			value: String(item.id),
		})),
		paginationToken: envelope.next !== undefined ? String(envelope.next) : undefined,
	};
}

/** "From list" for tasks: newest first, searched by title. */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await bitrix24Client(this);
	const start = Number(paginationToken ?? 0) || 0;
	const envelope = await client.call('tasks.task.list', {
		select: ['ID', 'TITLE', 'RESPONSIBLE_ID'],
		filter: filter ? { '%TITLE': filter } : {},
		order: { ID: 'DESC' },
		start,
	});
	const tasks = ((envelope.result as IDataObject)?.tasks as IDataObject[]) ?? [];
	const portal = client.portal;
	return {
		results: tasks.map((task) => ({
			name: `${String(task.title || 'Untitled')} (#${String(task.id)})`,
			value: String(task.id),
			url: `${portal}/company/personal/user/${String(task.responsibleId)}/tasks/task/view/${String(task.id)}/`,
		})),
		paginationToken: envelope.next !== undefined ? String(envelope.next) : undefined,
	};
}

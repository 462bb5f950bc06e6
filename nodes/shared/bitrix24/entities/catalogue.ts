import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Client } from '../client';
import type { ListRequest } from '../transport';

/** The fields task lists ask for (tasks.task.list wants `select` spelled out). */
export const TASK_SELECT = [
	'ID',
	'TITLE',
	'DESCRIPTION',
	'STATUS',
	'PRIORITY',
	'RESPONSIBLE_ID',
	'CREATED_BY',
	'GROUP_ID',
	'PARENT_ID',
	'DEADLINE',
	'CREATED_DATE',
	'CHANGED_DATE',
	'CLOSED_DATE',
	'ACCOMPLICES',
	'AUDITORS',
	'TAGS',
	'UF_CRM_TASK',
];

/** What identifies one record: its id, and for some entities the id of what it belongs to. */
export interface RecordKey extends IDataObject {
	id?: IDataObject[string];
	/** Smart-process items: the type. */
	entityTypeId?: IDataObject[string];
	/** Task comments: the task. */
	taskId?: IDataObject[string];
}

/** How to read one kind of Bitrix24 record. */
export interface Entity {
	/** The get method and its parameters for a record. */
	get: { method: string; params(key: RecordKey): IDataObject };
	/** The record inside the get method's `result`, when it is wrapped (`result.item`). */
	unwrap?(result: unknown): IDataObject | undefined;
	list?: EntityList;
}

/** Listing by ID (and by modification time where the entity keeps one), for exports and polls. */
export type EntityList = Omit<ListRequest, 'params' | 'limit'> & {
	idField: string;
	rowIdField: string;
	/** The modification time as filters take it, and as rows carry it. */
	modifiedField?: string;
	rowModifiedField?: string;
	select?: string[];
};

const record = (result: unknown) =>
	result !== null && typeof result === 'object' && !Array.isArray(result)
		? (result as IDataObject)
		: undefined;

const wrapped = (key: string) => (result: unknown) => record(record(result)?.[key]);

const legacyCrm = (entity: string, select: string[]): Entity & { list: EntityList } => ({
	get: { method: `crm.${entity}.get`, params: ({ id }) => ({ id }) },
	list: {
		method: `crm.${entity}.list`,
		idField: 'ID',
		rowIdField: 'ID',
		modifiedField: 'DATE_MODIFY',
		rowModifiedField: 'DATE_MODIFY',
		select,
	},
});

/** Every entity the nodes read: Get operations, the trigger's record fetch and the polling trigger. */
export const ENTITIES = {
	lead: legacyCrm('lead', ['*', 'UF_*', 'PHONE', 'EMAIL']),
	deal: legacyCrm('deal', ['*', 'UF_*']),
	contact: legacyCrm('contact', ['*', 'UF_*', 'PHONE', 'EMAIL']),
	company: legacyCrm('company', ['*', 'UF_*', 'PHONE', 'EMAIL']),
	activity: { get: { method: 'crm.activity.get', params: ({ id }) => ({ id }) } },
	item: {
		get: {
			method: 'crm.item.get',
			params: ({ id, entityTypeId }) => ({ entityTypeId, id }),
		},
		unwrap: wrapped('item'),
		list: {
			method: 'crm.item.list',
			rowsKey: 'items',
			idField: 'id',
			rowIdField: 'id',
			modifiedField: 'updatedTime',
			rowModifiedField: 'updatedTime',
			select: ['*'],
		},
	},
	task: {
		get: { method: 'tasks.task.get', params: ({ id }) => ({ taskId: id, select: ['*', 'UF_*'] }) },
		unwrap: wrapped('task'),
		list: {
			method: 'tasks.task.list',
			rowsKey: 'tasks',
			idField: 'ID',
			rowIdField: 'id',
			modifiedField: 'CHANGED_DATE',
			rowModifiedField: 'changedDate',
			select: TASK_SELECT,
		},
	},
	taskComment: {
		get: {
			method: 'task.commentitem.get',
			params: ({ id, taskId }) => ({ TASKID: taskId, ITEMID: id }),
		},
	},
	user: {
		get: { method: 'user.get', params: ({ id }) => ({ FILTER: { ID: id } }) },
		unwrap: (result) => (Array.isArray(result) ? record(result[0]) : undefined),
	},
	calendarEvent: {
		get: { method: 'calendar.event.getbyid', params: ({ id }) => ({ id }) },
	},
} satisfies Record<string, Entity>;

export type EntityName = keyof typeof ENTITIES;

/** The record as its get method returns it, unwrapped; undefined when there is none. */
export function recordOf(name: EntityName, result: unknown): IDataObject | undefined {
	const entity: Entity = ENTITIES[name];
	return entity.unwrap ? entity.unwrap(result) : record(result);
}

/** Reads one record; undefined without an id or when Bitrix24 has none. */
export async function readRecord(
	client: Bitrix24Client,
	name: EntityName,
	key: RecordKey,
): Promise<IDataObject | undefined> {
	if (key.id === undefined) return undefined;
	const { get } = ENTITIES[name] as Entity;
	return recordOf(name, (await client.call(get.method, get.params(key))).result);
}

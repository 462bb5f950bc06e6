import type { IDataObject } from 'n8n-workflow';

const numberOrText = (value: unknown) =>
	typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

const isFields = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A record ID as Bitrix24 sends it; '0', '' and the literal "undefined" of task events are none. */
const idOf = (value: unknown) =>
	value === undefined || value === null || ['', '0', 'undefined'].includes(String(value))
		? undefined
		: (numberOrText(value) as IDataObject[string]);

/**
 * The ids of what an event is about: FIELDS.ID, FIELDS_AFTER.ID or, after a delete (FIELDS_AFTER
 * is the string "undefined"), FIELDS_BEFORE.ID; `id` for calendar entries. Task comments in the
 * task chat (tasks 25.700+) come with ID 0 and the chat MESSAGE_ID.
 */
export function subjectIds(data: IDataObject): IDataObject {
	const fields = [data.FIELDS, data.FIELDS_AFTER, data.FIELDS_BEFORE].find(isFields) ?? {};
	const ids: IDataObject = {};
	const found = {
		id: idOf(fields.ID ?? data.id ?? data.ID),
		entityTypeId: idOf(fields.ENTITY_TYPE_ID),
		taskId: idOf(fields.TASK_ID),
		messageId: idOf(fields.MESSAGE_ID),
	};
	for (const [key, value] of Object.entries(found)) if (value !== undefined) ids[key] = value;
	return ids;
}

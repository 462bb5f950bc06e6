import type { IDataObject } from 'n8n-workflow';

/**
 * Expands PHP bracket names (`data[FIELDS][ID]`) into nested objects. n8n hands form bodies over
 * flat; a body already nested is kept. Returns undefined when a name cannot be read.
 */
export function nestFormBody(body: IDataObject): IDataObject | undefined {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(body)) {
		const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
		if (!match) return undefined;
		const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1])];
		let node = out;
		for (const [index, segment] of path.entries()) {
			if (['__proto__', 'constructor', 'prototype'].includes(segment)) return undefined;
			if (index === path.length - 1) {
				node[segment] = value as IDataObject[string];
				break;
			}
			const next = node[segment];
			if (next === undefined) node[segment] = {};
			else if (next === null || typeof next !== 'object' || Array.isArray(next)) return undefined;
			node = node[segment] as IDataObject;
		}
	}
	return out;
}

/** The auth block without tokens: what may appear in the output. */
export function portalOf(auth: IDataObject): IDataObject {
	const portal: IDataObject = {};
	for (const key of ['domain', 'member_id', 'client_endpoint', 'server_endpoint', 'user_id']) {
		if (typeof auth[key] === 'string' && auth[key] !== '') portal[key] = auth[key];
	}
	return portal;
}

const numberOrText = (value: unknown) =>
	typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** The id of what the event is about: FIELDS.ID, FIELDS_AFTER.ID, or `id` (calendar). */
export function subjectIds(data: IDataObject): IDataObject {
	const fields = (data.FIELDS ?? data.FIELDS_AFTER ?? data.FIELDS_BEFORE ?? {}) as IDataObject;
	const ids: IDataObject = {};
	const id = fields.ID ?? data.id ?? data.ID;
	if (id !== undefined && id !== 'undefined') ids.id = numberOrText(id) as IDataObject[string];
	if (fields.ENTITY_TYPE_ID !== undefined)
		ids.entityTypeId = numberOrText(fields.ENTITY_TYPE_ID) as IDataObject[string];
	if (fields.TASK_ID !== undefined && fields.TASK_ID !== 'undefined')
		ids.taskId = numberOrText(fields.TASK_ID) as IDataObject[string];
	return ids;
}

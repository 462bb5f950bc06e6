import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Client } from '../shared/bitrix24/client';
import type { EventSubject } from './events';

/** Reads the record an event is about, as the matching "Get" operation returns it. */
export async function fetchRecord(
	client: Bitrix24Client,
	subject: EventSubject,
	ids: IDataObject,
): Promise<IDataObject | undefined> {
	const id = ids.id;
	if (id === undefined) return undefined;
	const call = async (method: string, params: IDataObject) =>
		(await client.call(method, params)).result as IDataObject | IDataObject[] | null;
	switch (subject.kind) {
		case 'crm':
			return (await call(subject.method, { id })) as IDataObject;
		case 'activity':
			return (await call('crm.activity.get', { id })) as IDataObject;
		case 'item': {
			const result = (await call('crm.item.get', {
				entityTypeId: ids.entityTypeId,
				id,
			})) as IDataObject;
			return result?.item as IDataObject;
		}
		case 'task': {
			const result = (await call('tasks.task.get', {
				taskId: id,
				select: ['*', 'UF_*'],
			})) as IDataObject;
			return result?.task as IDataObject;
		}
		case 'taskComment':
			return (await call('task.commentitem.get', {
				TASKID: ids.taskId,
				ITEMID: id,
			})) as IDataObject;
		case 'user': {
			const [user] = ((await call('user.get', { FILTER: { ID: id } })) as IDataObject[]) ?? [];
			return user;
		}
		case 'calendar':
			return ((await call('calendar.event.getbyid', { id })) as IDataObject) ?? undefined;
	}
}

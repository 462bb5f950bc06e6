import type { IDataObject } from 'n8n-workflow';

import { ENTITIES, type EntityList } from '../shared/bitrix24/entities/catalogue';

/** How to list one kind of record by ID and by modification time: the entity catalogue's list. */
export type Watched = EntityList;

/** The record types polled through the fast export (users and calendar events poll their own way). */
export const WATCHED: Record<string, Watched> = {
	lead: ENTITIES.lead.list,
	deal: ENTITIES.deal.list,
	contact: ENTITIES.contact.list,
	company: ENTITIES.company.list,
	item: ENTITIES.item.list,
	task: ENTITIES.task.list,
};

export const idOf = (row: IDataObject, watched: Watched) => Number(row[watched.rowIdField]);

export const timeOf = (row: IDataObject, watched: Watched) =>
	Date.parse(String(row[watched.rowModifiedField ?? ''] ?? ''));

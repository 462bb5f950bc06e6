import type { IDataObject } from 'n8n-workflow';

import { TASK_SELECT } from '../Bitrix24/actions/task/fields';

/** How to list one kind of record by ID and by modification time. */
export interface Watched {
	method: string;
	rowsKey?: string;
	/** ID and time field names as filters take them, and as rows carry them. */
	idField: string;
	rowIdField: string;
	modifiedField?: string;
	rowModifiedField?: string;
	select?: string[];
}

const legacyCrm = (entity: string, select: string[]): Watched => ({
	method: `crm.${entity}.list`,
	idField: 'ID',
	rowIdField: 'ID',
	modifiedField: 'DATE_MODIFY',
	rowModifiedField: 'DATE_MODIFY',
	select,
});

export const WATCHED: Record<string, Watched> = {
	lead: legacyCrm('lead', ['*', 'UF_*', 'PHONE', 'EMAIL']),
	deal: legacyCrm('deal', ['*', 'UF_*']),
	contact: legacyCrm('contact', ['*', 'UF_*', 'PHONE', 'EMAIL']),
	company: legacyCrm('company', ['*', 'UF_*', 'PHONE', 'EMAIL']),
	item: {
		method: 'crm.item.list',
		rowsKey: 'items',
		idField: 'id',
		rowIdField: 'id',
		modifiedField: 'updatedTime',
		rowModifiedField: 'updatedTime',
		select: ['*'],
	},
	task: {
		method: 'tasks.task.list',
		rowsKey: 'tasks',
		idField: 'ID',
		rowIdField: 'id',
		modifiedField: 'CHANGED_DATE',
		rowModifiedField: 'changedDate',
		select: TASK_SELECT,
	},
};

export const idOf = (row: IDataObject, watched: Watched) => Number(row[watched.rowIdField]);

export const timeOf = (row: IDataObject, watched: Watched) =>
	Date.parse(String(row[watched.rowModifiedField ?? ''] ?? ''));

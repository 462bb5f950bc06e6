import type { IDataObject } from 'n8n-workflow';

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
		select: [
			'ID',
			'TITLE',
			'DESCRIPTION',
			'STATUS',
			'PRIORITY',
			'RESPONSIBLE_ID',
			'CREATED_BY',
			'GROUP_ID',
			'DEADLINE',
			'CREATED_DATE',
			'CHANGED_DATE',
			'CLOSED_DATE',
			'UF_CRM_TASK',
		],
	},
};

export const idOf = (row: IDataObject, watched: Watched) => Number(row[watched.rowIdField]);

export const timeOf = (row: IDataObject, watched: Watched) =>
	Date.parse(String(row[watched.rowModifiedField ?? ''] ?? ''));

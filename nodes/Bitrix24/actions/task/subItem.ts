import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asBoolean, asNumber } from '../../../shared/bitrix24/entities/fieldTypes';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';

/**
 * Helpers for the task's comments, checklist items and elapsed time, served by the legacy
 * `task.*item.*` methods, which read their parameters by position: TASKID first, then the rest.
 */
export const itemIdProperty = (displayName: string): INodeProperties => ({
	displayName,
	name: 'itemId',
	type: 'string',
	default: '',
	required: true,
});

export const itemIdOf = (ctx: IExecuteFunctions, itemIndex: number, label: string) =>
	recordIdParameter(ctx, 'itemId', itemIndex, label);

const NUMERIC = new Set(['ID', 'TASK_ID', 'AUTHOR_ID', 'USER_ID', 'PARENT_ID', 'CREATED_BY']);

/** A legacy row with UPPER string values → camelCase keys, ids as numbers, Y/N as booleans. */
export function simpleRow(row: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(row)) {
		const name = key.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
		if (NUMERIC.has(key) || key === 'SECONDS' || key === 'MINUTES' || key === 'SORT_INDEX')
			out[name] = asNumber(value);
		else if (key.startsWith('IS_')) out[name] = asBoolean(value) === true;
		else out[name] = value;
	}
	return out;
}

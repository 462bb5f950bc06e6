import type { IDataObject } from 'n8n-workflow';

/** A line with its ID as a number and ACTIVE as a boolean; other fields as Bitrix24 gives them. */
export function lineOutput(line: IDataObject): IDataObject {
	return { ...line, id: Number(line.ID), name: line.LINE_NAME, active: line.ACTIVE === 'Y' };
}

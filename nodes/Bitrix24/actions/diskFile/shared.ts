import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { publicDownloadUrl } from '../../../shared/bitrix24/transport';

export const fileId: INodeProperties = {
	displayName: 'File ID',
	name: 'fileId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '123',
	description: 'ID of the Disk file, as in the output of Upload, Get or Get Many',
};

export const fileIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'fileId', itemIndex, 'File ID');

/**
 * A Disk file or folder as output JSON: `id` as a number first, for a file also `taskFileId`
 * (`n<ID>`, the form tasks take in UF_TASK_WEBDAV_FILES; CRM activities take `id` in
 * STORAGE_ELEMENT_IDS), then Bitrix24's fields with any token removed from DOWNLOAD_URL.
 */
export function diskObjectOutput(raw: IDataObject): IDataObject {
	const id = Number(raw.ID);
	const output: IDataObject = { id };
	if (raw.TYPE !== 'folder') output.taskFileId = `n${id}`;
	Object.assign(output, raw);
	if (typeof raw.DOWNLOAD_URL === 'string')
		output.DOWNLOAD_URL = publicDownloadUrl(raw.DOWNLOAD_URL);
	return output;
}

/** The name of a binary property parameter, trimmed; names the field when it is empty. */
export function binaryPropertyOf(ctx: IExecuteFunctions, itemIndex: number, label: string): string {
	const name = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!name) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is empty on item ${itemIndex}`, {
			itemIndex,
			description: `Set '${label}' to the name of a binary property, for example "data".`,
		});
	}
	return name;
}

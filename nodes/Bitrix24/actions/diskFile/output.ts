import type { IDataObject } from 'n8n-workflow';

import { publicDownloadUrl } from '../../../shared/bitrix24/transport';

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

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../../shared/bitrix24/execute';
import { recordIdParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import { diskObjectOutput } from './output';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

export const description = updateDisplayOptions(
	{ show: { resource: ['diskFile'], operation: ['getAll'] } },
	[
		{
			displayName: 'Folder ID',
			name: 'folderId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '15',
			description: 'The folder whose files and subfolders to list',
			hint: "A storage's root folder is the storage's ROOT_OBJECT_ID (see Call Method with disk.storage.getlist)",
		},
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'diskFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Files and Folders', value: '' },
						{ name: 'Files Only', value: 'file' },
						{ name: 'Folders Only', value: 'folder' },
					],
					default: '',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	return await executeEachItem.call(this, items, async (itemIndex) => {
		const folderId = recordIdParameter(this, 'folderId', itemIndex, 'Folder ID');
		const filters = this.getNodeParameter('diskFilters', itemIndex, {}) as IDataObject;
		const params: IDataObject = { id: folderId };
		if (filters.type) params.filter = { TYPE: filters.type };
		const rows = await client.list({
			method: 'disk.folder.getchildren',
			params,
			limit: rowLimitParameter(this, itemIndex),
		});
		return rows.map(diskObjectOutput);
	});
}

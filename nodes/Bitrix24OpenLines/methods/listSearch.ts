import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { bitrix24Client } from '../../shared/bitrix24/client';

/** "From List" of the Line picker: the portal's lines, searched by name. */
export async function searchLines(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await bitrix24Client(this, ['bitrix24OAuth2Api']);
	const lines = (
		await client.call('imopenlines.config.list.get', {
			PARAMS: { select: ['ID', 'LINE_NAME', 'ACTIVE'], order: { ID: 'ASC' }, limit: 200 },
		})
	).result as IDataObject[];
	const search = filter?.trim().toLowerCase();
	return {
		results: (lines ?? [])
			.filter((line) => !search || String(line.LINE_NAME).toLowerCase().includes(search))
			.map((line) => ({
				name: `${String(line.LINE_NAME)}${line.ACTIVE === 'N' ? ' (inactive)' : ''}`,
				value: String(line.ID),
			})),
	};
}

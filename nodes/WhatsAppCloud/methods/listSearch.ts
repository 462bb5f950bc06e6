import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { graphClient } from '../../shared/whatsapp/transport';

/** Approved templates of the account, one entry per language: value `name|language`. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await graphClient(this);
	const rows = await client.list(
		`${client.settings.businessAccountId}/message_templates`,
		{ fields: 'name,language,status,category', status: 'APPROVED', limit: 100 },
		2000,
	);
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: rows
			.filter((row) => !wanted || String(row.name).toLowerCase().includes(wanted))
			.map((row) => ({
				name: `${row.name} (${row.language}, ${String(row.category ?? '').toLowerCase()})`,
				value: `${row.name}|${row.language}`,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

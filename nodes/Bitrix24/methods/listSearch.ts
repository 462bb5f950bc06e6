import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { crmRecordUrl } from '../helpers/crmRecord';
import { apiRequest, PAGE_SIZE } from '../transport';
import { portalOrigin } from '../transport/connection';

export async function searchLeads(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const start = Number(paginationToken ?? 0) || 0;
	const envelope = await apiRequest.call(this, 'crm.lead.list', {
		select: ['ID', 'TITLE', 'NAME', 'LAST_NAME'],
		filter: filter ? { '%TITLE': filter } : {},
		order: { ID: 'DESC' },
		start,
	});
	const portal = await portalOrigin.call(this);
	const leads = (envelope.result as IDataObject[]) ?? [];
	return {
		results: leads.map((lead) => {
			const person = [lead.NAME, lead.LAST_NAME].filter(Boolean).join(' ');
			return {
				name: `${String(lead.TITLE || 'Untitled')}${person ? ` — ${person}` : ''} (#${String(lead.ID)})`,
				value: String(lead.ID),
				url: crmRecordUrl(portal, 'lead', lead.ID),
			};
		}),
		paginationToken:
			envelope.next !== undefined && leads.length === PAGE_SIZE ? String(envelope.next) : undefined,
	};
}

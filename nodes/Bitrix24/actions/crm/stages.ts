import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const DEAL_ENTITY_TYPE_ID = 2;

export interface Stage {
	id: string;
	name: string;
	/** The deal pipeline the stage belongs to (0 = default); leads have one. */
	pipelineId: number;
	pipelineName: string;
}

export async function statusList(
	client: Bitrix24Client,
	filter: IDataObject,
): Promise<IDataObject[]> {
	return await client.list({
		method: 'crm.status.list',
		params: { filter, order: { SORT: 'ASC' } },
	});
}

export async function dealPipelines(client: Bitrix24Client): Promise<IDataObject[]> {
	return await client.list({
		method: 'crm.category.list',
		params: { entityTypeId: DEAL_ENTITY_TYPE_ID },
		rowsKey: 'categories',
	});
}

/** Every stage of every deal pipeline (stages of other pipelines carry the `C{id}:` prefix). */
export async function dealStages(client: Bitrix24Client): Promise<Stage[]> {
	const stages: Stage[] = [];
	for (const pipeline of await dealPipelines(client)) {
		const pipelineId = Number(pipeline.id);
		const entityId = pipelineId === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${pipelineId}`;
		for (const status of await statusList(client, { ENTITY_ID: entityId })) {
			stages.push({
				id: String(status.STATUS_ID),
				name: String(status.NAME),
				pipelineId,
				pipelineName: String(pipeline.name),
			});
		}
	}
	return stages;
}

export async function leadStages(client: Bitrix24Client): Promise<Stage[]> {
	return (await statusList(client, { ENTITY_ID: 'STATUS' })).map((status) => ({
		id: String(status.STATUS_ID),
		name: String(status.NAME),
		pipelineId: 0,
		pipelineName: 'Leads',
	}));
}

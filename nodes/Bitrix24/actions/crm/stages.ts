import type { IDataObject } from 'n8n-workflow';

import type { Bitrix24Context } from '../../transport';
import { listByOffset } from '../../transport';

const DEAL_ENTITY_TYPE_ID = 2;

export interface Stage {
	id: string;
	name: string;
	/** The deal pipeline the stage belongs to (0 = default); leads have one. */
	pipelineId: number;
	pipelineName: string;
}

export async function statusList(
	ctx: Bitrix24Context,
	filter: IDataObject,
): Promise<IDataObject[]> {
	return await listByOffset.call(ctx, {
		method: 'crm.status.list',
		params: { filter, order: { SORT: 'ASC' } },
	});
}

export async function dealPipelines(ctx: Bitrix24Context): Promise<IDataObject[]> {
	return await listByOffset.call(ctx, {
		method: 'crm.category.list',
		params: { entityTypeId: DEAL_ENTITY_TYPE_ID },
		rowsKey: 'categories',
	});
}

/** Every stage of every deal pipeline (stages of other pipelines carry the `C{id}:` prefix). */
export async function dealStages(ctx: Bitrix24Context): Promise<Stage[]> {
	const stages: Stage[] = [];
	for (const pipeline of await dealPipelines(ctx)) {
		const pipelineId = Number(pipeline.id);
		const entityId = pipelineId === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${pipelineId}`;
		for (const status of await statusList(ctx, { ENTITY_ID: entityId })) {
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

export async function leadStages(ctx: Bitrix24Context): Promise<Stage[]> {
	return (await statusList(ctx, { ENTITY_ID: 'STATUS' })).map((status) => ({
		id: String(status.STATUS_ID),
		name: String(status.NAME),
		pipelineId: 0,
		pipelineName: 'Leads',
	}));
}

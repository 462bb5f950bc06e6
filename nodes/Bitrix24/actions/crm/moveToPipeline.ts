import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../../shared/bitrix24/execute';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { crmRecordLocator } from '../common.descriptions';
import type { Stage } from './stages';
import { dealStages } from './stages';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const DEAL_ENTITY_TYPE_ID = 2;

const properties: INodeProperties[] = [
	crmRecordLocator('deal', 'Deal'),
	{
		displayName: 'Pipeline Name or ID',
		name: 'pipeline',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealPipelines' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Stage Name or ID',
		name: 'stage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealStages' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'A stage of the new pipeline. Leave empty for its first stage.',
	},
];

/**
 * Move to Pipeline (deals): Bitrix24 changes a deal's pipeline only through `crm.item.update`;
 * the pipeline and the stage are checked first so a wrong name fails with a clear message.
 */
export function dealMoveToPipeline() {
	const description = updateDisplayOptions(
		{ show: { resource: ['deal'], operation: ['moveToPipeline'] } },
		properties,
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		const stages = await dealStages(client);
		const pipelines = new Map<number, string>(
			stages.map((stage) => [stage.pipelineId, stage.pipelineName]),
		);
		return await executeItemCalls.call(
			this,
			client,
			items,
			(itemIndex, ctx) => {
				const pipeline = Number(String(ctx.getNodeParameter('pipeline', itemIndex, '')).trim());
				if (!pipelines.has(pipeline)) {
					throw new NodeOperationError(
						ctx.getNode(),
						`Pipeline "${String(ctx.getNodeParameter('pipeline', itemIndex))}" does not exist`,
						{
							itemIndex,
							description: `Pick the pipeline from the list. Valid IDs: ${[...pipelines.keys()].join(', ')}.`,
						},
					);
				}
				const fields: IDataObject = { categoryId: pipeline };
				const wanted = String(ctx.getNodeParameter('stage', itemIndex, '') ?? '').trim();
				if (wanted) fields.stageId = stageOf(ctx, stages, pipeline, wanted, itemIndex).id;
				return {
					method: 'crm.item.update',
					params: {
						entityTypeId: DEAL_ENTITY_TYPE_ID,
						id: recordIdParameter(ctx, 'dealId', itemIndex, 'Deal'),
						fields,
					},
				};
			},
			({ result }) => {
				const item = ((result as IDataObject).item ?? {}) as IDataObject;
				return { id: item.id, pipeline: item.categoryId, stage: item.stageId, moved: true };
			},
		);
	}

	return { description, execute };
}

function stageOf(
	ctx: IExecuteFunctions,
	stages: Stage[],
	pipeline: number,
	wanted: string,
	itemIndex: number,
): Stage {
	const stage = stages.find((candidate) => candidate.id === wanted);
	if (stage && stage.pipelineId === pipeline) return stage;
	const own = stages
		.filter((candidate) => candidate.pipelineId === pipeline)
		.map((candidate) => candidate.id);
	throw new NodeOperationError(
		ctx.getNode(),
		stage ? `Stage "${wanted}" is not in the chosen pipeline` : `Stage "${wanted}" does not exist`,
		{
			itemIndex,
			description: `Stages of that pipeline: ${own.join(', ')}. Leave Stage empty for the first one.`,
		},
	);
}

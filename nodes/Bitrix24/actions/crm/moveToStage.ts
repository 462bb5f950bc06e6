import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemError } from '../../../shared/bitrix24/execute';
import {
	isItemError,
	planEachItem,
	readEachItem,
	sendPlannedCalls,
	toOutput,
} from '../../../shared/bitrix24/execute';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { crmRecordLocator } from '../common.descriptions';
import type { CrmEntity } from './entities';
import type { Stage } from './stages';
import { dealStages, leadStages } from './stages';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

/** Leads have one list of statuses; deals have stages per pipeline. */
const STAGE = {
	lead: { field: 'STATUS_ID', label: 'Status', load: leadStages, options: 'getLeadStatuses' },
	deal: { field: 'STAGE_ID', label: 'Stage', load: dealStages, options: 'getDealStages' },
} as const;

type StagedEntity = CrmEntity & { resource: keyof typeof STAGE };

interface Planned {
	id: number;
	stage: Stage;
}

/**
 * Move to Stage: sets a lead's status or a deal's stage. The stage is checked against the portal
 * (and, for deals, against the deal's pipeline) so a wrong name fails with a clear message.
 */
export function crmMoveToStage(entity: StagedEntity) {
	const spec = STAGE[entity.resource];
	const properties: INodeProperties[] = [
		crmRecordLocator(entity.resource, entity.label),
		{
			displayName: `${spec.label} Name or ID`,
			name: 'stage',
			type: 'options',
			typeOptions: { loadOptionsMethod: spec.options },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	];
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['moveToStage'] } },
		properties,
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		const stages = await spec.load(client);
		const plans = await planEachItem(this, items.length, (itemIndex): Planned => {
			const wanted = String(this.getNodeParameter('stage', itemIndex, '')).trim();
			const stage = stages.find((candidate) => candidate.id === wanted);
			if (!stage) {
				throw new NodeOperationError(this.getNode(), `${spec.label} "${wanted}" does not exist`, {
					itemIndex,
					description: `Pick the ${spec.label.toLowerCase()} from the list. Valid IDs: ${stages.map((s) => s.id).join(', ')}.`,
				});
			}
			return {
				id: recordIdParameter(this, `${entity.resource}Id`, itemIndex, entity.label),
				stage,
			};
		});
		const pipelines =
			entity.resource === 'deal' ? await currentPipelines(this, client, plans) : new Map();

		const calls = plans.map((plan, itemIndex) => {
			if (isItemError(plan)) return plan;
			const current = pipelines.get(itemIndex);
			if (isItemError(current)) return current;
			if (current !== undefined && current !== plan.stage.pipelineId) {
				return new NodeOperationError(
					this.getNode(),
					`Stage "${plan.stage.id}" is in pipeline "${plan.stage.pipelineName}", not in the deal's pipeline`,
					{
						itemIndex,
						description: `Deal ${plan.id} is in pipeline ${current}. Pick a stage of that pipeline, or use "Move to Pipeline".`,
					},
				);
			}
			return {
				method: `${entity.method}.update`,
				params: { id: plan.id, fields: { [spec.field]: plan.stage.id } },
			};
		});
		const outcomes = await sendPlannedCalls.call(this, client, calls, ({ itemIndex }) => {
			const { id, stage } = plans[itemIndex] as Planned;
			return { id, [spec.label.toLowerCase()]: stage.id, moved: true };
		});
		return toOutput(this, outcomes);
	}

	return { description, execute };
}

/** Each deal's current pipeline (CATEGORY_ID), read in one batched pass. */
async function currentPipelines(
	ctx: IExecuteFunctions,
	client: Bitrix24Client,
	plans: Array<Planned | ItemError>,
): Promise<Map<number, number | ItemError>> {
	const deals = await readEachItem(
		ctx,
		client,
		plans.flatMap((plan, itemIndex) =>
			isItemError(plan) ? [] : [{ itemIndex, method: 'crm.deal.get', params: { id: plan.id } }],
		),
	);
	return new Map(
		[...deals].map(([itemIndex, deal]) => [
			itemIndex,
			isItemError(deal) ? deal : Number(deal.CATEGORY_ID ?? 0),
		]),
	);
}

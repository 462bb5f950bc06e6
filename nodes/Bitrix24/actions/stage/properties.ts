import type { INodeProperties } from 'n8n-workflow';

import type { simpleOperation } from '../../../shared/bitrix24/operations';

/** Stages live in `crm.status`: lead statuses under STATUS, deal stages under DEAL_STAGE[_{pipeline}]. */
export const stagesOf: INodeProperties[] = [
	{
		displayName: 'Stages Of',
		name: 'stagesOf',
		type: 'options',
		options: [
			{ name: 'Deal Pipeline', value: 'deal' },
			{ name: 'Leads', value: 'lead' },
		],
		default: 'deal',
	},
	{
		displayName: 'Pipeline ID',
		name: 'pipelineId',
		type: 'string',
		default: '0',
		displayOptions: { show: { stagesOf: ['deal'] } },
		description: 'ID of the deal pipeline (0 is the default one)',
	},
];

export function entityId(
	ctx: Parameters<Parameters<typeof simpleOperation>[0]['call']>[0],
	itemIndex: number,
): string {
	if (ctx.getNodeParameter('stagesOf', itemIndex) === 'lead') return 'STATUS';
	const pipeline = Number(String(ctx.getNodeParameter('pipelineId', itemIndex, '0')).trim() || 0);
	return pipeline === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${pipeline}`;
}

export const stageRowId: INodeProperties = {
	displayName: 'Stage Row ID',
	name: 'stageRowId',
	type: 'string',
	default: '',
	required: true,
	description: 'The numeric ID of the stage entry (field ID in Get Many), not its code such as NEW',
};

export const stageFields: INodeProperties[] = [
	{ displayName: 'Color', name: 'COLOR', type: 'color', default: '#39A8EF' },
	{ displayName: 'Name', name: 'NAME', type: 'string', default: '' },
	{ displayName: 'Sort', name: 'SORT', type: 'number', default: 100 },
];

import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../simpleOperation';

/** Stages live in `crm.status`: lead statuses under STATUS, deal stages under DEAL_STAGE[_{pipeline}]. */
const stagesOf: INodeProperties[] = [
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

function entityId(
	ctx: Parameters<Parameters<typeof simpleOperation>[0]['call']>[0],
	itemIndex: number,
): string {
	if (ctx.getNodeParameter('stagesOf', itemIndex) === 'lead') return 'STATUS';
	const pipeline = Number(String(ctx.getNodeParameter('pipelineId', itemIndex, '0')).trim() || 0);
	return pipeline === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${pipeline}`;
}

const stageRowId: INodeProperties = {
	displayName: 'Stage Row ID',
	name: 'stageRowId',
	type: 'string',
	default: '',
	required: true,
	description: 'The numeric ID of the stage entry (field ID in Get Many), not its code such as NEW',
};

const stageFields: INodeProperties[] = [
	{ displayName: 'Color', name: 'COLOR', type: 'color', default: '#39A8EF' },
	{ displayName: 'Name', name: 'NAME', type: 'string', default: '' },
	{ displayName: 'Sort', name: 'SORT', type: 'number', default: 100 },
];

export const getAll = simpleOperation({
	resource: 'stage',
	operation: 'getAll',
	properties: stagesOf,
	call: (ctx, itemIndex) => ({
		method: 'crm.status.list',
		params: { filter: { ENTITY_ID: entityId(ctx, itemIndex) }, order: { SORT: 'ASC' } },
	}),
	list: {},
});

export const create = simpleOperation({
	resource: 'stage',
	operation: 'create',
	properties: [
		...stagesOf,
		{
			displayName: 'Code',
			name: 'statusId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'NEGOTIATION',
			description:
				'Identifier of the new stage (Bitrix24 adds the pipeline prefix for other pipelines)',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'stageFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...stageFields.filter((field) => field.name !== 'NAME'),
				{
					displayName: 'Semantics',
					name: 'SEMANTICS',
					type: 'options',
					options: [
						{ name: 'In Progress', value: '' },
						{ name: 'Success', value: 'S' },
						{ name: 'Failure', value: 'F' },
					],
					default: '',
				},
			],
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.status.add',
		params: {
			fields: {
				...(ctx.getNodeParameter('stageFields', itemIndex, {}) as IDataObject),
				ENTITY_ID: entityId(ctx, itemIndex),
				STATUS_ID: ctx.getNodeParameter('statusId', itemIndex) as string,
				NAME: ctx.getNodeParameter('name', itemIndex) as string,
			},
		},
	}),
	output: (result) => ({ id: Number(result) }),
});

export const update = simpleOperation({
	resource: 'stage',
	operation: 'update',
	properties: [
		stageRowId,
		{
			displayName: 'Update Fields',
			name: 'stageFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: stageFields,
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'crm.status.update',
		params: {
			id: recordIdParameter(ctx, 'stageRowId', itemIndex, 'Stage Row ID'),
			fields: ctx.getNodeParameter('stageFields', itemIndex, {}) as IDataObject,
		},
	}),
	output: (_result, params) => ({ id: params.id, updated: true }),
});

export const deleteStage = simpleOperation({
	resource: 'stage',
	operation: 'delete',
	properties: [stageRowId],
	call: (ctx, itemIndex) => ({
		method: 'crm.status.delete',
		params: { id: recordIdParameter(ctx, 'stageRowId', itemIndex, 'Stage Row ID') },
	}),
	output: (_result, params) => ({ id: params.id, deleted: true }),
});

export const get = simpleOperation({
	resource: 'stage',
	operation: 'get',
	properties: [stageRowId],
	call: (ctx, itemIndex) => ({
		method: 'crm.status.get',
		params: { id: recordIdParameter(ctx, 'stageRowId', itemIndex, 'Stage Row ID') },
	}),
});

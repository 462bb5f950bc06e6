import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { entityId, stageFields, stagesOf } from './properties';

export const { description, execute } = simpleOperation({
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

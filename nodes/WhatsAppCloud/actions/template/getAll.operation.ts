import type { IDataObject } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { TEMPLATE_FIELDS, templateOutput } from './output';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'template',
	operation: 'getAll',
	properties: [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Approved', value: 'APPROVED' },
						{ name: 'Disabled', value: 'DISABLED' },
						{ name: 'In Appeal', value: 'IN_APPEAL' },
						{ name: 'Paused', value: 'PAUSED' },
						{ name: 'Pending', value: 'PENDING' },
						{ name: 'Rejected', value: 'REJECTED' },
					],
					default: 'APPROVED',
				},
				{
					displayName: 'Name Contains',
					name: 'name',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Language',
					name: 'language',
					type: 'string',
					default: '',
					placeholder: 'en_US',
				},
				{
					displayName: 'Category',
					name: 'category',
					type: 'options',
					options: [
						{ name: 'Authentication', value: 'AUTHENTICATION' },
						{ name: 'Marketing', value: 'MARKETING' },
						{ name: 'Utility', value: 'UTILITY' },
					],
					default: 'UTILITY',
				},
			],
		},
	],
	async run(ctx, client, itemIndex) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
		const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex) as number);
		const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { fields: TEMPLATE_FIELDS, limit: Math.min(limit ?? 100, 100) };
		for (const key of ['status', 'name', 'language', 'category'])
			if (filters[key]) qs[key] = filters[key];
		const rows = await client.list(
			`${client.settings.businessAccountId}/message_templates`,
			qs,
			limit,
		);
		return rows.map((row) => ({ json: templateOutput(row) }));
	},
});

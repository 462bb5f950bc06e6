import { eachItemOperation } from '../../../shared/bitrix24/operations';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filterParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import type { CrmEntity } from './entities';
import { simplifyProperty, sorted } from './fields';
import { selectFor, simplify } from './record';

/** Get Many: Return All (fast export) or Limit, filters, field selection, sort, Simplify. */
export function crmGetAll(entity: CrmEntity) {
	const dateFilters: INodeProperties[] = [
		{ displayName: 'Created After', name: '>=DATE_CREATE', type: 'dateTime', default: '' },
		{ displayName: 'Created Before', name: '<=DATE_CREATE', type: 'dateTime', default: '' },
		{ displayName: 'Modified After', name: '>=DATE_MODIFY', type: 'dateTime', default: '' },
		{ displayName: 'Modified Before', name: '<=DATE_MODIFY', type: 'dateTime', default: '' },
	];
	const searchFilters: INodeProperties[] = entity.searchFields.map((field) => ({
		displayName: `${field === 'TITLE' ? 'Title' : field === 'NAME' ? 'First Name' : 'Last Name'} Contains`,
		name: `%${field}`,
		type: 'string',
		default: '',
	}));
	const properties: INodeProperties[] = [
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: sorted([
				...dateFilters,
				{
					displayName: 'Custom Filter (JSON)',
					name: 'custom',
					type: 'json',
					default: '{}',
					description:
						'Any Bitrix24 filter, with operators as key prefixes: {"&gt;OPPORTUNITY": 1000, "!STATUS_ID": "JUNK", "%NAME": "ann", "@SOURCE_ID": ["WEB", "CALL"]}',
				},
				...entity.filters,
				...searchFilters,
			]),
		},
		simplifyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Field Names or IDs',
					name: 'fields',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getFields' },
					default: [],
					description:
						'Fields to return (overrides Simplify). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'fixedCollection',
					default: {},
					options: [
						{
							displayName: 'Sort',
							name: 'rule',
							values: [
								{
									displayName: 'Field Name or ID',
									name: 'field',
									type: 'options',
									typeOptions: { loadOptionsMethod: 'getSortFields' },
									default: 'DATE_CREATE',
									description:
										'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
								},
								{
									displayName: 'Direction',
									name: 'direction',
									type: 'options',
									options: [
										{ name: 'Ascending', value: 'ASC' },
										{ name: 'Descending', value: 'DESC' },
									],
									default: 'DESC',
								},
							],
						},
					],
					description: `Order of the results. Without it, ${entity.plural} come in ID order, which is the fastest way to read many.`,
				},
			],
		},
	];

	return eachItemOperation({
		resource: entity.resource,
		operation: 'getAll',
		properties,
		async run(ctx, client, itemIndex) {
			const limit = rowLimitParameter(ctx, itemIndex);
			const simplified = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
			const options = ctx.getNodeParameter('options', itemIndex, {}) as {
				fields?: string[];
				sort?: { rule?: { field: string; direction: string } };
			};
			const fields = options.fields ?? [];
			const params: IDataObject = {
				filter: filterParameter(ctx, 'filters', itemIndex),
				select: selectFor(entity, fields, simplified),
			};
			const rule = options.sort?.rule;
			const request = { method: `${entity.method}.list`, params, limit };
			const records = rule
				? await client.list({
						...request,
						params: { ...params, order: { [rule.field]: rule.direction } },
					})
				: await client.export(request);
			return simplified && fields.length === 0
				? records.map((record) => simplify(entity, record))
				: records;
		},
	});
}

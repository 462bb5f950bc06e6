import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { CrmEntity } from './entities';

/** The Operation selector of a CRM resource. */
export function crmOperations(
	entity: CrmEntity,
	extra: INodePropertyOptions[] = [],
): INodeProperties {
	const one = entity.label.toLowerCase();
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [entity.resource] } },
		options: [
			...extra,
			{
				name: 'Create',
				value: 'create',
				description: `Create a ${one}`,
				action: `Create a ${one}`,
			},
			{
				name: 'Delete',
				value: 'delete',
				description: `Delete a ${one}`,
				action: `Delete a ${one}`,
			},
			{ name: 'Get', value: 'get', description: `Get a ${one}`, action: `Get a ${one}` },
			{
				name: 'Get Many',
				value: 'getAll',
				description: `Get many ${entity.plural}`,
				action: `Get many ${entity.plural}`,
			},
			{
				name: 'Update',
				value: 'update',
				description: `Update a ${one}`,
				action: `Update a ${one}`,
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: `Create or update a ${one}`,
			},
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'create',
	};
}

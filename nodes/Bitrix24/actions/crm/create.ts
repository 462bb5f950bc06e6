import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../../shared/bitrix24/execute';
import { multiFieldProperty } from '../common.descriptions';
import type { CrmEntity } from './entities';
import { customFieldsMapper } from './fields';
import { customFieldsFrom, fieldsFrom, multiValuesFrom } from './record';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

/** Create: the primary field, phones/emails where the entity has them, additional fields. */
export function crmCreate(entity: CrmEntity) {
	const properties: INodeProperties[] = [
		entity.primary,
		...entity.multiFields.map(multiFieldProperty),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: entity.fields.filter((field) => field.name !== entity.primaryField),
		},
		customFieldsMapper,
	];
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['create'] } },
		properties,
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		return await executeItemCalls.call(
			this,
			client,
			items,
			(itemIndex, ctx) => {
				const fields: IDataObject = {
					...customFieldsFrom(ctx, itemIndex),
					...fieldsFrom(ctx, 'additionalFields', itemIndex),
					[entity.primaryField]: ctx.getNodeParameter(entity.primary.name, itemIndex) as string,
				};
				for (const field of entity.multiFields) {
					const values = multiValuesFrom(ctx, field, itemIndex);
					if (values.length) fields[field] = values as unknown as IDataObject[];
				}
				return { method: `${entity.method}.add`, params: { fields } };
			},
			({ result }) => ({ id: Number(result) }),
		);
	}

	return { description, execute };
}

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../../shared/bitrix24/execute';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { crmRecordLocator } from '../common.descriptions';
import { ENTITIES } from '../../../shared/bitrix24/entities/catalogue';
import type { CrmEntity } from './entities';
import { simplifyProperty } from './fields';
import { simplify } from './record';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

export function crmGet(entity: CrmEntity) {
	const idParameter = `${entity.resource}Id`;
	const reading = ENTITIES[entity.resource].get;
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['get'] } },
		[crmRecordLocator(entity.resource, entity.label), simplifyProperty],
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
			(itemIndex, ctx) => ({
				method: reading.method,
				params: reading.params({
					id: recordIdParameter(ctx, idParameter, itemIndex, entity.label),
				}),
			}),
			({ result, itemIndex }) => {
				const record = result as IDataObject;
				return this.getNodeParameter('simplify', itemIndex, true)
					? simplify(entity, record)
					: record;
			},
		);
	}

	return { description, execute };
}

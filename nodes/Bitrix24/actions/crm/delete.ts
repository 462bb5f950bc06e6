import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../../shared/bitrix24/execute';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { crmRecordLocator } from '../common.descriptions';
import type { CrmEntity } from './entities';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

export function crmDelete(entity: CrmEntity) {
	const idParameter = `${entity.resource}Id`;
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['delete'] } },
		[crmRecordLocator(entity.resource, entity.label)],
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		const ids: number[] = [];
		return await executeItemCalls.call(
			this,
			client,
			items,
			(itemIndex, ctx) => {
				ids[itemIndex] = recordIdParameter(ctx, idParameter, itemIndex, entity.label);
				return { method: `${entity.method}.delete`, params: { id: ids[itemIndex] } };
			},
			({ itemIndex }) => ({ id: ids[itemIndex], deleted: true }),
		);
	}

	return { description, execute };
}

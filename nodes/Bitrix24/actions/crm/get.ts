import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../helpers/execute';
import { recordIdParameter } from '../../helpers/parameters';
import { crmRecordLocator } from '../common.descriptions';
import type { CrmEntity } from './entities';
import { simplifyProperty } from './fields';
import { simplify } from './record';

export function crmGet(entity: CrmEntity) {
	const idParameter = `${entity.resource}Id`;
	const description = updateDisplayOptions(
		{ show: { resource: [entity.resource], operation: ['get'] } },
		[crmRecordLocator(entity.resource, entity.label), simplifyProperty],
	);

	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return await executeItemCalls.call(
			this,
			items,
			(itemIndex) => ({
				method: `${entity.method}.get`,
				params: { id: recordIdParameter(this, idParameter, itemIndex, entity.label) },
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

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { executeItemCalls } from '../../helpers/execute';
import { recordIdParameter } from '../../helpers/parameters';
import { crmRecordLocator } from '../common.descriptions';

const properties: INodeProperties[] = [crmRecordLocator('lead', 'Lead', 'searchLeads')];

const displayOptions = { show: { resource: ['lead'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const ids: number[] = [];
	return await executeItemCalls.call(
		this,
		items,
		(itemIndex) => {
			ids[itemIndex] = recordIdParameter(this, 'leadId', itemIndex, 'Lead');
			return { method: 'crm.lead.delete', params: { id: ids[itemIndex] } };
		},
		({ itemIndex }) => ({ id: ids[itemIndex], deleted: true }),
	);
}

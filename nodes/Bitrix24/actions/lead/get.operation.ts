import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyLead } from '../../helpers/crmRecord';
import { executeItemCalls } from '../../helpers/execute';
import { recordIdParameter } from '../../helpers/parameters';
import { crmRecordLocator } from '../common.descriptions';
import { simplifyProperty } from './lead.fields';

const properties: INodeProperties[] = [
	crmRecordLocator('lead', 'Lead', 'searchLeads'),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['lead'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeItemCalls.call(
		this,
		items,
		(itemIndex) => ({
			method: 'crm.lead.get',
			params: { id: recordIdParameter(this, 'leadId', itemIndex, 'Lead') },
		}),
		({ result, itemIndex }) => {
			const lead = result as IDataObject;
			return this.getNodeParameter('simplify', itemIndex, true) ? simplifyLead(lead) : lead;
		},
	);
}

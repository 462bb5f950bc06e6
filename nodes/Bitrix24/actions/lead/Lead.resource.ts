import type { INodeProperties } from 'n8n-workflow';

import { LEAD } from '../crm/entities';
import { crmOperations } from '../crm/resource';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as moveToStage from './moveToStage.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteRecord as delete, get, getAll, moveToStage, update, upsert };

export const description: INodeProperties[] = [
	crmOperations(LEAD, [
		{
			name: 'Move to Stage',
			value: 'moveToStage',
			description: "Set the lead's status",
			action: 'Move a lead to a stage',
		},
	]),
	...create.description,
	...deleteRecord.description,
	...get.description,
	...getAll.description,
	...moveToStage.description,
	...update.description,
	...upsert.description,
];

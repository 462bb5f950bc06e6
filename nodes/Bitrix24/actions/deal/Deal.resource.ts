import type { INodeProperties } from 'n8n-workflow';

import { DEAL } from '../crm/entities';
import { crmOperations } from '../crm/resource';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as moveToPipeline from './moveToPipeline.operation';
import * as moveToStage from './moveToStage.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteRecord as delete, get, getAll, moveToPipeline, moveToStage, update, upsert };

export const description: INodeProperties[] = [
	crmOperations(DEAL, [
		{
			name: 'Move to Pipeline',
			value: 'moveToPipeline',
			description: 'Move the deal to another pipeline',
			action: 'Move a deal to a pipeline',
		},
		{
			name: 'Move to Stage',
			value: 'moveToStage',
			description: "Set the deal's stage",
			action: 'Move a deal to a stage',
		},
	]),
	...create.description,
	...deleteRecord.description,
	...get.description,
	...getAll.description,
	...moveToPipeline.description,
	...moveToStage.description,
	...update.description,
	...upsert.description,
];

import type { INodeProperties } from 'n8n-workflow';

import { CONTACT } from '../crm/entities';
import { crmOperations } from '../crm/resource';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteRecord as delete, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	crmOperations(CONTACT),
	...create.description,
	...deleteRecord.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];

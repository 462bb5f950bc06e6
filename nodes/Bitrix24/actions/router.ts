import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as activity from './activity/Activity.resource';
import * as batch from './batch/Batch.resource';
import * as calendarEvent from './calendarEvent/CalendarEvent.resource';
import * as company from './company/Company.resource';
import * as contact from './contact/Contact.resource';
import * as contactLink from './contactLink/ContactLink.resource';
import * as customField from './customField/CustomField.resource';
import * as deal from './deal/Deal.resource';
import * as department from './department/Department.resource';
import * as diskFile from './diskFile/DiskFile.resource';
import * as duplicate from './duplicate/Duplicate.resource';
import * as item from './item/Item.resource';
import * as lead from './lead/Lead.resource';
import * as message from './message/Message.resource';
import * as method from './method/Method.resource';
import type { Bitrix24Type } from './node.type';
import { bitrix24Client } from '../../shared/bitrix24/client';
import * as pipeline from './pipeline/Pipeline.resource';
import * as productRow from './productRow/ProductRow.resource';
import * as stage from './stage/Stage.resource';
import * as task from './task/Task.resource';
import * as taskChecklistItem from './taskChecklistItem/TaskChecklistItem.resource';
import * as taskComment from './taskComment/TaskComment.resource';
import * as taskElapsedTime from './taskElapsedTime/TaskElapsedTime.resource';
import * as timelineComment from './timelineComment/TimelineComment.resource';
import * as user from './user/User.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter<Bitrix24Type>('resource', 0);
	const operation = this.getNodeParameter('operation', 0);
	const bitrix24 = { resource, operation } as Bitrix24Type;
	const client = await bitrix24Client(this);

	switch (bitrix24.resource) {
		case 'activity':
			return [await activity[bitrix24.operation].execute.call(this, items, client)];
		case 'company':
			return [await company[bitrix24.operation].execute.call(this, items, client)];
		case 'contact':
			return [await contact[bitrix24.operation].execute.call(this, items, client)];
		case 'contactLink':
			return [await contactLink[bitrix24.operation].execute.call(this, items, client)];
		case 'customField':
			return [await customField[bitrix24.operation].execute.call(this, items, client)];
		case 'deal':
			return [await deal[bitrix24.operation].execute.call(this, items, client)];
		case 'department':
			return [await department[bitrix24.operation].execute.call(this, items, client)];
		case 'duplicate':
			return [await duplicate[bitrix24.operation].execute.call(this, items, client)];
		case 'item':
			return [await item[bitrix24.operation].execute.call(this, items, client)];
		case 'lead':
			return [await lead[bitrix24.operation].execute.call(this, items, client)];
		case 'pipeline':
			return [await pipeline[bitrix24.operation].execute.call(this, items, client)];
		case 'productRow':
			return [await productRow[bitrix24.operation].execute.call(this, items, client)];
		case 'stage':
			return [await stage[bitrix24.operation].execute.call(this, items, client)];
		case 'timelineComment':
			return [await timelineComment[bitrix24.operation].execute.call(this, items, client)];
		case 'message':
			return [await message[bitrix24.operation].execute.call(this, items, client)];
		case 'method':
			return [await method[bitrix24.operation].execute.call(this, items, client)];
		case 'user':
			return [await user[bitrix24.operation].execute.call(this, items, client)];
		case 'batch':
			return [await batch[bitrix24.operation].execute.call(this, items, client)];
		case 'calendarEvent':
			return [await calendarEvent[bitrix24.operation].execute.call(this, items, client)];
		case 'diskFile':
			return [await diskFile[bitrix24.operation].execute.call(this, items, client)];
		case 'task':
			return [await task[bitrix24.operation].execute.call(this, items, client)];
		case 'taskChecklistItem':
			return [await taskChecklistItem[bitrix24.operation].execute.call(this, items, client)];
		case 'taskComment':
			return [await taskComment[bitrix24.operation].execute.call(this, items, client)];
		case 'taskElapsedTime':
			return [await taskElapsedTime[bitrix24.operation].execute.call(this, items, client)];
		default:
			throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not supported`);
	}
}

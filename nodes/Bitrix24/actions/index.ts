import { resourceNode, type Resource } from '../../shared/bitrix24/resources';
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
import * as pipeline from './pipeline/Pipeline.resource';
import * as productRow from './productRow/ProductRow.resource';
import * as stage from './stage/Stage.resource';
import * as task from './task/Task.resource';
import * as taskChecklistItem from './taskChecklistItem/TaskChecklistItem.resource';
import * as taskComment from './taskComment/TaskComment.resource';
import * as taskElapsedTime from './taskElapsedTime/TaskElapsedTime.resource';
import * as timelineComment from './timelineComment/TimelineComment.resource';
import * as user from './user/User.resource';

/** Every resource of the node: the Resource options and the router are built from this list. */
export const RESOURCES: Resource[] = [
	{ name: 'Activity', value: 'activity', module: activity },
	{
		name: 'Batch',
		value: 'batch',
		description: 'Run many REST calls, 50 per request, with $result references',
		module: batch,
	},
	{ name: 'Calendar Event', value: 'calendarEvent', module: calendarEvent },
	{
		name: 'Call Method',
		value: 'method',
		description: 'Call any Bitrix24 REST method',
		module: method,
	},
	{ name: 'Company', value: 'company', module: company },
	{ name: 'Contact', value: 'contact', module: contact },
	{ name: 'Contact Link', value: 'contactLink', module: contactLink },
	{ name: 'Custom Field', value: 'customField', module: customField },
	{ name: 'Deal', value: 'deal', module: deal },
	{ name: 'Department', value: 'department', module: department },
	{ name: 'Disk File', value: 'diskFile', module: diskFile },
	{ name: 'Duplicate Search', value: 'duplicate', module: duplicate },
	{ name: 'Lead', value: 'lead', module: lead },
	{
		name: 'Message',
		value: 'message',
		description: 'Chat messages and notifications',
		module: message,
	},
	{ name: 'Pipeline', value: 'pipeline', module: pipeline },
	{ name: 'Product Row', value: 'productRow', module: productRow },
	{
		name: 'Smart Process Item',
		value: 'item',
		description: 'Items of smart processes, quotes and smart invoices',
		module: item,
	},
	{ name: 'Stage', value: 'stage', module: stage },
	{ name: 'Task', value: 'task', module: task },
	{ name: 'Task Checklist Item', value: 'taskChecklistItem', module: taskChecklistItem },
	{ name: 'Task Comment', value: 'taskComment', module: taskComment },
	{ name: 'Task Elapsed Time', value: 'taskElapsedTime', module: taskElapsedTime },
	{ name: 'Timeline Comment', value: 'timelineComment', module: timelineComment },
	{ name: 'User', value: 'user', module: user },
];

export const {
	properties: resourceProperties,
	operationOf,
	router,
} = resourceNode(RESOURCES, {
	defaultResource: 'lead',
});

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BITRIX24_DESCRIPTION } from '../shared/bitrix24/appDescription';
import { authenticationProperty } from '../shared/bitrix24/credentials';
import { credentialTest } from '../shared/bitrix24/credentialTest';
import * as activity from './actions/activity/Activity.resource';
import * as batch from './actions/batch/Batch.resource';
import * as calendarEvent from './actions/calendarEvent/CalendarEvent.resource';
import * as company from './actions/company/Company.resource';
import * as contact from './actions/contact/Contact.resource';
import * as contactLink from './actions/contactLink/ContactLink.resource';
import * as customField from './actions/customField/CustomField.resource';
import * as deal from './actions/deal/Deal.resource';
import * as department from './actions/department/Department.resource';
import * as diskFile from './actions/diskFile/DiskFile.resource';
import * as duplicate from './actions/duplicate/Duplicate.resource';
import * as item from './actions/item/Item.resource';
import * as lead from './actions/lead/Lead.resource';
import * as message from './actions/message/Message.resource';
import * as method from './actions/method/Method.resource';
import * as pipeline from './actions/pipeline/Pipeline.resource';
import * as productRow from './actions/productRow/ProductRow.resource';
import { router } from './actions/router';
import * as stage from './actions/stage/Stage.resource';
import * as task from './actions/task/Task.resource';
import * as taskChecklistItem from './actions/taskChecklistItem/TaskChecklistItem.resource';
import * as taskComment from './actions/taskComment/TaskComment.resource';
import * as taskElapsedTime from './actions/taskElapsedTime/TaskElapsedTime.resource';
import * as timelineComment from './actions/timelineComment/TimelineComment.resource';
import * as user from './actions/user/User.resource';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class Bitrix24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24',
		name: 'bitrix24',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle:
			'={{ $parameter["resource"] === "method" ? $parameter["method"] : $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: BITRIX24_DESCRIPTION,
		defaults: { name: 'Bitrix24' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bitrix24WebhookApi',
				required: true,
				testedBy: 'bitrix24WebhookApiTest',
				displayOptions: { show: { authentication: ['webhook'] } },
			},
			{
				name: 'bitrix24OAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity', value: 'activity' },
					{
						name: 'Batch',
						value: 'batch',
						description: 'Run many REST calls, 50 per request, with $result references',
					},
					{ name: 'Calendar Event', value: 'calendarEvent' },
					{ name: 'Call Method', value: 'method', description: 'Call any Bitrix24 REST method' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Contact Link', value: 'contactLink' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Department', value: 'department' },
					{ name: 'Disk File', value: 'diskFile' },
					{ name: 'Duplicate Search', value: 'duplicate' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Message', value: 'message', description: 'Chat messages and notifications' },
					{ name: 'Pipeline', value: 'pipeline' },
					{ name: 'Product Row', value: 'productRow' },
					{
						name: 'Smart Process Item',
						value: 'item',
						description: 'Items of smart processes, quotes and smart invoices',
					},
					{ name: 'Stage', value: 'stage' },
					{ name: 'Task', value: 'task' },
					{ name: 'Task Checklist Item', value: 'taskChecklistItem' },
					{ name: 'Task Comment', value: 'taskComment' },
					{ name: 'Task Elapsed Time', value: 'taskElapsedTime' },
					{ name: 'Timeline Comment', value: 'timelineComment' },
					{ name: 'User', value: 'user' },
				],
				default: 'lead',
			},
			...activity.description,
			...company.description,
			...contact.description,
			...contactLink.description,
			...customField.description,
			...deal.description,
			...department.description,
			...duplicate.description,
			...item.description,
			...lead.description,
			...message.description,
			...method.description,
			...pipeline.description,
			...productRow.description,
			...stage.description,
			...timelineComment.description,
			...batch.description,
			...calendarEvent.description,
			...diskFile.description,
			...task.description,
			...taskChecklistItem.description,
			...taskComment.description,
			...taskElapsedTime.description,
			...user.description,
		],
	};

	methods = { credentialTest, listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

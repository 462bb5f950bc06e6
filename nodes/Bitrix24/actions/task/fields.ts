import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNumber } from '../../../shared/bitrix24/entities/fieldTypes';
import { jsonObjectParameter, recordIdParameter } from '../../../shared/bitrix24/parameters';
import { recordLocator } from '../../../shared/bitrix24/descriptions';
import { portalOption, sorted } from '../crm/fields';

export const STATUS_NAMES: Record<string, string> = {
	'1': 'New',
	'2': 'Pending',
	'3': 'In Progress',
	'4': 'Awaiting Control',
	'5': 'Completed',
	'6': 'Deferred',
	'7': 'Declined',
};

export { TASK_SELECT } from '../../../shared/bitrix24/entities/catalogue';

export const taskLocator: INodeProperties = recordLocator({
	name: 'taskId',
	label: 'Task',
	what: 'task',
	searchListMethod: 'searchTasks',
	url: {
		example: 'https://your-portal.bitrix24.com/company/personal/user/1/tasks/task/view/123/',
		regex: '/tasks/task/view/([0-9]+)',
	},
});

export const taskIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'taskId', itemIndex, 'Task');

export const simplifyTaskProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the main fields with numbers as numbers and the status named, instead of the raw task',
};

const userList = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

const date = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
});

const commaList = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

/** Task fields by their Bitrix24 (UPPER) names, for Create's and Update's collections. */
export const taskFieldOptions: INodeProperties[] = sorted([
	userList('Accomplice Names or IDs', 'ACCOMPLICES'),
	{
		displayName: 'Allow Time Tracking',
		name: 'ALLOW_TIME_TRACKING',
		type: 'boolean',
		default: false,
		description: 'Whether people can track the time they spend on the task',
	},
	userList('Auditor Names or IDs', 'AUDITORS'),
	{
		displayName: 'Check Result After Completion',
		name: 'TASK_CONTROL',
		type: 'boolean',
		default: false,
		description: 'Whether the creator must accept the task once it is completed',
	},
	portalOption('Created By', 'CREATED_BY', 'getUsers', 'The task creator'),
	commaList(
		'CRM Links',
		'UF_CRM_TASK',
		'CRM records the task belongs to, comma-separated, with a type prefix: L_4 (lead), D_10 (deal), C_3 (contact), CO_2 (company)',
	),
	date('Deadline', 'DEADLINE'),
	{
		displayName: 'Description',
		name: 'DESCRIPTION',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'BB codes format it: [b]bold[/b], [URL=https://example.com]link[/URL]',
	},
	commaList(
		'Disk File IDs',
		'UF_TASK_WEBDAV_FILES',
		'Bitrix24 Disk files to attach, comma-separated IDs (as the Disk File resource outputs them)',
	),
	{
		displayName: 'Group ID',
		name: 'GROUP_ID',
		type: 'number',
		default: 0,
		description: 'Workgroup or project',
	},
	{
		displayName: 'Other Fields (JSON)',
		name: 'otherFields',
		type: 'json',
		default: '{}',
		description: 'Any other task fields by their Bitrix24 names, e.g. {"UF_AUTO_123": "value"}',
	},
	{ displayName: 'Parent Task ID', name: 'PARENT_ID', type: 'number', default: 0 },
	date('Planned End', 'END_DATE_PLAN'),
	date('Planned Start', 'START_DATE_PLAN'),
	{
		displayName: 'Priority',
		name: 'PRIORITY',
		type: 'options',
		options: [
			{ name: 'High', value: 2 },
			{ name: 'Low', value: 0 },
			{ name: 'Normal', value: 1 },
		],
		default: 1,
	},
	commaList('Tags', 'TAGS', 'Comma-separated'),
	{
		displayName: 'Time Estimate (Minutes)',
		name: 'TIME_ESTIMATE',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
	},
]);

const splitList = (value: unknown): string[] =>
	(Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((entry) => String(entry).trim())
		.filter(Boolean);

/** Reads a task fields collection into the UPPER fields tasks.task.add/update take. */
export function taskFieldsFrom(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const chosen = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(chosen)) {
		if (key === 'otherFields') continue;
		if (typeof value === 'boolean') fields[key] = value ? 'Y' : 'N';
		else if (key === 'TIME_ESTIMATE') fields[key] = Math.round(Number(value) * 60);
		else if (key === 'UF_TASK_WEBDAV_FILES') fields[key] = splitList(value).map(diskAttachment);
		else if (['ACCOMPLICES', 'AUDITORS', 'TAGS', 'UF_CRM_TASK'].includes(key))
			fields[key] = splitList(value);
		else fields[key] = value as IDataObject[string];
	}
	for (const id of ['GROUP_ID', 'PARENT_ID', 'CREATED_BY'])
		if (fields[id] === 0 || fields[id] === '') delete fields[id];
	for (const link of (fields.UF_CRM_TASK as string[] | undefined) ?? []) {
		if (!/^(L|D|C|CO|T[0-9a-f]+)_[0-9]+$/i.test(link)) {
			throw new NodeOperationError(ctx.getNode(), `CRM link "${link}" is not valid`, {
				itemIndex,
				description:
					'Write each CRM link as a type prefix and an ID: L_4 (lead), D_10 (deal), C_3 (contact), CO_2 (company).',
			});
		}
	}
	if (chosen.otherFields !== undefined) {
		Object.assign(
			fields,
			jsonObjectParameter(ctx, `${name}.otherFields`, itemIndex, 'Other Fields (JSON)'),
		);
	}
	return fields;
}

/** Disk files attach to tasks as `n<ID>`. */
const diskAttachment = (id: string) => (/^n/i.test(id) ? id : `n${id}`);

/** The task's main fields, numbers as numbers, status named. */
export function simpleTask(task: IDataObject): IDataObject {
	const out: IDataObject = { id: asNumber(task.id) };
	const copy = (from: string, to = from, as: (value: unknown) => unknown = (value) => value) => {
		if (task[from] !== undefined) out[to] = as(task[from]) as IDataObject[string];
	};
	copy('title');
	copy('description');
	copy('status', 'status', asNumber);
	if (task.status !== undefined) out.statusName = STATUS_NAMES[String(task.status)] ?? '';
	copy('priority', 'priority', asNumber);
	copy('responsibleId', 'responsibleId', asNumber);
	copy('createdBy', 'createdBy', asNumber);
	copy('groupId', 'groupId', asNumber);
	copy('parentId', 'parentId', asNumber);
	copy('deadline');
	copy('createdDate');
	copy('changedDate');
	copy('closedDate');
	const ids = (value: unknown) => ((value as unknown[]) ?? []).map(asNumber);
	copy('accomplices', 'accomplices', ids);
	copy('auditors', 'auditors', ids);
	copy('tags');
	copy('ufCrmTask', 'crmLinks');
	return out;
}

/** `{task: {...}}` → the task (simplified when asked). */
export function taskOutput(
	result: unknown,
	ctx: IExecuteFunctions,
	itemIndex: number,
): IDataObject {
	const task = ((result as IDataObject | null)?.task ?? {}) as IDataObject;
	return ctx.getNodeParameter('simplify', itemIndex, true) ? simpleTask(task) : task;
}

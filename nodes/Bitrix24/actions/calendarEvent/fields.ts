import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';

export const calendarProperties: INodeProperties[] = [
	{
		displayName: 'Calendar Type',
		name: 'calendarType',
		type: 'options',
		options: [
			{ name: 'Company', value: 'company_calendar', description: "The portal's company calendar" },
			{ name: 'User', value: 'user', description: "A user's personal calendar" },
			{ name: 'Workgroup', value: 'group', description: 'The calendar of a workgroup or project' },
		],
		default: 'user',
	},
	{
		displayName: 'Calendar Owner Name or ID',
		name: 'ownerUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { calendarType: ['user'] } },
	},
	{
		displayName: 'Workgroup ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '12',
		description: 'The workgroup or project (its ID is in the URL: /workgroups/group/12/)',
		displayOptions: { show: { calendarType: ['group'] } },
	},
];

/** The calendar's `type` and `ownerId` (0 for the company calendar). */
export function calendarOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { type: string; ownerId: number } {
	const type = ctx.getNodeParameter('calendarType', itemIndex) as string;
	if (type === 'company_calendar') return { type, ownerId: 0 };
	const isGroup = type === 'group';
	const label = isGroup ? 'Workgroup ID' : 'Calendar Owner';
	const raw = String(
		ctx.getNodeParameter(isGroup ? 'groupId' : 'ownerUserId', itemIndex, ''),
	).trim();
	const ownerId = Number(raw);
	if (raw === '' || !Number.isInteger(ownerId) || ownerId <= 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			raw === ''
				? `${label} is required for a ${isGroup ? 'workgroup' : 'user'} calendar`
				: `${label} must be a positive whole number`,
			{
				itemIndex,
				description: isGroup
					? `Got "${raw}". Enter the ID of the workgroup whose calendar holds the event, or choose the Company calendar type.`
					: `Got "${raw}". Choose the user whose calendar holds the event, or enter their user ID.`,
			},
		);
	}
	return { type, ownerId };
}

export const eventIdProperty: INodeProperties = {
	displayName: 'Event ID',
	name: 'eventId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '42',
};

export const eventIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'eventId', itemIndex, 'Event ID');

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a clean event (ISO times, attendee IDs, reminders, CRM links) instead of the raw Bitrix24 record',
};

const allDayField: INodeProperties = {
	displayName: 'All Day',
	name: 'allDay',
	type: 'boolean',
	default: false,
	description: 'Whether the event lasts whole days, without times',
};

const startField: INodeProperties = {
	displayName: 'Start',
	name: 'start',
	type: 'dateTime',
	default: '',
	description: "In the workflow's time zone unless it has an offset",
};

const endField: INodeProperties = {
	displayName: 'End',
	name: 'end',
	type: 'dateTime',
	default: '',
	description:
		"In the workflow's time zone unless it has an offset; for all-day events the last day",
};

/** Every settable field, alphabetized; Create shows Name, Start, End and All Day on their own. */
const fieldOptions: INodeProperties[] = [
	{
		displayName: 'Accessibility',
		name: 'accessibility',
		type: 'options',
		options: [
			{ name: 'Absent', value: 'absent' },
			{ name: 'Busy', value: 'busy' },
			{ name: 'Free', value: 'free' },
			{ name: 'Tentative', value: 'quest' },
		],
		default: 'busy',
		description: "How the time shows in the owner's availability",
	},
	allDayField,
	{
		displayName: 'Attendee Names or IDs',
		name: 'attendees',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
	},
	{
		displayName: 'CRM Links',
		name: 'crmLinks',
		type: 'string',
		default: '',
		placeholder: 'D_12, C_5',
		description:
			'Comma-separated CRM records: L_ lead, D_ deal, C_ contact or CO_ company, followed by the ID',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	endField,
	{
		displayName: 'Importance',
		name: 'importance',
		type: 'options',
		options: [
			{ name: 'High', value: 'high' },
			{ name: 'Low', value: 'low' },
			{ name: 'Normal', value: 'normal' },
		],
		default: 'normal',
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Meeting Host Name or ID',
		name: 'host',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{
		displayName: 'Private',
		name: 'privateEvent',
		type: 'boolean',
		default: false,
		description: 'Whether others see only that the time is taken, not the details',
	},
	{
		displayName: 'Reminders',
		name: 'reminders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Reminder',
		default: {},
		options: [
			{
				displayName: 'Reminder',
				name: 'reminder',
				values: [
					{
						displayName: 'Before',
						name: 'count',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 15,
						description: 'How long before the start to remind',
					},
					{
						displayName: 'Unit',
						name: 'unit',
						type: 'options',
						options: [
							{ name: 'Days', value: 'day' },
							{ name: 'Hours', value: 'hour' },
							{ name: 'Minutes', value: 'min' },
						],
						default: 'min',
					},
				],
			},
		],
	},
	startField,
];

const ON_THEIR_OWN = ['allDay', 'end', 'name', 'start'];

export const createProperties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
	{ ...startField, required: true },
	{ ...endField, required: true },
	allDayField,
	{
		displayName: 'Additional Fields',
		name: 'eventFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fieldOptions.filter((field) => !ON_THEIR_OWN.includes(field.name)),
	},
];

export const updateFieldsProperty: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: fieldOptions,
};

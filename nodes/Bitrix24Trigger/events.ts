import type { INodePropertyOptions } from 'n8n-workflow';

import type { EntityName } from '../shared/bitrix24/entities/catalogue';

interface EventDefinition {
	name: string;
	value: string;
	/** What the event is about, so the trigger can fetch the full record. */
	entity: EntityName;
	deleted?: boolean;
}

const crm = (label: string, entity: 'lead' | 'deal' | 'contact' | 'company'): EventDefinition[] => {
	const event = `ONCRM${entity.toUpperCase()}`;
	return [
		{ name: `CRM: ${label} Created`, value: `${event}ADD`, entity },
		{ name: `CRM: ${label} Updated`, value: `${event}UPDATE`, entity },
		{ name: `CRM: ${label} Deleted`, value: `${event}DELETE`, entity, deleted: true },
	];
};

const EVENTS: EventDefinition[] = [
	...crm('Lead', 'lead'),
	...crm('Deal', 'deal'),
	{
		name: 'CRM: Deal Moved to Another Pipeline',
		value: 'ONCRMDEALMOVETOCATEGORY',
		entity: 'deal',
	},
	...crm('Contact', 'contact'),
	...crm('Company', 'company'),
	{ name: 'CRM: Activity Created', value: 'ONCRMACTIVITYADD', entity: 'activity' },
	{ name: 'CRM: Activity Updated', value: 'ONCRMACTIVITYUPDATE', entity: 'activity' },
	{
		name: 'CRM: Activity Deleted',
		value: 'ONCRMACTIVITYDELETE',
		entity: 'activity',
		deleted: true,
	},
	{
		name: 'CRM: Smart Process Item Created',
		value: 'ONCRMDYNAMICITEMADD',
		entity: 'item',
	},
	{
		name: 'CRM: Smart Process Item Updated',
		value: 'ONCRMDYNAMICITEMUPDATE',
		entity: 'item',
	},
	{
		name: 'CRM: Smart Process Item Deleted',
		value: 'ONCRMDYNAMICITEMDELETE',
		entity: 'item',
		deleted: true,
	},
	{ name: 'Task: Created', value: 'ONTASKADD', entity: 'task' },
	{ name: 'Task: Updated', value: 'ONTASKUPDATE', entity: 'task' },
	{ name: 'Task: Deleted', value: 'ONTASKDELETE', entity: 'task', deleted: true },
	{ name: 'Task: Comment Added', value: 'ONTASKCOMMENTADD', entity: 'taskComment' },
	{ name: 'Task: Comment Updated', value: 'ONTASKCOMMENTUPDATE', entity: 'taskComment' },
	{
		name: 'Task: Comment Deleted',
		value: 'ONTASKCOMMENTDELETE',
		entity: 'taskComment',
		deleted: true,
	},
	{ name: 'User: Added', value: 'ONUSERADD', entity: 'user' },
	{ name: 'Calendar: Event Created', value: 'ONCALENDARENTRYADD', entity: 'calendarEvent' },
	{
		name: 'Calendar: Event Updated',
		value: 'ONCALENDARENTRYUPDATE',
		entity: 'calendarEvent',
	},
	{
		name: 'Calendar: Event Deleted',
		value: 'ONCALENDARENTRYDELETE',
		entity: 'calendarEvent',
		deleted: true,
	},
];

const BY_NAME = new Map(EVENTS.map((event) => [event.value, event]));

export const eventOptions: INodePropertyOptions[] = EVENTS.map(({ name, value }) => ({
	name,
	value,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The catalogue entry of an event name (per-type smart-process events map to the generic one). */
export function eventDefinition(name: string): EventDefinition | undefined {
	return BY_NAME.get(name) ?? BY_NAME.get(name.replace(/_\d+$/, ''));
}

/** Bitrix24 event names: upper case, no spaces. */
export function normalEventName(name: unknown): string {
	return String(name ?? '')
		.trim()
		.toUpperCase();
}

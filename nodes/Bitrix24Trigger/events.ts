import type { INodePropertyOptions } from 'n8n-workflow';

/** What an event is about, so the trigger can fetch the full record. */
export type EventSubject =
	| { kind: 'crm'; method: string }
	| { kind: 'item' }
	| { kind: 'activity' }
	| { kind: 'task' }
	| { kind: 'taskComment' }
	| { kind: 'user' }
	| { kind: 'calendar' };

interface EventDefinition {
	name: string;
	value: string;
	subject: EventSubject;
	deleted?: boolean;
}

const crm = (label: string, entity: string, method: string): EventDefinition[] => [
	{ name: `CRM: ${label} Created`, value: `ONCRM${entity}ADD`, subject: { kind: 'crm', method } },
	{
		name: `CRM: ${label} Updated`,
		value: `ONCRM${entity}UPDATE`,
		subject: { kind: 'crm', method },
	},
	{
		name: `CRM: ${label} Deleted`,
		value: `ONCRM${entity}DELETE`,
		subject: { kind: 'crm', method },
		deleted: true,
	},
];

const EVENTS: EventDefinition[] = [
	...crm('Lead', 'LEAD', 'crm.lead.get'),
	...crm('Deal', 'DEAL', 'crm.deal.get'),
	{
		name: 'CRM: Deal Moved to Another Pipeline',
		value: 'ONCRMDEALMOVETOCATEGORY',
		subject: { kind: 'crm', method: 'crm.deal.get' },
	},
	...crm('Contact', 'CONTACT', 'crm.contact.get'),
	...crm('Company', 'COMPANY', 'crm.company.get'),
	{ name: 'CRM: Activity Created', value: 'ONCRMACTIVITYADD', subject: { kind: 'activity' } },
	{ name: 'CRM: Activity Updated', value: 'ONCRMACTIVITYUPDATE', subject: { kind: 'activity' } },
	{
		name: 'CRM: Activity Deleted',
		value: 'ONCRMACTIVITYDELETE',
		subject: { kind: 'activity' },
		deleted: true,
	},
	{
		name: 'CRM: Smart Process Item Created',
		value: 'ONCRMDYNAMICITEMADD',
		subject: { kind: 'item' },
	},
	{
		name: 'CRM: Smart Process Item Updated',
		value: 'ONCRMDYNAMICITEMUPDATE',
		subject: { kind: 'item' },
	},
	{
		name: 'CRM: Smart Process Item Deleted',
		value: 'ONCRMDYNAMICITEMDELETE',
		subject: { kind: 'item' },
		deleted: true,
	},
	{ name: 'Task: Created', value: 'ONTASKADD', subject: { kind: 'task' } },
	{ name: 'Task: Updated', value: 'ONTASKUPDATE', subject: { kind: 'task' } },
	{ name: 'Task: Deleted', value: 'ONTASKDELETE', subject: { kind: 'task' }, deleted: true },
	{ name: 'Task: Comment Added', value: 'ONTASKCOMMENTADD', subject: { kind: 'taskComment' } },
	{ name: 'Task: Comment Updated', value: 'ONTASKCOMMENTUPDATE', subject: { kind: 'taskComment' } },
	{
		name: 'Task: Comment Deleted',
		value: 'ONTASKCOMMENTDELETE',
		subject: { kind: 'taskComment' },
		deleted: true,
	},
	{ name: 'User: Added', value: 'ONUSERADD', subject: { kind: 'user' } },
	{ name: 'Calendar: Event Created', value: 'ONCALENDARENTRYADD', subject: { kind: 'calendar' } },
	{
		name: 'Calendar: Event Updated',
		value: 'ONCALENDARENTRYUPDATE',
		subject: { kind: 'calendar' },
	},
	{
		name: 'Calendar: Event Deleted',
		value: 'ONCALENDARENTRYDELETE',
		subject: { kind: 'calendar' },
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

/**
 * What the Bitrix24 node does. n8n's "add node" panel merges a trigger into the action node of the
 * same name (`bitrix24Trigger` → `bitrix24`) and shows the trigger's description over the merged
 * list of actions and triggers, so both nodes carry this one text.
 */
export const BITRIX24_DESCRIPTION =
	'Work with Bitrix24 CRM, users, tasks, calendar, chats and Disk, and call any Bitrix24 REST method';

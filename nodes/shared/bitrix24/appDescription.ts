/**
 * What the Bitrix24 node does. n8n's "add node" panel merges a trigger into the action node of the
 * same name (`bitrix24Trigger` → `bitrix24`) and shows the trigger's description over the merged
 * list of actions and triggers, so both nodes carry this one text.
 */
export const BITRIX24_DESCRIPTION =
	'Work with Bitrix24 CRM, users, tasks, calendar, chats and Disk, and call any Bitrix24 REST method';

/** What the Open Lines node and its trigger do (one text for both, as above). */
export const OPEN_LINES_DESCRIPTION =
	'Bridge any chat channel into Bitrix24 Open Lines: customers write, operators answer in Bitrix24';

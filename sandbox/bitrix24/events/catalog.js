'use strict';

/**
 * Event names and their properties (PROTOCOL.md §6.2, §6.4): which events the sandbox adds
 * to those the CRM modules register, the scope an event belongs to (event.bind answers
 * ERROR_EVENT_NOT_FOUND for an event outside the app's scope), and which events are sent with a
 * refresh token or with no tokens at all.
 */

/** Events emitted by sandbox/bitrix24/events/emitters.js that no method module registers. */
const EMITTED_EVENTS = [
	'ONCRMQUOTEADD',
	'ONCRMQUOTEUPDATE',
	'ONCRMQUOTEDELETE',
	'ONCRMDYNAMICITEMADD',
	'ONCRMDYNAMICITEMUPDATE',
	'ONCRMDYNAMICITEMDELETE',
	'ONTASKADD',
	'ONTASKUPDATE',
	'ONTASKDELETE',
	'ONTASKCOMMENTADD',
	'ONTASKCOMMENTUPDATE',
	'ONTASKCOMMENTDELETE',
	'ONUSERADD',
	'ONCALENDARENTRYADD',
	'ONCALENDARENTRYUPDATE',
	'ONCALENDARENTRYDELETE',
];

/** App lifecycle events (global scope); only sent by sb.emitEvent(). */
const APP_EVENTS = [
	'ONAPPINSTALL',
	'ONAPPUPDATE',
	'ONAPPUNINSTALL',
	'ONAPPTEST',
	'ONOFFLINEEVENT',
	'ONSUBSCRIPTIONRENEW',
];

/**
 * `sendRefreshToken` events ([SRC] rest_provider.php, event.php): auth carries refresh_token.
 * ONAPPTEST (event.test) too, as the app events of rest_provider.php are sent.
 */
const WITH_REFRESH_TOKEN = new Set([
	'ONAPPINSTALL',
	'ONAPPUPDATE',
	'ONAPPTEST',
	'ONOFFLINEEVENT',
	'ONSUBSCRIPTIONRENEW',
]);

/** Events whose auth carries no OAuth tokens, only the portal data and application_token. */
const WITHOUT_TOKENS = new Set(['ONAPPUNINSTALL']);

/** Scope by event-name prefix, longest prefix first. */
const PREFIX_SCOPES = [
	['ONIMCONNECTOR', 'imconnector'],
	['ONIMBOT', 'imbot'],
	['ONOPENLINE', 'imopenlines'],
	['ONSESSION', 'imopenlines'],
	['ONEXTERNALCALL', 'telephony'],
	['ONVOXIMPLANT', 'telephony'],
	['ONSONETGROUP', 'sonet_group'],
	['ONCALENDAR', 'calendar'],
	['ONCRM', 'crm'],
	['ONTASK', 'task'],
	['ONUSER', 'user'],
	['ONIM', 'im'],
];

/** Per-type smart-process events: ONCRMDYNAMICITEMADD_147. */
const DYNAMIC_TYPE_EVENT = /^ONCRMDYNAMICITEM(ADD|UPDATE|DELETE)_(\d+)$/;

/**
 * The scope an event belongs to; 'global' needs none.
 * @param {string} name UPPER
 * @param {Map<string, string>} [custom] scopes given to sb.registerEvents()
 */
function eventScope(name, custom) {
	if (custom && custom.has(name)) return /** @type {string} */ (custom.get(name));
	const hit = PREFIX_SCOPES.find(([prefix]) => name.startsWith(prefix));
	return hit ? hit[1] : 'global';
}

/**
 * Whether event.bind knows the event: registered names plus the per-type smart-process events of
 * existing types (not quotes, which have their own events).
 * @param {import('../index').SandboxState} state @param {string} name UPPER
 */
function isKnownEvent(state, name) {
	if (state.registry.events.has(name)) return true;
	const m = DYNAMIC_TYPE_EVENT.exec(name);
	if (!m) return false;
	const entityTypeId = Number(m[2]);
	return entityTypeId !== 7 && state.dynamicTypes.has(entityTypeId);
}

module.exports = {
	EMITTED_EVENTS,
	APP_EVENTS,
	WITH_REFRESH_TOKEN,
	WITHOUT_TOKENS,
	eventScope,
	isKnownEvent,
};

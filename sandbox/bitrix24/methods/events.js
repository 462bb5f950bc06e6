'use strict';

/**
 * Event subscriptions: event.bind / event.unbind / event.get (PROTOCOL.md §6.1) and
 * event.test, following `Bitrix\Rest\Api\Event` and `HandlerHelper::checkCallback`. Webhooks
 * get 403 WRONG_AUTH_TYPE (checked by the dispatcher from `authTypes`); for OAuth callers the
 * rows live in the event hub (state.events, sandbox/bitrix24/events/hub.js), per application
 * (OAuth client), which also delivers the events raised by REST calls
 * (sandbox/bitrix24/events/emitters.js).
 *
 * - `auth_type` is the user whose tokens the handler receives. A non-admin may only name
 *   themselves, and a non-admin's handler without auth_type is stored with their own ID; an
 *   admin's stays 0 (= whoever triggers the event).
 * - The handler URL needs a host, a dot in it (not first; switch with `strictEventHandlerHost`,
 *   off by default so tests can use 127.0.0.1/localhost — 127.0.0.1 passes the real check too)
 *   and http/https. `unreachableEventHandlerHosts` simulates a refused handler host.
 * - The event must be known and within the app's scope (else ERROR_EVENT_NOT_FOUND).
 */

const { RestError, Errors } = require('../errors');
const { upperKeys, strval, intval } = require('../php');
const { findUser } = require('../users');
const { EMITTED_EVENTS, APP_EVENTS, eventScope, isKnownEvent } = require('../events/catalog');

const accessDenied = (text) => new RestError('ACCESS_DENIED', `Access denied! ${text}`, 403);

/** Reads EVENT and EVENT_TYPE like the real methods (ArgumentNullException / ArgumentException). */
function readCommon(q) {
	const event = strval(q.EVENT ?? '').toUpperCase();
	if (event === '') throw Errors.argument("Argument 'EVENT' is null or empty", 'EVENT');
	const type = strval(q.EVENT_TYPE ?? '').toLowerCase() || 'online';
	if (type !== 'online' && type !== 'offline') {
		throw Errors.argument('Value must be one of {online|offline}', 'EVENT_TYPE');
	}
	return { event, offline: type === 'offline' };
}

/**
 * HandlerHelper::checkCallback: a host (with a dot after its first character when strict), then
 * the scheme.
 * @param {string} handler @param {import('../index').SandboxState['options']} options
 */
function checkHandlerUrl(handler, options) {
	let url;
	try {
		url = new URL(handler);
	} catch {
		url = null;
	}
	const host = url ? url.hostname : '';
	if (!host || (options.strictEventHandlerHost && !(host.indexOf('.') > 0))) {
		throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
	}
	if (url && url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new RestError('ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported handler protocol', 400);
	}
	const refused = (options.unreachableEventHandlerHosts || []).map((h) => String(h).toLowerCase());
	if (
		url &&
		(refused.includes(url.hostname.toLowerCase()) || refused.includes(url.host.toLowerCase()))
	) {
		// Sandbox simulation: the real server does not probe the host; this reuses its URL error.
		throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
	}
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function bind(params, ctx) {
	const { state, auth } = ctx;
	const q = upperKeys(params);
	const admin = findUser(state.users, auth.userId).ADMIN;
	let userId = intval(q.AUTH_TYPE ?? 0);
	if (userId > 0) {
		if (!admin && userId !== auth.userId)
			throw accessDenied('Event binding with AUTH_TYPE requires administrator access rights');
	} else if (!admin) {
		userId = auth.userId;
	}
	const { event, offline } = readCommon(q);
	let handler = strval(q.HANDLER ?? '');
	if (offline) {
		if (!admin) throw accessDenied('Offline events binding requires administrator access rights');
		handler = '';
		userId = 0;
	} else if (handler === '') {
		throw Errors.argument("Argument 'HANDLER' is null or empty", 'HANDLER');
	}
	if (handler !== '') checkHandlerUrl(handler, state.options);

	const scope = eventScope(event, state.events.customScopes);
	const inScope = scope === 'global' || auth.scopes.includes(scope);
	if (!inScope || !isKnownEvent(state, event)) {
		throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found', 400);
	}
	const row = state.events.addBinding({
		clientId: /** @type {string} */ (auth.clientId),
		event,
		handler,
		userId,
		offline,
	});
	if (!row) throw Errors.core('Unable to set event handler: Handler already binded');
	return true;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function unbind(params, ctx) {
	const { state, auth } = ctx;
	const q = upperKeys(params);
	const admin = findUser(state.users, auth.userId).ADMIN;
	const { event, offline } = readCommon(q);
	let handler = strval(q.HANDLER ?? '');
	if (offline) {
		if (!admin) throw accessDenied('Offline events unbinding requires administrator access rights');
		handler = '';
	} else if (handler === '') {
		throw Errors.argument("Argument 'HANDLER' is null or empty", 'HANDLER');
	}
	/** @type {number|null} null = any user */
	let userId = null;
	if (!offline) {
		if (q.AUTH_TYPE !== undefined && q.AUTH_TYPE !== null) {
			// The real check is a strict `!==` against an int: a string AUTH_TYPE (form/query) is
			// always refused for non-admins, a JSON number of their own ID passes.
			if (!admin && q.AUTH_TYPE !== auth.userId)
				throw accessDenied('Event unbinding with AUTH_TYPE requires administrator access rights');
			userId = intval(q.AUTH_TYPE);
		} else if (!admin) {
			userId = auth.userId;
		}
	}
	const count = state.events.removeRows(
		(r) =>
			r.kind === 'app' &&
			r.clientId === auth.clientId &&
			r.event === event &&
			r.handler === handler &&
			(userId === null || r.userId === userId),
	);
	return { count };
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function get(params, ctx) {
	const { state, auth } = ctx;
	const admin = findUser(state.users, auth.userId).ADMIN;
	return state.events
		.appRows(auth.clientId)
		.filter((r) => admin || r.userId === auth.userId)
		.map((r) =>
			r.handler !== ''
				? { event: r.event, handler: r.handler, auth_type: String(r.userId), offline: 0 }
				: { event: r.event, connector_id: '', offline: 1 },
		);
}

/**
 * event.test (`Bitrix\Rest\Api\Event::eventTest`): raises ONAPPTEST for the calling application
 * only (rest_provider.php `OnAppEvent` refuses other apps' handlers), with the call's parameters as
 * `QUERY` and the portal language as `LANGUAGE_ID`, sent with the caller's tokens.
 * @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx
 */
function test(params, ctx) {
	const { state, auth } = ctx;
	state.events.emit(
		'ONAPPTEST',
		{ QUERY: params, LANGUAGE_ID: 'en' },
		{ userId: auth.userId, clientId: auth.clientId },
	);
	return true;
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const oauthOnly = { authTypes: /** @type {Array<'oauth'>} */ (['oauth']) };
	registry.registerEvents(APP_EVENTS);
	registry.registerEvents(EMITTED_EVENTS);
	registry.register('event.bind', bind, oauthOnly);
	registry.register('event.unbind', unbind, oauthOnly);
	registry.register('event.get', get, oauthOnly);
	registry.register('event.test', test, oauthOnly);
}

module.exports = { register, checkHandlerUrl };

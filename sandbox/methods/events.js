'use strict';

/**
 * Event subscriptions: event.bind / event.unbind / event.get (protocol reference §6.1).
 * Webhooks get 403 WRONG_AUTH_TYPE (checked by the dispatcher from `authTypes`). For OAuth
 * callers the bindings are stored and listed; delivering events to handlers is not part of
 * the sandbox yet (it belongs in a dispatcher module fed by entity writes).
 */

const { RestError, Errors } = require('../errors');
const { upperKeys, strval, intval } = require('../php');
const { findUser } = require('../users');

const APP_EVENTS = ['ONAPPINSTALL', 'ONAPPUPDATE', 'ONAPPUNINSTALL', 'ONAPPTEST', 'ONOFFLINEEVENT'];

/**
 * @typedef {{event: string, handler: string, authType: string, offline: boolean}} EventBinding
 */

/** Reads and validates the common params of bind/unbind. */
function readBinding(params, { requireHandler }) {
	const q = upperKeys(params);
	const event = strval(q.EVENT).toUpperCase();
	if (!event) throw Errors.argument("Argument 'EVENT' is null or empty", 'EVENT');
	const type =
		q.EVENT_TYPE === undefined || q.EVENT_TYPE === null
			? 'online'
			: strval(q.EVENT_TYPE).toLowerCase();
	if (type !== 'online' && type !== 'offline') {
		throw Errors.argument('Value must be one of {online|offline}', 'EVENT_TYPE');
	}
	const handler = strval(q.HANDLER);
	if (type === 'online' && requireHandler && !handler) {
		throw Errors.argument("Argument 'HANDLER' is null or empty", 'HANDLER');
	}
	const authType =
		q.AUTH_TYPE === undefined || q.AUTH_TYPE === null ? '0' : String(intval(q.AUTH_TYPE));
	return {
		event,
		handler: type === 'online' ? handler : '',
		authType,
		offline: type === 'offline',
	};
}

/** @param {string} handler @param {boolean} requireDottedHost */
function checkHandlerUrl(handler, requireDottedHost) {
	let url;
	try {
		url = new URL(handler);
	} catch {
		throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new RestError('ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported event handler protocol', 400);
	}
	// The real server rejects hosts without a dot (so localhost); the sandbox allows them unless asked.
	if (!url.hostname || (requireDottedHost && !url.hostname.includes('.'))) {
		throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
	}
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const oauthOnly = { authTypes: /** @type {Array<'oauth'>} */ (['oauth']) };
	registry.registerEvents(APP_EVENTS);

	registry.register(
		'event.bind',
		(params, ctx) => {
			const { state } = ctx;
			const binding = readBinding(params, { requireHandler: true });
			if (!state.registry.events.has(binding.event)) {
				throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found', 400);
			}
			const admin = findUser(state.users, ctx.auth.userId).ADMIN;
			if (binding.offline && !admin) {
				throw new RestError(
					'ACCESS_DENIED',
					'Access denied! Offline events binding requires administrator access rights',
					403,
				);
			}
			if (!binding.offline) checkHandlerUrl(binding.handler, state.options.strictEventHandlerHost);
			const duplicate = state.eventBindings.some(
				(b) =>
					b.event === binding.event &&
					b.handler === binding.handler &&
					b.offline === binding.offline,
			);
			if (duplicate) throw Errors.core('Unable to set event handler: Handler already binded');
			state.eventBindings.push(binding);
			return true;
		},
		oauthOnly,
	);

	registry.register(
		'event.unbind',
		(params, ctx) => {
			const binding = readBinding(params, { requireHandler: true });
			const before = ctx.state.eventBindings.length;
			ctx.state.eventBindings = ctx.state.eventBindings.filter(
				(b) =>
					!(
						b.event === binding.event &&
						b.offline === binding.offline &&
						(binding.offline || b.handler === binding.handler)
					),
			);
			return { count: before - ctx.state.eventBindings.length };
		},
		oauthOnly,
	);

	registry.register(
		'event.get',
		(params, ctx) =>
			ctx.state.eventBindings.map((b) =>
				b.offline
					? { event: b.event, connector_id: '', offline: 1 }
					: { event: b.event, handler: b.handler, auth_type: b.authType, offline: 0 },
			),
		oauthOnly,
	);
}

module.exports = { register };

'use strict';

/**
 * Event handlers and event delivery (PROTOCOL.md §6). The hub keeps the portal's handler
 * table — rows added by event.bind (applications) and by outgoing webhooks set up "by hand" —
 * turns raised events into deliveries, sends them after the REST answer that raised them, and
 * records every attempt. There are no retries, as on the real portal.
 *
 * Auth of a delivery (§6.2, [SRC] lib/event/sender.php):
 * - application: tokens of the handler's user (`auth_type`) or else of the acting user, issued by
 *   the sandbox's OAuth token store: access_token, expires, expires_in, scope, domain,
 *   server_endpoint, status, client_endpoint, member_id, user_id, [refresh_token],
 *   application_token; refresh_token only for the sendRefreshToken events (ONAPPINSTALL…);
 *   with no user (sb.emitEvent with userId 0) or for ONAPPUNINSTALL only the portal data;
 * - outgoing webhook: domain, client_endpoint, server_endpoint, member_id, application_token.
 */

const crypto = require('node:crypto');
const { httpBuildQuery, parseStr } = require('../php-query');
const { EMITTERS } = require('./emitters');
const { WITH_REFRESH_TOKEN, WITHOUT_TOKENS } = require('./catalog');
const { postForm } = require('./sender');
const { afterCurrentResponse } = require('./response-gate');

/**
 * @typedef {object} HandlerRow one row of the portal's handler table
 * @property {number} id `event_handler_id`
 * @property {'app'|'webhook'} kind event.bind of an application, or an outgoing webhook
 * @property {string} event UPPER
 * @property {string} handler URL ('' for an offline binding)
 * @property {number} userId `auth_type` (USER_ID): whose tokens are sent; 0 = the acting user
 * @property {boolean} offline
 * @property {string|null} clientId the application's OAuth client id (kind 'app')
 * @property {number|null} webhookId (kind 'webhook')
 * @property {string|null} applicationToken the outgoing webhook's token (kind 'webhook')
 */

/**
 * @typedef {object} DeliveryRecord one delivery attempt
 * @property {number} n sequence number (emission order)
 * @property {string} event
 * @property {number} handlerId
 * @property {string} handler URL
 * @property {'app'|'webhook'} target
 * @property {string} applicationToken
 * @property {number} userId user whose tokens were sent (0: none)
 * @property {number} at sandbox clock (ms) when the event was raised
 * @property {string} body the form-encoded request body
 * @property {Record<string, any>} payload the body as the handler parses it (all strings)
 * @property {'pending'|'done'} state
 * @property {number|null} status HTTP status of the handler's answer
 * @property {string|null} error 'timeout', 'unreachable', a connection error code, or null
 * @property {number|null} durationMs
 * @property {number} attempts always 1 (no retries)
 */

/** 32 lowercase base-36 characters, like the tokens Bitrix24 generates. */
function randomToken() {
	let out = '';
	for (const b of crypto.randomBytes(32)) out += (b % 36).toString(36);
	return out;
}

class EventHub {
	/**
	 * @param {{options: import('../index').SandboxState['options'],
	 *   clock: import('../clock').Clock, tokens: import('../oauth').TokenStore}} deps
	 */
	constructor({ options, clock, tokens }) {
		this.options = options;
		this.clock = clock;
		this.tokens = tokens;
		/** @type {Map<string, string>} scopes of events added by sb.registerEvents() */
		this.customScopes = new Map();
		/** @type {Set<Promise<void>>} deliveries not finished yet */
		this.pending = new Set();
		/** @type {Map<string, Promise<void>>} last delivery per handler URL (one at a time, in order) */
		this.lanes = new Map();
		/** how many asRobot() calls are running: their REST calls raise events with no user */
		this.robots = 0;
		this.reset();
	}

	/** Forgets handlers, outgoing webhooks and the delivery log (deliveries in flight still end). */
	reset() {
		/** @type {HandlerRow[]} */
		this.rows = [];
		/** @type {DeliveryRecord[]} */
		this.log = [];
		this.nextHandlerId = 1;
		this.nextWebhookId = 1;
		this.deliveries = 0;
	}

	/**
	 * The application token of an OAuth client: constant per client (`options.oauth.applicationToken`
	 * for the local app when set, otherwise derived from the portal and the client id).
	 * @param {string} clientId
	 */
	applicationToken(clientId) {
		const { oauth } = this.options;
		if (clientId === oauth.clientId && oauth.applicationToken) return oauth.applicationToken;
		return crypto
			.createHash('md5')
			.update(`${this.tokens.memberId}:${clientId}:application_token`)
			.digest('hex');
	}

	// ----- handler table -----

	/**
	 * Adds an application's handler (event.bind); null when the same row exists already.
	 * @param {{clientId: string, event: string, handler: string, userId: number, offline: boolean}} b
	 * @returns {HandlerRow|null}
	 */
	addBinding(b) {
		const duplicate = this.rows.some(
			(r) =>
				r.kind === 'app' &&
				r.clientId === b.clientId &&
				r.event === b.event &&
				r.handler === b.handler &&
				r.userId === b.userId &&
				r.offline === b.offline,
		);
		if (duplicate) return null;
		/** @type {HandlerRow} */
		const row = {
			id: this.nextHandlerId++,
			kind: 'app',
			event: b.event,
			handler: b.handler,
			userId: b.userId,
			offline: b.offline,
			clientId: b.clientId,
			webhookId: null,
			applicationToken: null,
		};
		this.rows.push(row);
		return row;
	}

	/** An application's rows, in ID order. @param {string|null} clientId */
	appRows(clientId) {
		return this.rows.filter((r) => r.kind === 'app' && r.clientId === clientId);
	}

	/**
	 * Deletes the rows matching a predicate. @param {(row: HandlerRow) => boolean} test
	 * @returns {number} how many
	 */
	removeRows(test) {
		const before = this.rows.length;
		this.rows = this.rows.filter((r) => !test(r));
		return before - this.rows.length;
	}

	/**
	 * An outgoing webhook (Developer resources → Other → Outgoing webhook): one handler row per
	 * event, all with the webhook's application token.
	 * @param {{url: string, events: string[], applicationToken?: string, userId?: number}} spec
	 */
	addOutgoingWebhook({ url, events, applicationToken, userId }) {
		let parsed;
		try {
			parsed = new URL(String(url));
		} catch {
			throw new Error(`Outgoing webhook: invalid handler URL '${url}'`);
		}
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
			throw new Error('Outgoing webhook: the handler URL must be http or https');
		const names = [...new Set((events || []).map((e) => String(e).toUpperCase()))];
		if (names.length === 0) throw new Error('Outgoing webhook: pick at least one event');
		const token = applicationToken ? String(applicationToken) : randomToken();
		const webhookId = this.nextWebhookId++;
		const handlerIds = names.map((event) => {
			const id = this.nextHandlerId++;
			this.rows.push({
				id,
				kind: 'webhook',
				event,
				handler: String(url),
				userId: userId ?? this.options.webhook.userId,
				offline: false,
				clientId: null,
				webhookId,
				applicationToken: token,
			});
			return id;
		});
		return { id: webhookId, url: String(url), events: names, applicationToken: token, handlerIds };
	}

	/** Outgoing webhooks with their events and handler IDs. */
	outgoingWebhooks() {
		/** @type {Map<number, {id: number, url: string, events: string[], applicationToken: string, handlerIds: number[]}>} */
		const byId = new Map();
		for (const r of this.rows) {
			if (r.kind !== 'webhook' || r.webhookId === null) continue;
			let w = byId.get(r.webhookId);
			if (!w) {
				w = {
					id: r.webhookId,
					url: r.handler,
					events: [],
					applicationToken: /** @type {string} */ (r.applicationToken),
					handlerIds: [],
				};
				byId.set(r.webhookId, w);
			}
			w.events.push(r.event);
			w.handlerIds.push(r.id);
		}
		return [...byId.values()];
	}

	// ----- raising events -----

	/**
	 * Called by the dispatcher before a method handler runs: null when the call raises no events
	 * (or nobody listens), otherwise a commit function to call once the method has succeeded.
	 * @param {string} method lower-cased
	 * @param {Record<string, any>} params
	 * @param {import('../dispatch').Auth} auth
	 * @param {import('../index').SandboxState} state
	 * @returns {{commit: (result: unknown) => void}|null}
	 */
	prepare(method, params, auth, state) {
		if (this.rows.length === 0) return null;
		const emitter = EMITTERS.get(method);
		if (!emitter) return null;
		const userId = this.robots > 0 ? 0 : auth.userId;
		try {
			const before = emitter.before ? emitter.before(params, state) : undefined;
			return {
				commit: (result) => {
					try {
						for (const [event, data] of emitter.after({ params, result, before, state })) {
							this.emit(event, data, { userId });
						}
					} catch (err) {
						process.emitWarning(`sandbox: events of ${method} not raised: ${err}`);
					}
				},
			};
		} catch (err) {
			process.emitWarning(`sandbox: events of ${method} not prepared: ${err}`);
			return null;
		}
	}

	/**
	 * Runs `fn` the way a robot or business process acts: the events its REST calls raise carry no
	 * user, so applications get `auth` without access_token/refresh_token (§6.2). Handlers bound
	 * with `auth_type` still get that user's tokens.
	 * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
	 */
	async asRobot(fn) {
		this.robots++;
		try {
			return await fn();
		} finally {
			this.robots--;
		}
	}

	/**
	 * Raises an event: queues one delivery per online handler row of that event. Deliveries start
	 * after the current REST answer (if any) has been sent; deliveries to the same handler URL go
	 * one at a time in the order raised (so tests see a stable order; a slow handler delays its
	 * later events, as on the real queue).
	 * @param {string} event any case
	 * @param {Record<string, unknown>} data
	 * @param {{userId?: number, clientId?: string|null}} [options] acting user (0: none, so
	 *   applications get no tokens); clientId: only that application's handlers (app events)
	 * @returns {number} deliveries queued
	 */
	emit(event, data, { userId = 0, clientId } = {}) {
		const name = String(event).toUpperCase();
		const targets = this.rows.filter(
			(r) =>
				r.event === name &&
				!r.offline &&
				r.handler !== '' &&
				(clientId === undefined || (r.kind === 'app' && r.clientId === clientId)),
		);
		if (targets.length === 0) return 0;
		const ts = Math.floor(this.clock.now() / 1000);
		const gate = afterCurrentResponse();
		for (const row of targets) {
			const record = this.record(row, name, data, ts, userId);
			const lane = row.handler;
			const delivery = Promise.all([gate, this.lanes.get(lane)])
				.then(() => this.send(record))
				.finally(() => {
					this.pending.delete(delivery);
					if (this.lanes.get(lane) === delivery) this.lanes.delete(lane);
				});
			this.pending.add(delivery);
			this.lanes.set(lane, delivery);
		}
		return targets.length;
	}

	/**
	 * Builds the request of one delivery and logs it as pending.
	 * @param {HandlerRow} row @param {string} event @param {Record<string, unknown>} data
	 * @param {number} ts @param {number} actingUserId
	 */
	record(row, event, data, ts, actingUserId) {
		const userId = row.kind === 'webhook' ? 0 : row.userId > 0 ? row.userId : actingUserId;
		const applicationToken =
			row.kind === 'webhook'
				? /** @type {string} */ (row.applicationToken)
				: this.applicationToken(/** @type {string} */ (row.clientId));
		const auth = this.auth(row.kind, event, userId, applicationToken);
		const body = httpBuildQuery({ event, event_handler_id: row.id, data, ts, auth });
		/** @type {DeliveryRecord} */
		const record = {
			n: ++this.deliveries,
			event,
			handlerId: row.id,
			handler: row.handler,
			target: row.kind,
			applicationToken,
			userId: 'access_token' in auth ? userId : 0,
			at: this.clock.now(),
			body,
			payload: parseStr(body),
			state: 'pending',
			status: null,
			error: null,
			durationMs: null,
			attempts: 1,
		};
		this.log.push(record);
		return record;
	}

	/**
	 * The `auth` block of a delivery.
	 * @param {'app'|'webhook'} kind @param {string} event @param {number} userId
	 * @param {string} applicationToken
	 */
	auth(kind, event, userId, applicationToken) {
		const ep = this.tokens.endpoints();
		const memberId = this.tokens.memberId;
		if (kind === 'webhook' || userId <= 0 || WITHOUT_TOKENS.has(event)) {
			return {
				domain: ep.domain,
				client_endpoint: ep.clientEndpoint,
				server_endpoint: ep.serverEndpoint,
				member_id: memberId,
				application_token: applicationToken,
			};
		}
		const t = this.tokens.issueTokens({ userId });
		/** @type {Record<string, unknown>} */
		const auth = {
			access_token: t.access_token,
			expires: t.expires,
			expires_in: t.expires_in,
			scope: t.scope,
			domain: t.domain,
			server_endpoint: t.server_endpoint,
			status: t.status,
			client_endpoint: t.client_endpoint,
			member_id: t.member_id,
			user_id: t.user_id,
		};
		if (WITH_REFRESH_TOKEN.has(event)) auth.refresh_token = t.refresh_token;
		auth.application_token = applicationToken;
		return auth;
	}

	/** Sends one delivery (once) and records the outcome. @param {DeliveryRecord} record */
	async send(record) {
		if (this.isUnreachable(record.handler)) {
			Object.assign(record, { state: 'done', error: 'unreachable', durationMs: 0 });
			return;
		}
		const result = await postForm(record.handler, record.body, {
			timeoutMs: this.options.eventTimeoutMs,
		});
		Object.assign(record, { state: 'done', ...result });
	}

	/** Whether a handler's host is listed in `unreachableEventHandlerHosts`. @param {string} url */
	isUnreachable(url) {
		const hosts = this.options.unreachableEventHandlerHosts || [];
		if (hosts.length === 0) return false;
		try {
			const u = new URL(url);
			return hosts.some((h) => {
				const host = String(h).toLowerCase();
				return host === u.hostname.toLowerCase() || host === u.host.toLowerCase();
			});
		} catch {
			return false;
		}
	}

	/** Waits until every queued delivery (also ones queued meanwhile) has finished. */
	async flush() {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Copies of the delivery log entries, in emission order. */
	entries() {
		return this.log.map((r) => structuredClone(r));
	}
}

module.exports = { EventHub };

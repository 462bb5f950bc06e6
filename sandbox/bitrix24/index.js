'use strict';

/**
 * The sandbox portal: a local Bitrix24 REST emulator for tests, benchmarks and demos.
 *
 *   const { createSandbox } = require('./sandbox/bitrix24');
 *   const sb = createSandbox({ bucket: false });
 *   await sb.start();
 *   await fetch(`${sb.webhookUrl}crm.lead.list`);
 *   await sb.stop();
 *
 * See sandbox/bitrix24/README.md for the options, the control API and the deviations from the
 * real server, and sandbox/bitrix24/PROTOCOL.md for the protocol facts it follows.
 */

const { Clock } = require('./clock');
const { Store } = require('./store');
const { LeakyBucket, OperatingLimiter } = require('./limits');
const { TokenStore } = require('./oauth');
const { FaultRegistry } = require('./faults');
const { RequestLog, Scrubber } = require('./request-log');
const { UserFieldRegistry } = require('./crm/user-fields');
const { createRegistry } = require('./methods');
const { leads } = require('./methods/crm-lead');
const { deals } = require('./methods/crm-deal');
const { contacts } = require('./methods/crm-contact');
const { companies } = require('./methods/crm-company');
const { StatusRegistry } = require('./crm/statuses');
const { CategoryRegistry } = require('./crm/categories');
const { DynamicTypeRegistry } = require('./crm/dynamic-types');

/** Legacy entities by the names the seed/read helpers and control routes accept. */
const ENTITIES = { lead: leads, deal: deals, contact: contacts, company: companies };
const ENTITY_ALIASES = { leads: 'lead', deals: 'deal', contacts: 'contact', companies: 'company' };

/** @param {string} name 'deal' or 'deals' (any case) */
function entityByName(name) {
	const key = String(name).toLowerCase();
	const entity = ENTITIES[ENTITY_ALIASES[key] || key];
	if (!entity) throw new Error(`Unknown entity '${name}' (lead, deal, contact, company)`);
	return entity;
}
const { DEFAULT_USERS } = require('./users');
const { defaultDepartments, publicUser } = require('./methods/user');
const { createExtras } = require('./extras');
const { publicTask } = require('./methods/tasks');
const { publicEvent } = require('./methods/calendar');
const { createHttpServer } = require('./server');
const { sleep } = require('./rest');
const { EventHub } = require('./events/hub');
const { scopeRequests } = require('./events/response-gate');
const { OpenLinesDesk } = require('./openlines/api');

const DEFAULT_SCOPES = [
	'crm',
	'user',
	'department',
	'task',
	'calendar',
	'im',
	'disk',
	'placement',
	'imopenlines',
	'imconnector',
];

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] 0 = any free port
 * @property {string} [host]
 * @property {{burst: number, drainPerSecond: number}|false} [bucket] leaky bucket, false = off
 * @property {{limitSeconds?: number, windowSeconds?: number, costSeconds?: Record<string, number>}|false} [operating]
 * @property {number} [latencyMs] added to every REST and token-endpoint answer
 * @property {number} [countCostMsPerThousandRows] extra latency of list calls that count (start >= 0)
 * @property {(ms: number) => Promise<void>} [sleep] how answers wait out `latencyMs` and COUNT costs
 *   (default: a timer); with `now`, lets a benchmark run the sandbox on a virtual clock
 * @property {{userId?: number, code?: string, scope?: string[]}} [webhook]
 * @property {{clientId?: string, clientSecret?: string, tokenTtlSeconds?: number, scope?: string,
 *   applicationToken?: string}} [oauth] applicationToken: the app's fixed token in event deliveries
 * @property {number} [seed] PRNG seed of probabilistic faults
 * @property {() => number} [now] clock, ms
 * @property {number} [utcOffsetMinutes] portal time zone of printed dates (default +03:00)
 * @property {boolean} [strictEventHandlerHost] reject event handler hosts without a dot, like the real server
 * @property {string[]} [unreachableEventHandlerHosts] hosts (`name` or `name:port`) event.bind refuses
 *   and deliveries never reach
 * @property {number} [eventTimeoutMs] how long an event delivery waits for the handler (default 10 s)
 * @property {import('./users').SandboxUser[]} [users]
 */

/**
 * @typedef {object} SandboxState
 * @property {ReturnType<typeof normalizeOptions>} options
 * @property {Clock} clock
 * @property {Store} store
 * @property {UserFieldRegistry} userFields
 * @property {StatusRegistry} statuses dictionaries and stages
 * @property {CategoryRegistry} categories pipelines
 * @property {DynamicTypeRegistry} dynamicTypes smart-process types
 * @property {Map<string, any[]>} productRows product rows by `{D|L}:{ownerId}`
 * @property {import('./methods/registry').MethodRegistry} registry
 * @property {TokenStore} tokens
 * @property {LeakyBucket|null} bucket
 * @property {OperatingLimiter|null} operating
 * @property {FaultRegistry} faults
 * @property {RequestLog} log
 * @property {Array<{at: number, httpMethod: string, grantType: string|null, status: number, error: string|null}>} tokenLog
 * @property {Scrubber} scrubber
 * @property {import('./users').SandboxUser[]} users
 * @property {Array<{ID: number, NAME: string, SORT: number, PARENT: number, UF_HEAD: number}>} departments
 * @property {ReturnType<typeof createExtras>} extras tasks, calendar, messenger and disk data
 * @property {string[]} webhookScopes
 * @property {EventHub} events event handlers (event.bind, outgoing webhooks), deliveries and their log
 * @property {number} startedAtMs
 * @property {string} [baseUrl] `sb.url` once started (disk DOWNLOAD_URL)
 */

/** @param {SandboxOptions} options */
function normalizeOptions(options = {}) {
	const bucket =
		options.bucket === undefined || options.bucket === true
			? { burst: 50, drainPerSecond: 2 }
			: options.bucket;
	const operating = options.operating === true ? {} : options.operating || false;
	return {
		port: options.port ?? 0,
		host: options.host ?? '127.0.0.1',
		bucket,
		operating,
		latencyMs: options.latencyMs ?? 0,
		countCostMsPerThousandRows: options.countCostMsPerThousandRows ?? 0,
		sleep: options.sleep ?? sleep,
		webhook: {
			userId: 1,
			code: 'sbx4wh00k5ecr3t',
			scope: DEFAULT_SCOPES,
			...(options.webhook || {}),
		},
		oauth: {
			clientId: 'local.sandbox.app',
			clientSecret: 'sandbox-secret',
			tokenTtlSeconds: 3600,
			scope: DEFAULT_SCOPES.join(','),
			...(options.oauth || {}),
		},
		seed: options.seed ?? 42,
		now: options.now ?? Date.now,
		utcOffsetMinutes: options.utcOffsetMinutes ?? 180,
		strictEventHandlerHost: options.strictEventHandlerHost ?? false,
		unreachableEventHandlerHosts: [...(options.unreachableEventHandlerHosts ?? [])],
		eventTimeoutMs: options.eventTimeoutMs ?? 10000,
		users: options.users ?? DEFAULT_USERS,
	};
}

class Sandbox {
	/** @param {SandboxOptions} [options] */
	constructor(options) {
		this.options = normalizeOptions(options);
		const o = this.options;
		const clock = new Clock(o.now, o.utcOffsetMinutes);
		const tokens = new TokenStore(o.oauth, clock, () => ({
			domain: this.url ? new URL(this.url).host : `${o.host}:${o.port}`,
			serverEndpoint: `${this.url}/rest/`,
			clientEndpoint: `${this.url}/rest/`,
		}));
		const statuses = new StatusRegistry();
		const categories = new CategoryRegistry(statuses);
		/** @type {SandboxState} */
		this.state = {
			options: o,
			clock,
			store: new Store(),
			userFields: new UserFieldRegistry(),
			statuses,
			categories,
			dynamicTypes: new DynamicTypeRegistry(categories),
			productRows: new Map(),
			registry: createRegistry(),
			tokens,
			bucket: o.bucket ? new LeakyBucket(o.bucket, o.now) : null,
			operating: o.operating ? new OperatingLimiter(o.operating, o.now) : null,
			faults: new FaultRegistry(o.seed),
			log: new RequestLog(),
			tokenLog: [],
			scrubber: new Scrubber(() => [o.webhook.code, o.oauth.clientSecret], tokens.secrets),
			users: o.users.map((u) => ({ ...u })),
			departments: defaultDepartments(),
			extras: createExtras(),
			webhookScopes: [...o.webhook.scope],
			events: new EventHub({ options: o, clock, tokens }),
			startedAtMs: clock.now(),
		};
		/** @type {string|null} */
		this.url = null;
		/** @type {import('node:http').Server|null} */
		this.server = null;
		/** Open Lines from the portal's side: lines, chats, operators' answers (openlines/api.js). */
		this.openLines = new OpenLinesDesk(this);
	}

	/** Fault injection: `sb.faults.add(fault)`, `sb.faults.clear()`, `sb.faults.list()`. */
	get faults() {
		return this.state.faults;
	}

	/** REST request log (live array). */
	get log() {
		return this.state.log.entries;
	}

	/** Token endpoint calls (live array). */
	get tokenLog() {
		return this.state.tokenLog;
	}

	/** The local app's OAuth client credentials and token URL. */
	get oauth() {
		const { clientId, clientSecret } = this.options.oauth;
		return { clientId, clientSecret, tokenUrl: `${this.url}/oauth/token/` };
	}

	get webhookUrl() {
		const { userId, code } = this.options.webhook;
		return `${this.url}/rest/${userId}/${code}/`;
	}

	/** Starts listening; resolves with the sandbox. */
	async start() {
		if (this.server) return this;
		const server = createHttpServer(this);
		scopeRequests(server);
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port, this.options.host, () => resolve(undefined));
		});
		const address = /** @type {import('node:net').AddressInfo} */ (server.address());
		this.server = server;
		this.url = `http://${this.options.host}:${address.port}`;
		this.state.baseUrl = this.url;
		return this;
	}

	/** Stops listening and closes open connections. */
	async stop() {
		const server = this.server;
		if (!server) return;
		this.server = null;
		await new Promise((resolve) => {
			server.close(() => resolve(undefined));
			server.closeAllConnections();
		});
	}

	/** @param {{userId?: number, scope?: string}} [params] a full token response */
	issueTokens(params) {
		return this.state.tokens.issueTokens(params);
	}

	/** @param {{userId?: number}} [params] an authorization code valid 30 s */
	issueAuthorizationCode(params) {
		return this.state.tokens.issueAuthorizationCode(params);
	}

	/** Every access token issued so far answers 401 expired_token. */
	expireAccessTokens() {
		this.state.tokens.expireAccessTokens();
	}

	/**
	 * Bulk-inserts leads (as the webhook user).
	 * @param {number} count
	 * @param {(i: number) => object} [makeFields] request-style fields for index i (0-based)
	 * @returns {number[]} the new IDs
	 */
	seedLeads(count, makeFields = (i) => ({ TITLE: `Lead ${i + 1}` })) {
		return leads.seed(this.state, count, makeFields, this.options.webhook.userId);
	}

	/** Stored leads as crm.lead.get prints them. */
	leads() {
		return leads.all(this.state);
	}

	/**
	 * Bulk-inserts records of a legacy entity (as the webhook user), with the same validation
	 * and defaults as crm.{entity}.add.
	 * @param {'lead'|'deal'|'contact'|'company'} entity (plural forms accepted)
	 * @param {number} count
	 * @param {(i: number) => object} [makeFields] request-style fields for index i (0-based)
	 * @returns {number[]} the new IDs
	 */
	seed(entity, count, makeFields) {
		const e = entityByName(entity);
		const title = e.config.name[0].toUpperCase() + e.config.name.slice(1);
		const make =
			makeFields ||
			((i) =>
				e.config.name === 'contact'
					? { NAME: `Contact ${i + 1}` }
					: { TITLE: `${title} ${i + 1}` });
		return e.seed(this.state, count, make, this.options.webhook.userId);
	}

	/** Stored records of a legacy entity as crm.{entity}.get prints them. @param {string} entity */
	records(entity) {
		return entityByName(entity).all(this.state);
	}

	/** @param {number} count @param {(i: number) => object} [makeFields] */
	seedDeals(count, makeFields) {
		return this.seed('deal', count, makeFields);
	}

	deals() {
		return this.records('deal');
	}

	/** @param {number} count @param {(i: number) => object} [makeFields] */
	seedContacts(count, makeFields) {
		return this.seed('contact', count, makeFields);
	}

	contacts() {
		return this.records('contact');
	}

	/** @param {number} count @param {(i: number) => object} [makeFields] */
	seedCompanies(count, makeFields) {
		return this.seed('company', count, makeFields);
	}

	companies() {
		return this.records('company');
	}

	clearLog() {
		this.state.log.clear();
	}

	/**
	 * Adds portal users with IDs after the highest existing one.
	 * @param {number} count
	 * @param {(i: number) => Partial<import('./users').SandboxUser>} [makeFields] i is 0-based
	 * @returns {number[]} the new IDs
	 */
	seedUsers(count, makeFields = (i) => ({})) {
		const users = this.state.users;
		let id = users.reduce((m, u) => Math.max(m, u.ID), 0);
		const ids = [];
		for (let i = 0; i < count; i++) {
			id++;
			users.push({
				NAME: `User${id}`,
				LAST_NAME: `Sample${id}`,
				EMAIL: `user${id}@sandbox.local`,
				ADMIN: false,
				ACTIVE: true,
				UF_DEPARTMENT: [1],
				...makeFields(i),
				ID: id,
			});
			ids.push(id);
		}
		return ids;
	}

	/** Portal users as user.get prints them. */
	users() {
		return this.state.users.map(publicUser);
	}

	/** Departments (raw: ID, NAME, SORT, PARENT, UF_HEAD as numbers). */
	departments() {
		return this.state.departments.map((d) => ({ ...d }));
	}

	/** Tasks as tasks.task.get prints them. */
	tasks() {
		return [...this.state.extras.tasks.values()].map((t) => publicTask(t, this.state));
	}

	/** Calendar events as calendar.event.getbyid prints them. */
	calendarEvents() {
		return [...this.state.extras.events.values()].map((e) => publicEvent(e, this.state));
	}

	/** Chat messages sent with im.message.add: {ID, DIALOG_ID, CHAT_ID, AUTHOR_ID, MESSAGE, SYSTEM, DATE, ...}. */
	messages() {
		return this.state.extras.messages.map((m) => ({ ...m }));
	}

	/** Notifications: {ID, TYPE: 'system'|'personal', USER_ID, FROM_USER_ID, MESSAGE, MESSAGE_OUT, TAG, SUB_TAG, DATE}. */
	notifications() {
		return this.state.extras.notifications.map((n) => ({ ...n }));
	}

	/** Disk files: {ID, NAME, FOLDER_ID, STORAGE_ID, SIZE, content (Buffer), ...}. */
	diskFiles() {
		return [...this.state.extras.disk.files.values()].map((f) => ({ ...f }));
	}

	// ----- events (sandbox/bitrix24/events/) -----

	/** The local app's application token, sent as `auth[application_token]` in its events. */
	get applicationToken() {
		return this.state.events.applicationToken(this.options.oauth.clientId);
	}

	/** The application token of any OAuth client id (constant per client). @param {string} clientId */
	applicationTokenFor(clientId) {
		return this.state.events.applicationToken(clientId);
	}

	/**
	 * Registers an outgoing webhook (Developer resources → Other → Outgoing webhook).
	 * @param {{url: string, events: string[], applicationToken?: string}} spec
	 * @returns {{id: number, url: string, events: string[], applicationToken: string, handlerIds: number[]}}
	 */
	addOutgoingWebhook(spec) {
		return this.state.events.addOutgoingWebhook(spec);
	}

	/** Deletes an outgoing webhook; returns how many handler rows went. @param {number} id */
	removeOutgoingWebhook(id) {
		return this.state.events.removeRows((r) => r.kind === 'webhook' && r.webhookId === Number(id));
	}

	/** Outgoing webhooks: {id, url, events, applicationToken, handlerIds}. */
	outgoingWebhooks() {
		return this.state.events.outgoingWebhooks();
	}

	/** Every handler row (event.bind of any app and outgoing webhooks), copies. */
	eventBindings() {
		return this.state.events.rows.map((r) => ({ ...r }));
	}

	/**
	 * Raises any event (also custom names) to its handlers, as if the portal had raised it.
	 * @param {string} event any case
	 * @param {Record<string, unknown>} [data]
	 * @param {{userId?: number}} [options] acting user whose tokens apps get (default: the webhook
	 *   user, 1); 0 = no user, so no tokens (robots, workflows)
	 * @returns {number} deliveries queued
	 */
	emitEvent(event, data = {}, options = {}) {
		return this.state.events.emit(event, data, {
			userId: options.userId ?? this.options.webhook.userId,
		});
	}

	/**
	 * Runs `fn` as a robot or business process: events raised by its REST calls carry no user, so
	 * applications get no tokens (only the portal data and application_token).
	 * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
	 */
	asRobot(fn) {
		return this.state.events.asRobot(fn);
	}

	/**
	 * Makes event.bind accept more event names (kept across reset()).
	 * @param {string[]} names
	 * @param {{scope?: string}} [options] the scope an app needs (default: by prefix, else none)
	 */
	registerEvents(names, options = {}) {
		const upper = names.map((n) => String(n).toUpperCase());
		this.state.registry.registerEvents(upper);
		if (options.scope) for (const n of upper) this.state.events.customScopes.set(n, options.scope);
	}

	/** Waits until every queued event delivery has finished. */
	flushEvents() {
		return this.state.events.flush();
	}

	/** Delivery attempts: {n, event, handlerId, handler, target, applicationToken, status, error, body, payload, …}. */
	eventLog() {
		return this.state.events.entries();
	}

	clearEventLog() {
		this.state.events.log = [];
	}

	/**
	 * Changes event options at run time.
	 * @param {{strictEventHandlerHost?: boolean, unreachableEventHandlerHosts?: string[], eventTimeoutMs?: number}} changes
	 */
	setEventOptions(changes) {
		const o = this.options;
		if (changes.strictEventHandlerHost !== undefined)
			o.strictEventHandlerHost = !!changes.strictEventHandlerHost;
		if (changes.unreachableEventHandlerHosts !== undefined)
			o.unreachableEventHandlerHosts = [...changes.unreachableEventHandlerHosts];
		if (changes.eventTimeoutMs !== undefined) o.eventTimeoutMs = Number(changes.eventTimeoutMs);
		return {
			strictEventHandlerHost: o.strictEventHandlerHost,
			unreachableEventHandlerHosts: o.unreachableEventHandlerHosts,
			eventTimeoutMs: o.eventTimeoutMs,
		};
	}

	/**
	 * Clears data, user fields, dictionaries/stages and pipelines (back to the defaults), event
	 * handlers and outgoing webhooks, faults, all logs (also the event delivery log) and the
	 * limiters. Issued tokens stay valid; deliveries in flight still finish (flushEvents() waits).
	 */
	reset() {
		const s = this.state;
		s.store.clear();
		s.userFields.reset();
		s.statuses.reset();
		s.categories.reset();
		s.dynamicTypes.reset();
		s.productRows.clear();
		s.events.reset();
		s.users = this.options.users.map((u) => ({ ...u }));
		s.departments = defaultDepartments();
		s.extras = createExtras();
		s.faults.clear();
		s.log.clear();
		s.tokenLog.length = 0;
		if (s.bucket) s.bucket.reset();
		if (s.operating) s.operating.reset();
	}
}

/** @param {SandboxOptions} [options] */
function createSandbox(options) {
	return new Sandbox(options);
}

module.exports = { createSandbox, Sandbox, entityByName };

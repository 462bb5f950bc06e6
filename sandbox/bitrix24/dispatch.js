'use strict';

/**
 * Runs one REST method call for an already authenticated caller: scope and auth-type checks,
 * `start` consumption, the operating (method time) limit, the handler, and `next`/`total`
 * lifting. Shared by top-level requests and batch sub-calls. Around the handler it asks the event
 * hub (state.events) for the events the call raises: `prepare` before (it may read the state the
 * call changes), `commit` after success; deliveries start after the REST answer is sent.
 */

const { RestError, Errors } = require('./errors');
const { intval } = require('./php');
const { ListResult } = require('./paging');
const { buildTime } = require('./envelope');

/**
 * @typedef {object} Auth
 * @property {'webhook'|'oauth'} type
 * @property {number} userId
 * @property {string|null} clientId OAuth client id
 * @property {string[]} scopes
 * @property {string} identity key of the operating-limit counters (per webhook / per app)
 */

/**
 * @typedef {object} CallContext
 * @property {string} method lower-cased method name
 * @property {number} start the consumed `start` param (intval, 0 when absent)
 * @property {Auth} auth
 * @property {import('./index').SandboxState} state
 * @property {(ms: number) => void} addLatency extra response delay (e.g. COUNT cost)
 * @property {(method: string, params: Record<string, any>) => Promise<CallOutcome>} callSubMethod
 *   runs a batch sub-call with the same auth
 */

/**
 * @typedef {object} CallOutcome
 * @property {boolean} ok
 * @property {unknown} [result]
 * @property {number} [next]
 * @property {number} [total]
 * @property {object} [time] the sub-call `time` object
 * @property {object} [operating] `time.operating*` fields (operating limit on)
 * @property {number} [processing] handler seconds
 * @property {boolean} executed the handler ran (also when it threw)
 * @property {RestError} [error]
 */

/**
 * @param {import('./index').SandboxState} state
 * @param {{method: string, params: Record<string, any>, auth: Auth, inBatch?: boolean,
 *   addLatency: (ms: number) => void}} call
 * @returns {Promise<CallOutcome>}
 */
async function callMethod(state, call) {
	const { clock, registry, operating } = state;
	const name = String(call.method).toLowerCase();
	const startedMs = clock.now();
	let executed = false;
	try {
		const entry = registry.get(name);
		if (!entry) throw Errors.methodNotFound();
		if (call.inBatch && name === 'batch') throw Errors.batchMethodNotAllowed();
		if (entry.scope !== 'global' && !call.auth.scopes.includes(entry.scope)) {
			throw Errors.insufficientScope(call.auth.type);
		}
		if (entry.authTypes && !entry.authTypes.includes(call.auth.type)) throw Errors.wrongAuthType();

		const params = { ...call.params };
		let start = 0;
		if (params.start !== undefined && params.start !== null) {
			start = intval(params.start);
			delete params.start;
		}

		const limiter = operating && name !== 'batch' ? operating : null;
		if (limiter && limiter.isBlocked(call.auth.identity, name)) throw Errors.operationTimeLimit();

		/** @type {CallContext} */
		const ctx = {
			method: name,
			start,
			auth: call.auth,
			state,
			addLatency: call.addLatency,
			callSubMethod: (method, subParams) =>
				callMethod(state, {
					method,
					params: subParams,
					auth: call.auth,
					inBatch: true,
					addLatency: call.addLatency,
				}),
		};
		const events = state.events.prepare(name, params, call.auth, state);
		const t0 = process.hrtime.bigint();
		executed = true;
		const value = await entry.handler(params, ctx);
		const processing = Number(process.hrtime.bigint() - t0) / 1e9;
		if (limiter) limiter.record(call.auth.identity, name, processing);
		if (events) events.commit(value);

		/** @type {CallOutcome} */
		const outcome = { ok: true, executed, result: value, processing };
		if (value instanceof ListResult) {
			outcome.result = value.result;
			if (value.next !== undefined && value.next !== null) outcome.next = intval(value.next);
			if (value.total !== undefined) outcome.total = intval(value.total);
		}
		outcome.operating = operating ? operating.timeFields(call.auth.identity, name) : undefined;
		outcome.time = buildTime(clock, startedMs, clock.now(), processing, outcome.operating);
		return outcome;
	} catch (err) {
		if (err instanceof RestError) return { ok: false, executed, error: err };
		// A bug in a handler: answer like an uncaught server exception, keep the message visible.
		return { ok: false, executed, error: Errors.core(`Sandbox error: ${err && err.message}`, 500) };
	}
}

module.exports = { callMethod };

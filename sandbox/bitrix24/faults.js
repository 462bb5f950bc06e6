'use strict';

/**
 * Fault injection for REST requests. A fault fires on listed request numbers (`on`, 1-based
 * positions in the request log) and/or with a probability drawn from a seeded PRNG, optionally
 * only for one REST method (`match.restMethod`) and at most `times` times.
 *
 * Types: rateLimit (503 QUERY_LIMIT_EXCEEDED), status (given status, INTERNAL_SERVER_ERROR),
 * dropBefore (socket destroyed, not executed), dropAfter (executed, socket destroyed),
 * expireTokens (all access tokens expire right before the request), operatingLimit
 * (429 OPERATION_TIME_LIMIT). Nothing but dropAfter lets the request execute.
 */

const FAULT_TYPES = [
	'rateLimit',
	'status',
	'dropBefore',
	'dropAfter',
	'expireTokens',
	'operatingLimit',
];

/**
 * @typedef {object} Fault
 * @property {'rateLimit'|'status'|'dropBefore'|'dropAfter'|'expireTokens'|'operatingLimit'} type
 * @property {number[]} [on] request numbers
 * @property {number} [probability] 0..1
 * @property {number} [status] HTTP status for type 'status'
 * @property {{restMethod?: string}} [match]
 * @property {number} [times] how often it may fire (default: unlimited)
 */

/** mulberry32: small deterministic PRNG. @param {number} seed */
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @param {Fault} fault */
function validate(fault) {
	if (!fault || !FAULT_TYPES.includes(fault.type)) {
		throw new Error(
			`Unknown fault type ${fault && fault.type}; expected one of ${FAULT_TYPES.join(', ')}`,
		);
	}
	const hasOn = Array.isArray(fault.on) && fault.on.every((n) => Number.isInteger(n) && n > 0);
	const hasProbability =
		typeof fault.probability === 'number' && fault.probability >= 0 && fault.probability <= 1;
	if (fault.on !== undefined && !hasOn)
		throw new Error('fault.on must be an array of positive integers');
	if (fault.probability !== undefined && !hasProbability)
		throw new Error('fault.probability must be within 0..1');
	if (!hasOn && !hasProbability) throw new Error('A fault needs `on` or `probability`');
	if (
		fault.type === 'status' &&
		!(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)
	) {
		throw new Error('A status fault needs an HTTP `status`');
	}
}

class FaultRegistry {
	/** @param {number} seed */
	constructor(seed) {
		this.seed = seed;
		this.clear();
	}

	/** @param {Fault} fault */
	add(fault) {
		validate(fault);
		this.faults.push({ ...fault, remaining: fault.times ?? Infinity });
		return this;
	}

	/** Removes all faults and restarts the PRNG from the seed. */
	clear() {
		/** @type {Array<Fault & {remaining: number}>} */
		this.faults = [];
		this.random = mulberry32(this.seed);
	}

	list() {
		return this.faults.map((fault) => {
			const copy = { ...fault };
			delete copy.remaining;
			return copy;
		});
	}

	/**
	 * The faults that fire for a request (each firing uses up one of `times`).
	 * @param {{n: number, restMethod: string|null}} request
	 * @returns {Set<string>} fired types, and `status` of a fired status fault
	 */
	fire(request) {
		const fired = new Set();
		let status = null;
		for (const fault of this.faults) {
			if (fault.remaining <= 0) continue;
			const wanted = fault.match && fault.match.restMethod;
			if (wanted && String(wanted).toLowerCase() !== request.restMethod) continue;
			let fires = fault.on ? fault.on.includes(request.n) : true;
			if (fires && fault.probability !== undefined) fires = this.random() < fault.probability;
			if (!fires) continue;
			fault.remaining--;
			fired.add(fault.type);
			if (fault.type === 'status' && status === null) status = fault.status;
		}
		return Object.assign(fired, { status });
	}
}

module.exports = { FaultRegistry, FAULT_TYPES };

'use strict';

/**
 * Maps lower-cased REST method names to handlers. The server lower-cases every method name
 * (PROTOCOL.md §2.1), so lookups are case-insensitive.
 */

/**
 * @typedef {import('../dispatch').CallContext} CallContext
 * @typedef {(params: Record<string, any>, ctx: CallContext) => any} MethodHandler
 *
 * @typedef {object} MethodEntry
 * @property {string} name lower-cased method name
 * @property {MethodHandler} handler
 * @property {string} scope permission scope; 'global' needs none
 * @property {Array<'webhook'|'oauth'>|null} authTypes allowed auth types (null = any);
 *   others get 403 WRONG_AUTH_TYPE
 */

class MethodRegistry {
	constructor() {
		/** @type {Map<string, MethodEntry>} */
		this.methods = new Map();
		/** @type {Set<string>} event names (UPPER) that event.bind accepts */
		this.events = new Set();
	}

	/** @param {string[]} names */
	registerEvents(names) {
		for (const name of names) this.events.add(name.toUpperCase());
		return this;
	}

	/**
	 * @param {string} name
	 * @param {MethodHandler} handler
	 * @param {{scope?: string, authTypes?: Array<'webhook'|'oauth'>}} [options]
	 */
	register(name, handler, options = {}) {
		const key = name.toLowerCase();
		this.methods.set(key, {
			name: key,
			handler,
			scope: options.scope || 'global',
			authTypes: options.authTypes || null,
		});
		return this;
	}

	/** @param {string} name */
	get(name) {
		return this.methods.get(String(name).toLowerCase());
	}

	/** Registered method names, in registration order. */
	names() {
		return [...this.methods.keys()];
	}

	/** Scopes that have at least one method (without 'global'). */
	scopes() {
		return [...new Set([...this.methods.values()].map((m) => m.scope))].filter(
			(s) => s !== 'global',
		);
	}
}

module.exports = { MethodRegistry };

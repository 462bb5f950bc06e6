'use strict';

/**
 * The REST request log (`sb.log`) and the scrubbing that keeps secrets out of it: the webhook
 * code, the client secret, and every token or authorization code the sandbox issued are
 * replaced by '***' wherever they appear in logged params.
 */

const { deepCopy, setOwn } = require('./php');

/**
 * @typedef {object} LogEntry
 * @property {number} n 1-based position in the log
 * @property {number} at clock ms when the request arrived
 * @property {string} httpMethod
 * @property {string} path URL path, webhook code replaced by '***'
 * @property {string|null} restMethod lower-cased
 * @property {'webhook'|'oauth'|'none'} auth
 * @property {number|null} status HTTP status sent (null when the socket was dropped)
 * @property {string|null} error `error` code of an error response
 * @property {boolean} executed the method ran
 * @property {boolean} dropped the connection was destroyed instead of answered
 * @property {null|{commands: number, methods: string[]}} batch
 * @property {Record<string, any>} params method params (auth params removed)
 * @property {number} inFlight REST requests in progress when this one arrived, itself included
 */

const TOKEN_RUN = /[a-z0-9]{32,}/g;
const AUTH_KEYS = ['auth', 'access_token'];

class Scrubber {
	/** @param {() => string[]} fixedSecrets @param {Set<string>} issuedSecrets */
	constructor(fixedSecrets, issuedSecrets) {
		this.fixedSecrets = fixedSecrets;
		this.issuedSecrets = issuedSecrets;
	}

	/** @param {string} s */
	scrubString(s) {
		let out = s;
		for (const secret of this.fixedSecrets()) {
			if (secret && out.includes(secret)) out = out.split(secret).join('***');
		}
		// Tokens are 32 base-36 chars; look at every 32-char window of longer runs too.
		return out.replace(TOKEN_RUN, (run) => {
			let scrubbed = run;
			for (let i = 0; i + 32 <= run.length; i++) {
				const window = run.slice(i, i + 32);
				if (this.issuedSecrets.has(window)) scrubbed = scrubbed.split(window).join('***');
			}
			return scrubbed;
		});
	}

	/** Deep copy of params without auth params and with secrets replaced. */
	params(params) {
		const copy = deepCopy(params);
		for (const key of AUTH_KEYS) delete copy[key];
		return this.walk(copy);
	}

	walk(value) {
		if (typeof value === 'string') return this.scrubString(value);
		if (Array.isArray(value)) return value.map((v) => this.walk(v));
		if (value && typeof value === 'object') {
			const out = {};
			for (const [k, v] of Object.entries(value)) setOwn(out, k, this.walk(v));
			return out;
		}
		return value;
	}
}

class RequestLog {
	constructor() {
		/** @type {LogEntry[]} */
		this.entries = [];
		/** REST requests arrived and not answered (or dropped) yet. */
		this.inFlight = 0;
	}

	/**
	 * Appends an entry for an arriving request.
	 * @param {Omit<LogEntry, 'n'|'status'|'error'|'executed'|'dropped'|'inFlight'>} fields
	 * @returns {LogEntry}
	 */
	open(fields) {
		const entry = {
			n: this.entries.length + 1,
			at: fields.at,
			httpMethod: fields.httpMethod,
			path: fields.path,
			restMethod: fields.restMethod,
			auth: fields.auth,
			status: null,
			error: null,
			executed: false,
			dropped: false,
			batch: fields.batch,
			params: fields.params,
			inFlight: this.inFlight,
		};
		this.entries.push(entry);
		return entry;
	}

	/** Counts a request in progress until `done` is called. */
	begin() {
		this.inFlight++;
		let finished = false;
		return () => {
			if (!finished) this.inFlight--;
			finished = true;
		};
	}

	/** Empties the log in place (request numbering restarts at 1). */
	clear() {
		this.entries.length = 0;
	}
}

module.exports = { RequestLog, Scrubber };

'use strict';

/**
 * Lets event deliveries start only after the REST answer that raised them has been sent, as the
 * real portal queues them in a background job after the hit. Each HTTP request of the sandbox
 * server runs inside an AsyncLocalStorage scope that holds its response; code running for that
 * request (method handlers, batch sub-calls) can wait for it with `afterCurrentResponse()`.
 */

const { AsyncLocalStorage } = require('node:async_hooks');

/** @type {AsyncLocalStorage<import('node:http').ServerResponse>} */
const scope = new AsyncLocalStorage();

/**
 * Runs the server's request listeners inside a scope holding the response.
 * @param {import('node:http').Server} server
 */
function scopeRequests(server) {
	const listeners = server.listeners('request');
	server.removeAllListeners('request');
	server.on('request', (req, res) =>
		scope.run(res, () => {
			for (const listener of listeners) listener.call(server, req, res);
		}),
	);
}

/**
 * Resolves once the response of the current request is finished or its connection closed, or on
 * the next turn of the event loop outside any request.
 * @returns {Promise<void>}
 */
function afterCurrentResponse() {
	const res = scope.getStore();
	if (!res || res.writableFinished || res.destroyed) {
		return new Promise((resolve) => setImmediate(resolve));
	}
	return new Promise((resolve) => {
		const done = () => {
			res.off('finish', done);
			res.off('close', done);
			setImmediate(resolve);
		};
		res.on('finish', done);
		res.on('close', done);
	});
}

module.exports = { scopeRequests, afterCurrentResponse };

'use strict';

/**
 * The HTTP server: reads the body and routes to the REST handler (`/rest/…`), the OAuth token
 * endpoint (`/oauth/token/`), Disk downloads and public links (`/~code`) or the control API
 * (`/_sandbox/…`).
 */

const http = require('node:http');
const { handleRest } = require('./rest');
const { handleTokenEndpoint } = require('./token-endpoint');
const { handleControl } = require('./control');
const { sendPlainJson } = require('./envelope');
const { download, publicLink } = require('./methods/disk');

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** @param {import('node:http').IncomingMessage} req @returns {Promise<Buffer>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * @param {import('./index').Sandbox} sandbox
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function route(sandbox, req, res) {
	const rawUrl = req.url || '/';
	const q = rawUrl.indexOf('?');
	const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
	const query = q === -1 ? '' : rawUrl.slice(q + 1);
	const body = await readBody(req);
	const request = { pathname, query, body };

	if (pathname.startsWith('/_sandbox/')) return handleControl(sandbox, req, res, request);
	if (pathname === '/oauth/token/' || pathname === '/oauth/token') {
		return handleTokenEndpoint(sandbox.state, req, res, request);
	}
	if (pathname === '/rest/download.json' || pathname === '/rest/download.json/') {
		const out = download(sandbox.state, query);
		res.writeHead(out.status, out.headers);
		res.end(req.method === 'HEAD' ? undefined : out.body);
		return;
	}
	if (pathname.startsWith('/~')) {
		const out = publicLink(sandbox.state, decodeURIComponent(pathname.slice(2)));
		res.writeHead(out.status, out.headers);
		res.end(req.method === 'HEAD' ? undefined : out.body);
		return;
	}
	if (pathname.startsWith('/rest/')) return handleRest(sandbox.state, req, res, request);
	sendPlainJson(res, 404, { error: 'NOT_FOUND', error_description: `Nothing at ${pathname}` });
}

/** @param {import('./index').Sandbox} sandbox */
function createHttpServer(sandbox) {
	return http.createServer((req, res) => {
		route(sandbox, req, res).catch((err) => {
			if (!res.headersSent && !res.destroyed) {
				sendPlainJson(res, 500, {
					error: 'ERROR_CORE',
					error_description: `Sandbox error: ${err && err.message}`,
				});
			}
		});
	});
}

module.exports = { createHttpServer };

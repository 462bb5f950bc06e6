'use strict';

/**
 * The sandbox control API under `/_sandbox/` (JSON in and out), for tests that drive a real
 * n8n in another process. These requests are neither logged nor rate-limited.
 *
 * GET  /_sandbox/info            URLs and OAuth client credentials
 * GET  /_sandbox/log             REST request log
 * POST /_sandbox/log/clear
 * GET  /_sandbox/token-log       token endpoint calls
 * POST /_sandbox/faults          body: a fault   → {faults: [...]}
 * POST /_sandbox/faults/clear
 * POST /_sandbox/reset
 * POST /_sandbox/seed/{entity}   body: {count, fields?} ("{i}" in string fields → 1-based index);
 *                                entity = leads | deals | contacts | companies
 * GET  /_sandbox/{entity}        leads | deals | contacts | companies
 * POST /_sandbox/expire-tokens
 * POST /_sandbox/oauth/tokens    body: {userId?} → token response
 * POST /_sandbox/oauth/code      body: {userId?} → {code}
 *
 * Events (sandbox/bitrix24/events/):
 * GET  /_sandbox/events/bindings             → {bindings: [handler rows], outgoingWebhooks: [...]}
 * POST /_sandbox/events/outgoing-webhooks    body: {url, events, applicationToken?}
 *                                            → {id, url, events, applicationToken, handlerIds}
 * POST /_sandbox/events/outgoing-webhooks/remove  body: {id} → {count}
 * POST /_sandbox/events/emit                 body: {event, data?, userId?} → {queued}
 * POST /_sandbox/events/register             body: {events: [...], scope?}
 * POST /_sandbox/events/options              body: {strictEventHandlerHost?,
 *                                            unreachableEventHandlerHosts?, eventTimeoutMs?}
 * POST /_sandbox/events/flush                waits for queued deliveries → {ok, deliveries}
 * GET  /_sandbox/events/log                  delivery attempts
 * POST /_sandbox/events/log/clear
 *
 * Open Lines (sandbox/bitrix24/openlines/api.js):
 * GET  /_sandbox/openlines                   → {lines, connectors, chats, messages, statusReports}
 * POST /_sandbox/openlines/lines             body: {name?, active?, crm?, queue?} → the line
 * POST /_sandbox/openlines/lines/delete      body: {id} → {deleted}
 * POST /_sandbox/openlines/connectors        body: {id, name?, clientId?, lines?} → the connector
 * POST /_sandbox/openlines/reply             body: {chatId, text?, files?: [{name, content (base64),
 *                                            mimeType?}], userId?} → {messageId, chatId, queued}
 * POST /_sandbox/openlines/edit              body: {messageId, text} → {messageId, queued}
 * POST /_sandbox/openlines/delete            body: {messageId} → {messageId, queued}
 * POST /_sandbox/openlines/finish            body: {chatId, userId?} → {queued}
 */

const { sendPlainJson } = require('./envelope');
const { parseJsonBody } = require('./request');
const { CONTROL_ROUTES: OPEN_LINES_ROUTES } = require('./openlines/api');

/** @param {Record<string, unknown>} template */
function fieldsFromTemplate(template) {
	return (i) => {
		const fields = {};
		for (const [k, v] of Object.entries(template)) {
			fields[k] = typeof v === 'string' ? v.replace(/\{i\}/g, String(i + 1)) : v;
		}
		return fields;
	};
}

/** @type {Record<string, (sandbox: import('./index').Sandbox, body: any) => unknown>} */
const EVENT_ROUTES = {
	'GET /_sandbox/events/bindings': (sb) => ({
		bindings: sb.eventBindings(),
		outgoingWebhooks: sb.outgoingWebhooks(),
	}),
	'POST /_sandbox/events/outgoing-webhooks': (sb, body) => sb.addOutgoingWebhook(body),
	'POST /_sandbox/events/outgoing-webhooks/remove': (sb, body) => ({
		count: sb.removeOutgoingWebhook(body.id),
	}),
	'POST /_sandbox/events/emit': (sb, body) => {
		if (!body.event) throw new Error('event is required');
		const options = body.userId === undefined ? {} : { userId: Number(body.userId) };
		return { queued: sb.emitEvent(body.event, body.data || {}, options) };
	},
	'POST /_sandbox/events/register': (sb, body) => {
		if (!Array.isArray(body.events)) throw new Error('events must be a list of names');
		sb.registerEvents(body.events, { scope: body.scope });
		return { ok: true };
	},
	'POST /_sandbox/events/options': (sb, body) => sb.setEventOptions(body),
	'POST /_sandbox/events/flush': async (sb) => {
		await sb.flushEvents();
		return { ok: true, deliveries: sb.eventLog().length };
	},
	'GET /_sandbox/events/log': (sb) => sb.eventLog(),
	'POST /_sandbox/events/log/clear': (sb) => (sb.clearEventLog(), { ok: true }),
};

/** @type {Record<string, (sandbox: import('./index').Sandbox, body: any) => unknown>} (may return a promise) */
const ROUTES = {
	'GET /_sandbox/info': (sb) => ({
		url: sb.url,
		webhookUrl: sb.webhookUrl,
		oauth: { clientId: sb.options.oauth.clientId, clientSecret: sb.options.oauth.clientSecret },
		tokenUrl: `${sb.url}/oauth/token/`,
		applicationToken: sb.applicationToken,
	}),
	'GET /_sandbox/log': (sb) => sb.log,
	'POST /_sandbox/log/clear': (sb) => (sb.clearLog(), { ok: true }),
	'GET /_sandbox/token-log': (sb) => sb.tokenLog,
	'POST /_sandbox/faults': (sb, body) => ({ faults: sb.faults.add(body).list() }),
	'POST /_sandbox/faults/clear': (sb) => (sb.faults.clear(), { ok: true }),
	'POST /_sandbox/reset': (sb) => (sb.reset(), { ok: true }),
	...Object.fromEntries(
		['leads', 'deals', 'contacts', 'companies'].flatMap((entity) => [
			[
				`POST /_sandbox/seed/${entity}`,
				(sb, body) => {
					const count = Number(body.count);
					if (!Number.isInteger(count) || count < 0)
						throw new Error('count must be a non-negative integer');
					const make = body.fields ? fieldsFromTemplate(body.fields) : undefined;
					const ids = sb.seed(entity, count, make);
					return { count, firstId: ids[0] ?? null, lastId: ids[ids.length - 1] ?? null };
				},
			],
			[`GET /_sandbox/${entity}`, (sb) => sb.records(entity)],
		]),
	),
	'POST /_sandbox/expire-tokens': (sb) => (sb.expireAccessTokens(), { ok: true }),
	'POST /_sandbox/oauth/tokens': (sb, body) => sb.issueTokens({ userId: body.userId }),
	'POST /_sandbox/oauth/code': (sb, body) => ({
		code: sb.issueAuthorizationCode({ userId: body.userId }),
	}),
	...EVENT_ROUTES,
	...OPEN_LINES_ROUTES,
};

/**
 * @param {import('./index').Sandbox} sandbox
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{pathname: string, body: Buffer}} request
 */
async function handleControl(sandbox, req, res, { pathname, body }) {
	const route = ROUTES[`${req.method} ${pathname.replace(/\/$/, '')}`];
	if (!route) {
		sendPlainJson(res, 404, {
			error: 'NOT_FOUND',
			error_description: `No control route ${req.method} ${pathname}`,
		});
		return;
	}
	try {
		const payload = body.length > 0 ? parseJsonBody(body.toString('utf8')) : {};
		sendPlainJson(res, 200, await route(sandbox, payload));
	} catch (err) {
		sendPlainJson(res, 400, {
			error: 'BAD_REQUEST',
			error_description: String(err && err.message),
		});
	}
}

module.exports = { handleControl };

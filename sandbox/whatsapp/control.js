'use strict';

/**
 * The fake's control API under `/_sandbox/` (JSON, never logged or limited): what a test or the
 * demo drives from outside the process. README.md lists the routes.
 */

function parse(raw) {
	if (!raw || !raw.length) return {};
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return null;
	}
}

/**
 * @param {any} sb the sandbox
 * @param {string} method
 * @param {string} route path after /_sandbox/
 * @param {URL} url
 * @param {Buffer} raw
 */
async function controlRoute(sb, method, route, url, raw) {
	const body = parse(raw);
	if (body === null) return { status: 400, body: { error: 'the body is not JSON' } };
	const ok = (value) => ({ status: 200, body: value });
	try {
		switch (`${method} ${route}`) {
			case 'GET info':
				return ok({
					url: sb.url,
					graphUrl: sb.graphUrl,
					appId: sb.appId,
					appSecret: sb.appSecret,
					accessToken: sb.accessToken,
					wabaId: sb.wabaId,
					phoneNumbers: sb.phoneNumbers,
					credentials: sb.credentials(),
				});
			case 'POST reset':
				sb.reset();
				return ok({ reset: true });
			case 'GET log':
				return ok(sb.log);
			case 'POST log/clear':
				sb.clearLog();
				return ok({ cleared: true });
			case 'POST faults':
				sb.faults.add(body);
				return ok({ faults: sb.faults.list() });
			case 'POST faults/clear':
				sb.faults.clear();
				return ok({ cleared: true });
			case 'GET messages':
				return ok(sb.sent.map(({ id, phoneNumberId, to, type, content, context, bizOpaqueCallbackData, at, statuses }) => ({ id, phoneNumberId, to, type, content, context, bizOpaqueCallbackData, at, statuses })));
			case 'GET read':
				return ok(sb.read);
			case 'GET deliveries':
				return ok(sb.deliveries);
			case 'GET templates':
				return ok(sb.templates);
			case 'POST templates':
				return ok(sb.addTemplate({ wabaId: sb.wabaId, status: 'APPROVED', ...body }));
			case 'GET media':
				return ok(sb.media.map(({ data, ...media }) => ({ ...media, size: data.length })));
			case 'POST inbound': {
				const { message, delivery } = await sb.receive(body);
				return ok({ message, delivery });
			}
			case 'POST status':
				return ok(await sb.status(body));
			case 'POST echo':
				return ok(await sb.echo(body));
			case 'POST callback':
				await sb.setCallback(body.url, body.verifyToken, body.fields);
				return ok({ subscribed: true });
			case 'POST auto-statuses':
				sb.setAutoStatuses(body.statuses ?? []);
				return ok({ statuses: body.statuses ?? [] });
			case 'POST undeliverable':
				sb.setUndeliverable(body.waIds ?? []);
				return ok({ waIds: body.waIds ?? [] });
			case 'POST window/open':
				sb.limits.customerWrote(body.phoneNumberId ?? sb.phoneNumberId, String(body.waId).replace(/\D/g, ''));
				return ok({ open: true });
			case 'POST window/close':
				sb.limits.closeWindow(body.phoneNumberId ?? sb.phoneNumberId, String(body.waId).replace(/\D/g, ''));
				return ok({ open: false });
			case 'POST expire-token':
				sb.expireToken();
				return ok({ expired: true });
			case 'POST idle':
				await sb.idle();
				return ok({ idle: true });
			default:
				return { status: 404, body: { error: `unknown control route ${method} /_sandbox/${route}` } };
		}
	} catch (error) {
		return { status: 400, body: { error: error.message } };
	}
}

module.exports = { controlRoute };

import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { createHash } from 'crypto';

import { CREDENTIAL_TYPE, readSettings, type GraphSettings } from '../settings';
import { explainCode, readMetaError, type MetaError } from './errors';
import { multipartBody } from './multipart';
import { pairBucket, throughputBucket, type Runtime } from './pacing';

/*
 * The only code that talks HTTP to the Graph API. Every request goes through n8n's
 * authenticated request helper with the WhatsApp Cloud API credential (the token is added there
 * and never seen here). Messages are paced to the number's throughput and the pair rate; a
 * request is sent again only when it provably did not run: Meta refused it for a rate limit, or
 * the connection was never made. Everything else fails once, with Meta's code and the fix.
 */

export type GraphContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * `read`: safe to repeat. `send`: a message (paced; repeated only when Meta refused it).
 * `write`: any other change (repeated only when Meta refused it).
 */
export type RequestKind = 'read' | 'send' | 'write';

export interface GraphRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Relative to `{base}/{version}/`, e.g. `123/messages`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	kind: RequestKind;
	/** What the request does, for messages: "send the message", "upload the media". */
	action: string;
	/** send: the customer's number (pair pacing). */
	recipient?: string;
}

export interface DownloadedMedia {
	data: Buffer;
	mimeType: string;
	sha256?: string;
	fileSize?: number;
}

type Exchange =
	| { kind: 'answer'; status: number; body: unknown; headers: IDataObject }
	| { kind: 'network'; code: string; message: string };

/** Connection errors that mean the request never left: repeating it cannot duplicate anything. */
const NEVER_CONNECTED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);
const MAX_READ_ATTEMPTS = 4;
const REQUEST_TIMEOUT_MS = 60000;
const UPLOAD_TIMEOUT_MS = 300000;

export const realRuntime: Runtime = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
};

interface ErrorLike {
	response?: { status?: number; statusCode?: number; data?: unknown; body?: unknown };
	code?: unknown;
	message?: unknown;
	cause?: unknown;
}

/** n8n wraps failed requests; find the HTTP answer or the socket error code underneath. */
function exchangeFromError(error: unknown): Exchange | undefined {
	const seen = new Set<unknown>();
	let network: Exchange | undefined;
	for (let current = error as ErrorLike | undefined; current && !seen.has(current); ) {
		seen.add(current);
		const response = current.response;
		const status = response?.status ?? response?.statusCode;
		if (response && typeof status === 'number') {
			return { kind: 'answer', status, body: response.data ?? response.body, headers: {} };
		}
		if (!network && typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code)) {
			network = {
				kind: 'network',
				code: current.code,
				message: typeof current.message === 'string' ? current.message : '',
			};
		}
		current = current.cause as ErrorLike | undefined;
	}
	return network;
}

/** Meta's error code behind an error the client threw, if any. */
export function whatsappErrorCode(error: unknown): number | undefined {
	const code = (error as { context?: { whatsappErrorCode?: unknown } })?.context?.whatsappErrorCode;
	return typeof code === 'number' ? code : undefined;
}

export class GraphClient {
	constructor(
		private readonly ctx: GraphContext,
		readonly settings: GraphSettings,
		private readonly runtime: Runtime = realRuntime,
		/** `{app-id}|{app-secret}`, for the app's own edges (webhook subscriptions); never output. */
		private readonly appToken?: string,
	) {}

	/**
	 * A request on the app's own edges (`/{app-id}/subscriptions`), which take the app access
	 * token instead of the system user's. Not repeated unless Meta refused it.
	 */
	async appRequest(
		method: 'GET' | 'POST' | 'DELETE',
		params: IDataObject,
		action: string,
	): Promise<IDataObject> {
		if (!this.appToken) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				'The credential has no App ID or App Secret',
				{
					description:
						"Setting the app's callback URL needs the app's ID and secret (App settings → Basic). Fill them in the WhatsApp Cloud API credential, or choose another Webhook Setup.",
				},
			);
		}
		const path = `${this.settings.appId}/subscriptions`;
		const withToken = { ...params, access_token: this.appToken };
		const { body } = await this.run(
			{ method, path, kind: method === 'GET' ? 'read' : 'write', action },
			{
				method,
				url: this.url(path),
				...(method === 'POST' ? { body: withToken } : { qs: withToken }),
				json: true,
			},
			false,
		);
		return (body ?? {}) as IDataObject;
	}

	/** A Graph API request; the parsed JSON answer. */
	async request(request: GraphRequest): Promise<IDataObject> {
		const { body } = await this.run(request, {
			method: request.method,
			url: this.url(request.path),
			qs: request.qs,
			body: request.body,
			json: true,
		});
		return (body ?? {}) as IDataObject;
	}

	/** Sends one message body (`messaging_product` is added) from the credential's number. */
	async sendMessage(
		message: IDataObject,
		phoneNumberId = this.settings.phoneNumberId,
	): Promise<IDataObject> {
		const to = typeof message.to === 'string' ? message.to.replace(/\D/g, '') : undefined;
		return await this.request({
			method: 'POST',
			path: `${phoneNumberId}/messages`,
			body: { messaging_product: 'whatsapp', ...message },
			kind: message.status === 'read' ? 'write' : 'send',
			recipient: to,
			action: message.status === 'read' ? 'mark the message as read' : 'send the message',
		});
	}

	/** Every row of a list edge (`{data, paging}`), following the `after` cursor. */
	async list(path: string, qs: IDataObject, limit?: number): Promise<IDataObject[]> {
		const rows: IDataObject[] = [];
		let after: string | undefined;
		for (;;) {
			const page = await this.request({
				method: 'GET',
				path,
				qs: { ...qs, ...(after ? { after } : {}) },
				kind: 'read',
				action: 'read the list',
			});
			const data = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
			rows.push(...data);
			if (limit !== undefined && rows.length >= limit) return rows.slice(0, limit);
			const paging = page.paging as IDataObject | undefined;
			const cursor = (paging?.cursors as IDataObject | undefined)?.after;
			if (!paging?.next || typeof cursor !== 'string' || data.length === 0) return rows;
			after = cursor;
		}
	}

	/** Uploads a file to the phone number's media store; Meta's media ID. */
	async uploadMedia(file: { data: Buffer; fileName: string; mimeType: string }): Promise<string> {
		const { body, contentType } = multipartBody(
			{ messaging_product: 'whatsapp', type: file.mimeType },
			{ field: 'file', ...file },
		);
		const answer = await this.run(
			{
				method: 'POST',
				path: `${this.settings.phoneNumberId}/media`,
				kind: 'write',
				action: 'upload the media',
			},
			{
				method: 'POST',
				url: this.url(`${this.settings.phoneNumberId}/media`),
				body,
				headers: { 'Content-Type': contentType },
				json: false,
				timeout: UPLOAD_TIMEOUT_MS,
			},
		);
		const parsed = parseJson(answer.body) as IDataObject | undefined;
		if (typeof parsed?.id !== 'string') {
			throw new NodeApiError(this.ctx.getNode(), { body: String(answer.body) } as JsonObject, {
				message: 'Meta answered the media upload without a media ID',
			});
		}
		return parsed.id;
	}

	/**
	 * A media file by its ID: its URL is read from the Graph API, then the file is downloaded with
	 * the same token (Meta's URL lives about 5 minutes) and checked against Meta's SHA-256.
	 */
	async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
		const info = await this.request({
			method: 'GET',
			path: encodeURIComponent(mediaId),
			qs: this.settings.phoneNumberId ? { phone_number_id: this.settings.phoneNumberId } : {},
			kind: 'read',
			action: 'look up the media',
		});
		const url = typeof info.url === 'string' ? info.url : '';
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			throw new NodeApiError(this.ctx.getNode(), { id: mediaId } as JsonObject, {
				message: `Meta gave no download URL for media ${mediaId}`,
			});
		}
		// The token goes only to Meta's https hosts or to the configured Graph API origin.
		if (target.protocol !== 'https:' && target.origin !== this.settings.origin) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Refusing to send the access token to ${target.origin}`,
				{
					description:
						"The media URL Meta returned is neither https nor on the Graph API base URL; check the credential's Graph API Base URL.",
				},
			);
		}
		const answer = await this.run(
			{ method: 'GET', path: mediaId, kind: 'read', action: 'download the media' },
			{ method: 'GET', url, json: false, encoding: 'arraybuffer' },
		);
		const data = Buffer.isBuffer(answer.body)
			? answer.body
			: Buffer.from(answer.body as ArrayBuffer);
		const sha256 = typeof info.sha256 === 'string' ? info.sha256 : undefined;
		if (sha256 && createHash('sha256').update(data).digest('hex') !== sha256.toLowerCase()) {
			throw new NodeApiError(this.ctx.getNode(), { id: mediaId } as JsonObject, {
				message: `The downloaded media ${mediaId} does not match Meta's checksum`,
				description: 'The download was incomplete or changed on the way. Run again.',
			});
		}
		return {
			data,
			mimeType:
				typeof info.mime_type === 'string'
					? info.mime_type
					: String(answer.headers['content-type'] ?? 'application/octet-stream'),
			sha256,
			fileSize: typeof info.file_size === 'number' ? info.file_size : data.length,
		};
	}

	private url(path: string): string {
		return `${this.settings.apiBase}/${path.replace(/^\/+/, '')}`;
	}

	/** One request with pacing and the retry rules; the successful answer. */
	private async run(
		request: GraphRequest,
		options: IHttpRequestOptions,
		authenticated = true,
	): Promise<{ body: unknown; headers: IDataObject }> {
		let waitedMs = 0;
		let attempt = 0;
		for (;;) {
			if (request.kind === 'send') await this.pace(request.recipient);
			const exchange = await this.exchange(options, authenticated);
			attempt++;
			if (exchange.kind === 'network') {
				const neverSent = NEVER_CONNECTED.has(exchange.code);
				if ((neverSent || request.kind === 'read') && attempt < MAX_READ_ATTEMPTS) {
					waitedMs += await this.wait(1000 * 2 ** (attempt - 1), `${exchange.code}`, request);
					continue;
				}
				throw this.networkError(request, exchange, neverSent);
			}
			const metaError = readMetaError(parseJson(exchange.body));
			if (exchange.status < 400 && !metaError) {
				return { body: exchange.body, headers: exchange.headers };
			}
			if (!metaError) {
				if (request.kind === 'read' && exchange.status >= 500 && attempt < MAX_READ_ATTEMPTS) {
					waitedMs += await this.wait(
						1000 * 2 ** (attempt - 1),
						`HTTP ${exchange.status}`,
						request,
					);
					continue;
				}
				throw this.statusError(request, exchange.status);
			}
			const explained = explainCode(metaError.code);
			const refused =
				explained.retry === 'throughput' ||
				explained.retry === 'pairRate' ||
				explained.retry === 'appRate' ||
				metaError.code === 131057;
			const repeatable = refused || (request.kind === 'read' && explained.retry === 'unavailable');
			if (repeatable) {
				const delay = this.backoff(explained.retry, attempt, request);
				const budget =
					request.kind === 'read' && !refused
						? attempt < MAX_READ_ATTEMPTS
						: waitedMs + delay <= this.settings.maxRateLimitWaitMs;
				if (budget) {
					waitedMs += await this.wait(delay, `${explained.title} (${metaError.code})`, request);
					continue;
				}
			}
			throw this.metaApiError(request, metaError, exchange.status, refused ? waitedMs : undefined);
		}
	}

	private async pace(recipient: string | undefined) {
		const { runtime, settings } = this;
		const now = runtime.now();
		const key = `${settings.origin}|${settings.phoneNumberId}`;
		let delay = throughputBucket(key, settings.throughput).reserve(now);
		if (recipient) delay = Math.max(delay, pairBucket(`${key}|${recipient}`, now).reserve(now));
		if (delay > 0) {
			this.ctx.logger?.debug(`WhatsApp: pacing, waiting ${delay} ms before the next message`);
			await runtime.sleep(delay);
		}
	}

	private backoff(retry: string, attempt: number, request: GraphRequest): number {
		const now = this.runtime.now();
		const key = `${this.settings.origin}|${this.settings.phoneNumberId}`;
		if (retry === 'pairRate') {
			// Meta's advice: wait 4^X seconds, X growing with each refusal.
			if (request.recipient) pairBucket(`${key}|${request.recipient}`, now).drain(now);
			return 1000 * 4 ** (attempt - 1);
		}
		return 1000 * 2 ** (attempt - 1);
	}

	private async wait(ms: number, reason: string, request: GraphRequest): Promise<number> {
		this.ctx.logger?.info(
			`WhatsApp: ${reason}; Meta did not run the request, waiting ${Math.round(ms / 100) / 10} s before trying again to ${request.action}`,
		);
		await this.runtime.sleep(ms);
		return ms;
	}

	private async exchange(options: IHttpRequestOptions, authenticated: boolean): Promise<Exchange> {
		const full: IHttpRequestOptions = {
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: options.timeout ?? REQUEST_TIMEOUT_MS,
			headers: { Accept: 'application/json', ...(options.headers ?? {}) },
		};
		try {
			const response = (
				authenticated
					? await this.ctx.helpers.httpRequestWithAuthentication.call(
							this.ctx,
							CREDENTIAL_TYPE,
							full,
						)
					: await this.ctx.helpers.httpRequest(full)
			) as IN8nHttpFullResponse;
			return {
				kind: 'answer',
				status: response.statusCode ?? 200,
				body: response.body,
				headers: (response.headers ?? {}) as IDataObject,
			};
		} catch (error) {
			const exchange = exchangeFromError(error);
			if (!exchange) {
				// Only the message: the request options (headers, the app token) stay out of the error.
				throw new NodeApiError(
					this.ctx.getNode(),
					{ message: String((error as Error)?.message ?? error) } as JsonObject,
					{
						message: `The request to the Graph API failed: ${String((error as Error)?.message ?? error)}`,
					},
				);
			}
			return exchange;
		}
	}

	private metaApiError(
		request: GraphRequest,
		error: MetaError,
		status: number,
		waitedMs?: number,
	): NodeApiError {
		const explained = explainCode(error.code);
		const waited =
			waitedMs !== undefined
				? ` Waited ${Math.round(waitedMs / 1000)} s (Max Wait on Rate Limits) without success; nothing was sent.`
				: '';
		const said = error.details ?? error.message;
		const apiError = new NodeApiError(
			this.ctx.getNode(),
			{
				code: error.code,
				message: error.message,
				...(error.details ? { details: error.details } : {}),
				...(error.subcode !== undefined ? { subcode: error.subcode } : {}),
				...(error.fbtraceId ? { fbtrace_id: error.fbtraceId } : {}),
			} as JsonObject,
			{
				message: `Could not ${request.action}: ${explained.title} (WhatsApp error ${error.code})`,
				description: `${explained.fix}${waited} Meta said: ${said}`,
				httpCode: String(status),
			},
		);
		apiError.context.whatsappErrorCode = error.code;
		return apiError;
	}

	private statusError(request: GraphRequest, status: number): NodeApiError {
		const uncertain = request.kind !== 'read' && status >= 500;
		return new NodeApiError(this.ctx.getNode(), { status } as JsonObject, {
			message: `Could not ${request.action}: Meta answered HTTP ${status}`,
			description: uncertain
				? 'Meta may have run the request before it failed; it was not sent again. Check (for a message: in the chat, or by its status webhook) before running again.'
				: status === 404
					? 'Not found. Check the IDs in the credential and the parameters (a download URL lives about 5 minutes).'
					: 'Check the request parameters and the credential.',
			httpCode: String(status),
		});
	}

	private networkError(
		request: GraphRequest,
		exchange: Extract<Exchange, { kind: 'network' }>,
		neverSent: boolean,
	): NodeApiError {
		return new NodeApiError(this.ctx.getNode(), { networkError: exchange.code } as JsonObject, {
			// The code stays out of the message: n8n would replace a message naming ECONNRESET & co.
			message: `Could not ${request.action}: ${neverSent ? 'Meta could not be reached' : 'the connection to Meta broke'}`,
			description: `${
				neverSent
					? "Nothing was sent. Check the network and the credential's Graph API Base URL."
					: request.kind === 'read'
						? 'Tried several times. Check the network.'
						: 'The request had been sent when the connection broke, so Meta may have run it; it was not sent again, so nothing goes out twice. Check (for a message: in the chat, or by its status webhook) before running again.'
			} (${exchange.code})`,
		});
	}
}

function parseJson(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/** Opens a client with the credential read once. */
export async function graphClient(ctx: GraphContext, runtime?: Runtime): Promise<GraphClient> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const read = readSettings(credentials);
	if (!read.ok) {
		throw new NodeOperationError(
			ctx.getNode(),
			`WhatsApp Cloud API credential: ${read.problem.message}`,
			{
				description: `Open the credential and fix ${read.problem.field}.`,
			},
		);
	}
	if (typeof credentials.accessToken !== 'string' || credentials.accessToken.trim() === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			'The WhatsApp Cloud API credential has no access token',
			{
				description: 'Open the credential and paste a system user access token.',
			},
		);
	}
	const appSecret = typeof credentials.appSecret === 'string' ? credentials.appSecret.trim() : '';
	const appToken =
		read.settings.appId && appSecret ? `${read.settings.appId}|${appSecret}` : undefined;
	return new GraphClient(ctx, read.settings, runtime, appToken);
}

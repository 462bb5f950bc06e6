import type {
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Context, Session } from './connection';
import { exchangeFromError } from './connection';
import { withoutWebhookSecret } from '../webhookUrl';

const DOWNLOAD_TIMEOUT_MS = 300000;

/** Content types that say nothing about the file: leave the type to the file name. */
const GENERIC_TYPES = new Set([
	'application/octet-stream',
	'application/force-download',
	'application/download',
	'binary/octet-stream',
]);

export interface DownloadedFile {
	data: Buffer;
	/** The response's content type without parameters; undefined when generic or missing. */
	mimeType?: string;
}

/**
 * A download address without credentials, safe to put in output or messages: Bitrix24 adds the
 * caller's OAuth token as `auth=…`, and a webhook's secret is a path segment (`/rest/1/<code>/`).
 */
export function publicDownloadUrl(raw: string): string {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return withoutWebhookSecret(raw.replace(/([?&])auth=[^&#]*&?/gi, '$1').replace(/[?&]$/, ''));
	}
	for (const key of [...url.searchParams.keys()]) {
		if (key.toLowerCase() === 'auth') url.searchParams.delete(key);
	}
	url.username = '';
	url.password = '';
	url.pathname = withoutWebhookSecret(url.pathname);
	return url.toString();
}

function carriesAuth(url: URL): boolean {
	return [...url.searchParams.entries()].some(
		([key, value]) => key.toLowerCase() === 'auth' && value !== '',
	);
}

function headerOf(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
	const value = Array.isArray(entry?.[1]) ? (entry?.[1] as unknown[])[0] : entry?.[1];
	return typeof value === 'string' ? value : undefined;
}

/** A response body read as a stream (`encoding: 'stream'`), or already in memory. */
type Body = AsyncIterable<Buffer | Uint8Array | string> & { destroy?: () => void };

function isStream(body: unknown): body is Body {
	return (
		body !== null &&
		typeof body === 'object' &&
		typeof (body as Partial<Body>)[Symbol.asyncIterator] === 'function'
	);
}

function inMemory(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.alloc(0);
}

/**
 * The body's bytes, or `undefined` once more than `limit` arrived: the rest is not read, the
 * connection is dropped.
 */
async function readBody(body: unknown, limit: number): Promise<Buffer | undefined> {
	if (!isStream(body)) {
		const data = inMemory(body);
		return data.length > limit ? undefined : data;
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		size += bytes.length;
		if (size > limit) {
			body.destroy?.();
			return undefined;
		}
		chunks.push(bytes);
	}
	return Buffer.concat(chunks);
}

function discard(body: unknown): void {
	if (isStream(body)) body.destroy?.();
}

/** Bitrix24's `{error, error_description}` inside an error answer, if there is one. */
function bitrix24Reason(body: Buffer | undefined): string | undefined {
	if (!body || body.length === 0) return undefined;
	try {
		const parsed = JSON.parse(body.toString('utf8')) as IDataObject;
		const reason = parsed.error_description ?? parsed.error;
		return typeof reason === 'string' && reason ? withoutWebhookSecret(reason) : undefined;
	} catch {
		return undefined;
	}
}

function downloadError(
	ctx: Bitrix24Context,
	what: string,
	reason: string,
	itemIndex: number,
	status?: number,
): NodeApiError {
	const httpCode = status ? String(status) : undefined;
	const hint =
		status === 404
			? 'The file may have been deleted, or its download link expired: run the node again to get a fresh one.'
			: status === 401 || status === 403
				? 'The user behind the Bitrix24 credential may have no access to this file.'
				: 'Check that the portal is reachable from n8n and try again.';
	// Only what is safe to show: never the address (it may carry a token) nor the underlying error.
	return new NodeApiError(
		ctx.getNode(),
		{ message: reason, ...(httpCode ? { httpCode } : {}) } as JsonObject,
		{
			message: `Could not download ${what}: ${reason}`,
			description: hint,
			httpCode,
			itemIndex,
		},
	);
}

/** Files are held in memory as binary data: anything larger is refused. */
export const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;

const MAX_REDIRECTS = 5;

/** An error answer's body is read only this far, for Bitrix24's `{error, error_description}`. */
const ERROR_BODY_BYTES = 65536;

const sizeText = (bytes: number) =>
	bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(
	ctx: Bitrix24Context,
	what: string,
	limit: number,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Could not download ${what}: it is larger than ${sizeText(limit)}, the most the node downloads`,
		{
			itemIndex,
			description:
				'The file is kept in memory as binary data, so files above this limit are refused. Share large files through a Bitrix24 public link instead.',
		},
	);
}

/**
 * GETs a file's bytes from a Bitrix24 download address (`DOWNLOAD_URL`; a relative one is on the
 * portal). Only the portal's own host is followed, redirects included: Bitrix24 documents no
 * other host for downloads, and an address elsewhere could send the request to an internal
 * service. Addresses on the portal that carry no token of their own go out with the node's
 * credential; the others go out without it. Files above `maxBytes` are refused, by their
 * Content-Length or once that many bytes arrived. Errors never quote the address.
 */
export async function downloadFile(
	session: Session,
	rawUrl: string,
	{
		itemIndex,
		what = 'the file',
		maxBytes = MAX_DOWNLOAD_BYTES,
	}: { itemIndex: number; what?: string; maxBytes?: number },
): Promise<DownloadedFile> {
	const { ctx, connection } = session;
	const portal = new URL(connection.portalKey);
	let url: URL;
	try {
		url = new URL(rawUrl, portal);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
	} catch {
		throw downloadError(ctx, what, 'Bitrix24 gave no valid download address', itemIndex);
	}

	for (let redirects = 0; ; redirects++) {
		if (url.host !== portal.host) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Could not download ${what}: its address is on ${url.host}, not on the portal ${portal.host}`,
				{
					itemIndex,
					description:
						"The node downloads files only from the portal itself, so that neither the credential nor the request goes anywhere else. Check that the credential's address is the portal's current address.",
				},
			);
		}
		const response = await fetchOnce(session, url, { itemIndex, what });
		const status = response.statusCode ?? 200;
		const location = headerOf(response.headers, 'location');
		if (status >= 300 && status < 400 && location) {
			discard(response.body);
			if (redirects >= MAX_REDIRECTS) {
				throw downloadError(ctx, what, 'the portal redirected too many times', itemIndex, status);
			}
			url = new URL(location, url);
			continue;
		}

		const declared = Number(headerOf(response.headers, 'content-length'));
		if (declared > maxBytes) {
			discard(response.body);
			throw tooLarge(ctx, what, maxBytes, itemIndex);
		}
		if (status < 200 || status >= 300) {
			const reason =
				bitrix24Reason(await readBody(response.body, ERROR_BODY_BYTES)) ??
				`the portal answered HTTP ${status}`;
			throw downloadError(ctx, what, reason, itemIndex, status);
		}
		const data = await readBody(response.body, maxBytes);
		if (!data) throw tooLarge(ctx, what, maxBytes, itemIndex);
		const contentType = headerOf(response.headers, 'content-type')?.split(';')[0].trim();
		return {
			data,
			mimeType:
				contentType && !GENERIC_TYPES.has(contentType.toLowerCase()) ? contentType : undefined,
		};
	}
}

/** One GET, redirects not followed; the body comes as a stream. */
async function fetchOnce(
	{ ctx, connection, call }: Session,
	url: URL,
	{ itemIndex, what }: { itemIndex: number; what: string },
): Promise<IN8nHttpFullResponse> {
	const onPortal = url.origin === connection.portalKey;
	if (onPortal) {
		const wait = call.bucket.reserve();
		if (wait > 0) await call.runtime.sleep(wait);
	}
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: url.toString(),
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: DOWNLOAD_TIMEOUT_MS,
	};
	try {
		return (
			onPortal && !carriesAuth(url)
				? await ctx.helpers.httpRequestWithAuthentication.call(
						ctx,
						connection.credentialType,
						options,
					)
				: await ctx.helpers.httpRequest(options)
		) as IN8nHttpFullResponse;
	} catch (error) {
		const exchange = exchangeFromError(error);
		if (exchange?.kind === 'answer') {
			const body = await readBody(exchange.body, ERROR_BODY_BYTES).catch(() => undefined);
			const reason = bitrix24Reason(body) ?? `the portal answered HTTP ${exchange.status}`;
			throw downloadError(ctx, what, reason, itemIndex, exchange.status);
		}
		const reason =
			exchange?.kind === 'network'
				? `the connection failed (${exchange.code})`
				: 'the request failed before the portal answered';
		throw downloadError(ctx, what, reason, itemIndex);
	}
}

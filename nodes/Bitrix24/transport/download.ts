import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { getConnection } from './connection';
import { exchangeFromError, realRuntime } from './http';
import { bucketFor } from './limiter';
import { withoutWebhookSecret } from './webhookUrl';

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

function bodyBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.alloc(0);
}

/** Bitrix24's `{error, error_description}` inside an error answer, if there is one. */
function bitrix24Reason(body: Buffer): string | undefined {
	if (body.length === 0 || body.length > 65536) return undefined;
	try {
		const parsed = JSON.parse(body.toString('utf8')) as IDataObject;
		const reason = parsed.error_description ?? parsed.error;
		return typeof reason === 'string' && reason ? reason : undefined;
	} catch {
		return undefined;
	}
}

function downloadError(
	ctx: IExecuteFunctions,
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

/**
 * GETs a file's bytes from a Bitrix24 download address (`DOWNLOAD_URL`). Addresses on the portal
 * that carry no token of their own go out with the node's credential; addresses that carry one
 * (`auth=…`), or that point elsewhere, go out without it, so no credential leaves the portal.
 * Errors never quote the address.
 */
export async function downloadFile(
	this: IExecuteFunctions,
	rawUrl: string,
	{ itemIndex, what = 'the file' }: { itemIndex: number; what?: string },
): Promise<DownloadedFile> {
	let url: URL;
	try {
		url = new URL(rawUrl);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
	} catch {
		throw downloadError(this, what, 'Bitrix24 gave no valid download address', itemIndex);
	}

	const connection = await getConnection.call(this);
	const onPortal = url.origin === connection.portalKey;
	if (onPortal) {
		const wait = bucketFor(connection.portalKey, connection.plan).reserve();
		if (wait > 0) await realRuntime.sleep(wait);
	}

	const options: IHttpRequestOptions = {
		method: 'GET',
		url: url.toString(),
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: DOWNLOAD_TIMEOUT_MS,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (
			onPortal && !carriesAuth(url)
				? await this.helpers.httpRequestWithAuthentication.call(
						this,
						connection.credentialType,
						options,
					)
				: await this.helpers.httpRequest(options)
		) as IN8nHttpFullResponse;
	} catch (error) {
		const exchange = exchangeFromError(error);
		if (exchange?.kind === 'answer') {
			const reason =
				bitrix24Reason(bodyBuffer(exchange.body)) ?? `the portal answered HTTP ${exchange.status}`;
			throw downloadError(this, what, reason, itemIndex, exchange.status);
		}
		const reason =
			exchange?.kind === 'network'
				? `the connection failed (${exchange.code})`
				: 'the request failed before the portal answered';
		throw downloadError(this, what, reason, itemIndex);
	}

	const status = response.statusCode ?? 200;
	const data = bodyBuffer(response.body);
	if (status < 200 || status >= 300) {
		const reason = bitrix24Reason(data) ?? `the portal answered HTTP ${status}`;
		throw downloadError(this, what, reason, itemIndex, status);
	}
	const contentType = headerOf(response.headers, 'content-type')?.split(';')[0].trim();
	return {
		data,
		mimeType:
			contentType && !GENERIC_TYPES.has(contentType.toLowerCase()) ? contentType : undefined,
	};
}

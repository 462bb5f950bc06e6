import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeOperationError, NodeApiError, sleep } from 'n8n-workflow';

import { parseWebhookUrl, WEBHOOK_URL_HELP } from '../webhookUrl';
import {
	DEFAULT_RETRY,
	type CallContext,
	type Exchange,
	type RetrySettings,
	type Runtime,
} from './caller';
import { bucketFor, type PlanName } from './limiter';

/*
 * How a node reaches one portal: the credential read once (where the portal is, its plan, the
 * retry bounds), and requests sent through n8n's helpers with that credential.
 */

export type Bitrix24Context =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export type CredentialType = 'bitrix24WebhookApi' | 'bitrix24OAuth2Api';

/** Where and how to reach one portal; holds no secret. */
export interface Connection {
	credentialType: CredentialType;
	/** Origin of the portal, e.g. `https://acme.bitrix24.com`: the key of its rate-limit bucket. */
	portalKey: string;
	plan: PlanName;
	retry: RetrySettings;
	/** URL for a REST method: relative for webhooks (the credential supplies the base). */
	urlFor(method: string): string;
}

function retryFrom(credentials: ICredentialDataDecryptedObject): RetrySettings {
	const seconds = Number(credentials.maxOperatingWaitSeconds);
	return {
		...DEFAULT_RETRY,
		maxOperatingWaitMs:
			Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_RETRY.maxOperatingWaitMs,
	};
}

function restBaseOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = credentials.oauthTokenData as { client_endpoint?: unknown } | undefined;
	const endpoint = typeof token?.client_endpoint === 'string' ? token.client_endpoint : undefined;
	if (endpoint) return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
	const portal = typeof credentials.portalUrl === 'string' ? credentials.portalUrl.trim() : '';
	if (!portal) return undefined;
	const withScheme = /^https?:\/\//i.test(portal) ? portal : `https://${portal}`;
	return `${withScheme.replace(/\/+$/, '')}/rest/`;
}

/** Reads the credential once: where the portal is, its plan and the retry bounds. */
export async function getConnection(
	ctx: Bitrix24Context,
	credentialType: CredentialType,
): Promise<Connection> {
	const credentials = await ctx.getCredentials(credentialType);
	const plan: PlanName = credentials.plan === 'enterprise' ? 'enterprise' : 'standard';
	const retry = retryFrom(credentials);

	if (credentialType === 'bitrix24WebhookApi') {
		const address = parseWebhookUrl(credentials.secretWebhookUrl);
		if (!address) {
			throw new NodeOperationError(
				ctx.getNode(),
				'The Bitrix24 webhook URL in the credential is not valid',
				{
					description: WEBHOOK_URL_HELP,
				},
			);
		}
		return {
			credentialType,
			portalKey: address.origin,
			plan,
			retry,
			urlFor: (method) => `${method}.json`,
		};
	}

	const base = restBaseOf(credentials);
	if (!base) {
		throw new NodeOperationError(ctx.getNode(), 'The Bitrix24 OAuth2 credential is not connected', {
			description:
				'Open the "Bitrix24 OAuth2 API" credential, fill in the portal address and click "Connect my account".',
		});
	}
	return {
		credentialType,
		portalKey: new URL(base).origin,
		plan,
		retry,
		urlFor: (method) => `${base}${method}.json`,
	};
}

/** One node run's link to one portal: the credential read once, its HTTP sender built once. */
export interface Session {
	ctx: Bitrix24Context;
	connection: Connection;
	call: CallContext;
}

export async function openSession(
	ctx: Bitrix24Context,
	credentialType: CredentialType,
	runtime: Runtime = realRuntime,
): Promise<Session> {
	const connection = await getConnection(ctx, credentialType);
	return { ctx, connection, call: callContext(ctx, connection, runtime) };
}

const REQUEST_TIMEOUT_MS = 90000;

export const realRuntime: Runtime = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
	random: () => Math.random(),
};

interface ErrorLike {
	response?: { status?: number; statusCode?: number; data?: unknown; body?: unknown };
	code?: unknown;
	message?: unknown;
	cause?: unknown;
	name?: unknown;
	body?: unknown;
	failure?: { cause?: unknown };
}

/**
 * The OAuth server answers its errors with HTTP 400 (reference §1.2), but n8n-core hands them on
 * without the status: a refused refresh token (`invalid_grant`) as its own "reconnect the
 * credential" error, other refusals as an `EAUTH` error carrying the server's `{error, …}` body.
 */
const TOKEN_SERVER_ERROR_STATUS = 400;

function tokenServerAnswer(current: ErrorLike): Exchange | undefined {
	if (current.failure?.cause === 'credential-invalid') {
		return {
			kind: 'answer',
			status: TOKEN_SERVER_ERROR_STATUS,
			body: {
				error: 'invalid_grant',
				error_description: 'The OAuth server refused the refresh token',
			},
		};
	}
	const body = current.body as { error?: unknown } | undefined;
	if (current.code === 'EAUTH' && typeof body?.error === 'string') {
		return { kind: 'answer', status: TOKEN_SERVER_ERROR_STATUS, body };
	}
	return undefined;
}

/**
 * n8n wraps failed requests (in NodeApiError, sometimes twice); dig out the HTTP answer or the
 * connection error code underneath. Anything else (a cancelled execution, a credential that is
 * not connected) is not ours to interpret and is thrown on.
 */
export function exchangeFromError(error: unknown): Exchange | undefined {
	const seen = new Set<unknown>();
	let networkCode: string | undefined;
	let networkMessage = '';
	for (let current = error as ErrorLike | undefined; current && !seen.has(current); ) {
		seen.add(current);
		const refused = tokenServerAnswer(current);
		if (refused) return refused;
		const response = current.response;
		const status = response?.status ?? response?.statusCode;
		if (response && typeof status === 'number') {
			return { kind: 'answer', status, body: response.data ?? response.body };
		}
		// Node's socket errors (ECONNRESET, ETIMEDOUT…); not `ERR_*` codes, which are not network failures.
		if (typeof current.code === 'string' && /^E[A-Z]+$/.test(current.code)) {
			networkCode ??= current.code;
			networkMessage ||= typeof current.message === 'string' ? current.message : '';
		}
		current = current.cause as ErrorLike | undefined;
	}
	if (networkCode) return { kind: 'network', code: networkCode, message: networkMessage };
	return undefined;
}

export function callContext(
	ctx: Bitrix24Context,
	connection: Connection,
	runtime = realRuntime,
): CallContext {
	return {
		portalKey: connection.portalKey,
		bucket: bucketFor(connection.portalKey, connection.plan),
		retry: connection.retry,
		runtime,
		log: (level, message) => ctx.logger?.[level](message),
		async send(method: string, body: IDataObject): Promise<Exchange> {
			const options: IHttpRequestOptions = {
				method: 'POST',
				url: connection.urlFor(method),
				body,
				json: true,
				returnFullResponse: true,
				// n8n sends a request that failed with 401 a second time after "pre-authentication",
				// which a webhook has none of: take its answers as they come. OAuth2 requests must fail
				// on 401, which is how n8n knows to renew the access token.
				ignoreHttpStatusErrors: connection.credentialType === 'bitrix24WebhookApi',
				timeout: REQUEST_TIMEOUT_MS,
				headers: { Accept: 'application/json' },
			};
			try {
				const response = (await ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					connection.credentialType,
					options,
				)) as IN8nHttpFullResponse;
				return { kind: 'answer', status: response.statusCode ?? 200, body: response.body };
			} catch (error) {
				const exchange = exchangeFromError(error);
				if (!exchange) throw new NodeApiError(ctx.getNode(), error as JsonObject);
				return exchange;
			}
		},
	};
}

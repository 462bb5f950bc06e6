import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallContext, Runtime, RetrySettings } from './caller';
import { callContext, realRuntime } from './http';

import type { PlanName } from './limiter';
import { DEFAULT_RETRY } from './caller';
import { parseWebhookUrl, WEBHOOK_URL_HELP } from '../webhookUrl';

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

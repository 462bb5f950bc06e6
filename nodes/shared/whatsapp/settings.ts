import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/*
 * The WhatsApp Cloud API credential as the code uses it: defaults, and reading it into the
 * settings the transport needs (no secret leaves this file except through n8n's authenticated
 * requests).
 */

/** Graph API version by default (connectors reference §5.1: v25.0 is supported until 2028-07-29). */
export const DEFAULT_GRAPH_API_VERSION = 'v25.0';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';
/** Messages per second of a Cloud API number by default (Meta's throughput page). */
export const DEFAULT_THROUGHPUT = 80;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60;

export const CREDENTIAL_TYPE = 'whatsAppCloudApi';

export interface GraphSettings {
	/** e.g. https://graph.facebook.com/v25.0 */
	apiBase: string;
	/** Origin of the Graph API base URL (the key of the pacing buckets). */
	origin: string;
	version: string;
	phoneNumberId: string;
	businessAccountId: string;
	appId: string;
	throughput: number;
	maxRateLimitWaitMs: number;
}

export type SettingsProblem = { field: string; message: string };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Reads the credential's settings, or says which field is wrong and how to fix it. */
export function readSettings(
	credentials: ICredentialDataDecryptedObject,
): { ok: true; settings: GraphSettings } | { ok: false; problem: SettingsProblem } {
	const version = text(credentials.graphApiVersion) || DEFAULT_GRAPH_API_VERSION;
	if (!/^v\d{1,3}\.\d{1,2}$/.test(version)) {
		return {
			ok: false,
			problem: {
				field: 'Graph API Version',
				message: `"${version}" is not a Graph API version; write it like ${DEFAULT_GRAPH_API_VERSION}`,
			},
		};
	}
	const rawBase = text(credentials.baseUrl) || DEFAULT_GRAPH_BASE_URL;
	let base: URL;
	try {
		base = new URL(rawBase);
	} catch {
		return {
			ok: false,
			problem: { field: 'Graph API Base URL', message: `"${rawBase}" is not a URL` },
		};
	}
	if (base.protocol !== 'https:' && base.protocol !== 'http:') {
		return {
			ok: false,
			problem: { field: 'Graph API Base URL', message: 'The base URL must start with https://' },
		};
	}
	const phoneNumberId = text(credentials.phoneNumberId);
	const businessAccountId = text(credentials.businessAccountId);
	for (const [field, value] of [
		['Phone Number ID', phoneNumberId],
		['WhatsApp Business Account ID', businessAccountId],
	] as const) {
		if (value && !/^\d{1,30}$/.test(value)) {
			return {
				ok: false,
				problem: {
					field,
					message: `${field} is a number Meta shows in WhatsApp → API Setup (digits only), not "${value}"`,
				},
			};
		}
	}
	const throughput = Number(credentials.throughput);
	const waitSeconds = Number(credentials.maxRateLimitWaitSeconds);
	return {
		ok: true,
		settings: {
			apiBase: `${base.origin}${base.pathname.replace(/\/+$/, '')}/${version}`,
			origin: base.origin,
			version,
			phoneNumberId,
			businessAccountId,
			appId: text(credentials.appId),
			throughput:
				Number.isFinite(throughput) && throughput >= 1
					? Math.min(throughput, 1000)
					: DEFAULT_THROUGHPUT,
			maxRateLimitWaitMs:
				(Number.isFinite(waitSeconds) && waitSeconds >= 0
					? waitSeconds
					: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS) * 1000,
		},
	};
}

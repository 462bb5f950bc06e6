/*
 * Meta's error codes, explained with what to do (connectors reference §5.5; Meta's "WhatsApp
 * error codes" page). Used for errors of requests and for `errors[]` of failed-message webhooks.
 */

/** An error as the Graph API reports it: `{error: {message, type, code, error_data, …}}`. */
export interface MetaError {
	code: number;
	message: string;
	type?: string;
	subcode?: number;
	details?: string;
	title?: string;
	fbtraceId?: string;
}

/** How a refusal may be handled: waited out and tried again (Meta did not run it), or not. */
export type RetryClass = 'throughput' | 'pairRate' | 'appRate' | 'unavailable' | 'none';

interface Entry {
	title: string;
	fix: string;
	retry?: RetryClass;
}

const TOKEN_FIX =
	'Create a system user access token (Business settings → Users → System users → Generate new token; system user tokens do not expire) with the whatsapp_business_messaging and whatsapp_business_management permissions and put it in the WhatsApp Cloud API credential. Temporary tokens from the app dashboard expire after 24 hours.';

const PERMISSION_FIX =
	"Give the token's system user the whatsapp_business_messaging and whatsapp_business_management permissions and assign it the WhatsApp Business Account and the app (Business settings → System users → Assign assets).";

const CATALOGUE: Record<number, Entry> = {
	0: { title: 'Authentication failed', fix: TOKEN_FIX },
	1: {
		title: 'Unknown Graph API error',
		fix: 'Meta could not process the request. Check the WhatsApp Business Platform status page; if Meta is up, check the request parameters.',
		retry: 'unavailable',
	},
	2: {
		title: 'Graph API temporarily unavailable',
		fix: "Meta's service is down or overloaded. Try again later.",
		retry: 'unavailable',
	},
	3: { title: 'Missing capability', fix: PERMISSION_FIX },
	4: {
		title: "The app's call rate limit was reached",
		fix: 'The app made too many Graph API calls; wait a little and run again, or make fewer calls (for example fewer template look-ups).',
		retry: 'appRate',
	},
	10: { title: 'Permission denied', fix: PERMISSION_FIX },
	100: {
		title: 'Invalid parameter',
		fix: 'Meta did not accept a parameter of the request; the details say which. Check IDs (phone number ID, WhatsApp Business Account ID, media ID, template name).',
	},
	104: { title: 'The request carried no access token', fix: TOKEN_FIX },
	190: { title: 'The access token expired or is not valid', fix: TOKEN_FIX },
	200: { title: 'Permission denied', fix: PERMISSION_FIX },
	368: {
		title: 'Temporarily blocked for a policy violation',
		fix: 'The WhatsApp Business Account was restricted for a policy violation. See Business Support Home for the reason and how to appeal.',
	},
	2200: {
		title: 'Callback verification failed',
		fix: "Meta called the trigger's URL to verify it and did not get the challenge back: publish the workflow first, make sure n8n is reachable from the internet over https (WEBHOOK_URL), and that the credential's verify token is the one registered.",
	},
	80007: {
		title: "The WhatsApp Business Account's rate limit was reached",
		fix: 'Too many management calls for this WhatsApp Business Account; wait and run again.',
		retry: 'appRate',
	},
	130429: {
		title: 'Throughput limit reached',
		fix: "The phone number sent more messages per second than Meta allows it (80 by default, 20 for numbers also in the WhatsApp Business app). Lower Throughput in the credential to the number's level, or send fewer messages at once.",
		retry: 'throughput',
	},
	130472: {
		title: "The customer's number is part of an experiment",
		fix: 'Meta held back this marketing message as part of an experiment; nothing to fix.',
	},
	131000: {
		title: 'Something went wrong',
		fix: 'Meta failed to send for an unknown reason. The message may or may not have gone out: check before sending again.',
	},
	131005: { title: 'Access denied', fix: PERMISSION_FIX },
	131008: {
		title: 'Required parameter is missing',
		fix: 'A required field of the message is empty; the details say which.',
	},
	131009: {
		title: 'Parameter value is not valid',
		fix: 'A field of the message has a value Meta does not accept (for example a phone number that is not valid); the details say which.',
	},
	131016: {
		title: 'Service unavailable',
		fix: "Meta's service is temporarily unavailable. Try again later.",
		retry: 'unavailable',
	},
	131021: {
		title: 'Recipient cannot be the sender',
		fix: 'The message was addressed to the business number itself; send it to the customer.',
	},
	131026: {
		title: 'Message undeliverable',
		fix: 'WhatsApp could not deliver to this number: it is not on WhatsApp, has not accepted the latest terms, uses an old WhatsApp version, or blocked the business. Sending again will not help; reach the customer another way.',
	},
	131031: {
		title: 'The WhatsApp Business Account is locked',
		fix: 'The account was restricted or disabled (policy violation, or a wrong two-step verification PIN). See Business Support Home.',
	},
	131042: {
		title: 'Payment problem',
		fix: "The WhatsApp Business Account's payment method is missing, expired, or over its credit line. Fix it in WhatsApp Manager → Payment settings.",
	},
	131045: {
		title: 'Phone number not registered',
		fix: 'Register the phone number with the Cloud API (POST /{phone-number-id}/register) before sending.',
	},
	131047: {
		title: 'Outside the 24-hour customer service window',
		fix: 'More than 24 hours have passed since the customer last wrote, so only an approved template can reach them now: use Message → Send Template, or set a fallback template in Send Conversation Message. A free-form message is possible again once the customer answers.',
	},
	131048: {
		title: 'Spam rate limit hit',
		fix: 'Too many earlier messages from this number were blocked or reported as spam. Check the quality rating in WhatsApp Manager and send only to customers who expect the messages.',
	},
	131049: {
		title: 'Held back to keep the customer engaged',
		fix: 'Meta limits how many marketing messages one customer gets. Do not retry right away; try again later or send a utility message.',
	},
	131050: {
		title: 'The customer stopped marketing messages',
		fix: 'The customer chose not to receive marketing messages from this business. Do not send them any more.',
	},
	131051: {
		title: 'Unsupported message type',
		fix: 'The message type is not supported (by Meta, or by the API version in the credential).',
	},
	131052: {
		title: 'Media download error',
		fix: "Meta could not download the customer's media. Ask the customer to send it again.",
	},
	131053: {
		title: 'Media upload error',
		fix: 'Meta could not use the media: unsupported type or size (images JPEG/PNG up to 5 MB, video MP4/3GPP and audio up to 16 MB, documents up to 100 MB, stickers WebP up to 500 KB), a link Meta cannot download, or a media ID that is unknown or expired (uploads last 30 days, media of incoming messages 7 days).',
	},
	131056: {
		title: 'Too many messages to this customer (pair rate limit)',
		fix: 'Meta allows about one message every 6 seconds from a business number to the same customer (bursts of up to 45 borrow from later). Space the messages to one customer out, or raise Max Wait on Rate Limits in the credential.',
		retry: 'pairRate',
	},
	131057: {
		title: 'The account is in maintenance mode',
		fix: 'Meta is upgrading the number (for example its throughput); this takes about a minute. Try again shortly.',
		retry: 'unavailable',
	},
	132000: {
		title: 'Wrong number of template parameters',
		fix: "Give exactly as many parameters as the template has placeholders ({{1}}, {{2}} …) in each component (header, body, each button); the template's definition shows them (Template → Get).",
	},
	132001: {
		title: 'Template does not exist in this language',
		fix: 'The template name and language must match an approved template of this WhatsApp Business Account (pick it from the list, or see Template → Get Many).',
	},
	132005: {
		title: 'Template text too long',
		fix: 'The text with the parameters filled in is longer than the template allows; shorten the parameters.',
	},
	132007: {
		title: 'Template format character policy violated',
		fix: 'The parameters break the template format policy (for example new lines, tabs or more than 4 spaces in a body parameter).',
	},
	132012: {
		title: 'Template parameter format mismatch',
		fix: 'A parameter has another type than the template expects (text, currency, date_time, image…).',
	},
	132015: {
		title: 'Template is paused',
		fix: 'Meta paused the template for low quality. Edit it or use another one.',
	},
	132016: {
		title: 'Template is disabled',
		fix: 'Meta disabled the template for low quality. Use another one.',
	},
	133010: {
		title: 'Phone number not registered',
		fix: 'Register the business phone number with the Cloud API before sending.',
	},
};

/** The Graph API's error in a response body, if it is one. */
export function readMetaError(body: unknown): MetaError | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const error = (body as { error?: unknown }).error;
	if (error === null || typeof error !== 'object') return undefined;
	const e = error as Record<string, unknown>;
	const code = Number(e.code);
	if (!Number.isFinite(code)) return undefined;
	const data = e.error_data as Record<string, unknown> | string | undefined;
	const details =
		typeof data === 'string'
			? data
			: typeof data?.details === 'string'
				? (data.details as string)
				: undefined;
	return {
		code,
		message: typeof e.message === 'string' ? e.message : `Graph API error ${code}`,
		type: typeof e.type === 'string' ? e.type : undefined,
		subcode: Number.isFinite(Number(e.error_subcode)) ? Number(e.error_subcode) : undefined,
		details,
		fbtraceId: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : undefined,
	};
}

/** A code's title and what to do about it. */
export function explainCode(code: number): { title: string; fix: string; retry: RetryClass } {
	const entry = CATALOGUE[code] ?? (code >= 200 && code <= 299 ? CATALOGUE[200] : undefined);
	if (entry) return { ...entry, retry: entry.retry ?? 'none' };
	return {
		title: `WhatsApp error ${code}`,
		fix: "See Meta's WhatsApp error codes page for this code: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes",
		retry: 'none',
	};
}

/**
 * A failed message's error from a status webhook (`statuses[].errors[]`), explained the same
 * way as a refused request.
 */
export function explainWebhookError(error: unknown): {
	code: number | null;
	title: string;
	message: string;
	details?: string;
	fix: string;
} {
	const e = (error ?? {}) as Record<string, unknown>;
	const code = Number.isFinite(Number(e.code)) ? Number(e.code) : null;
	const explained = code === null ? undefined : explainCode(code);
	const data = e.error_data as Record<string, unknown> | undefined;
	return {
		code,
		title: typeof e.title === 'string' ? e.title : (explained?.title ?? 'Unknown error'),
		message: typeof e.message === 'string' ? e.message : (explained?.title ?? 'The message failed'),
		...(typeof data?.details === 'string' ? { details: data.details as string } : {}),
		fix: explained?.fix ?? 'See the error details.',
	};
}

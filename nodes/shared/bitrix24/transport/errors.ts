import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** An error answer from Bitrix24: `{ error, error_description }` plus the HTTP status. */
export interface Bitrix24Failure {
	code: string;
	description: string;
	status: number;
	method: string;
}

const HINTS: Record<string, string> = {
	WRONG_AUTH_TYPE:
		'This method needs application authorization: use the "Bitrix24 OAuth2 API" credential instead of an inbound webhook.',
	INVALID_CREDENTIALS:
		'The webhook URL is wrong, was deleted or has expired. Create an inbound webhook in Bitrix24 (Developer resources → Other → Inbound webhook) and paste its URL into the credential.',
	NO_AUTH_FOUND: 'No valid authorization reached Bitrix24. Reconnect the Bitrix24 credential.',
	EXPIRED_TOKEN:
		'The OAuth access token expired and could not be renewed. Reconnect the "Bitrix24 OAuth2 API" credential.',
	INVALID_TOKEN:
		'Bitrix24 does not recognise the OAuth token (the app may have been reinstalled). Reconnect the "Bitrix24 OAuth2 API" credential.',
	INSUFFICIENT_SCOPE:
		'The webhook or application lacks the permission (scope) this method needs. In Bitrix24, edit the inbound webhook or the app, enable the scope (for example "crm"), and try again.',
	AUTHORIZATION_ERROR:
		'Bitrix24 could not authorize the user behind the credential (the user may be fired or inactive).',
	ACCESS_DENIED:
		"The user behind the credential has no access to this record or method. Check the user's permissions in Bitrix24.",
	ERROR_METHOD_NOT_FOUND:
		'Check the method name (for example "crm.lead.list") and that its module is available on the portal.',
	QUERY_LIMIT_EXCEEDED:
		"Bitrix24 kept rejecting requests because the portal's rate limit was exceeded, even after waiting. Run fewer Bitrix24 workflows at the same time, or pick the right plan in the credential.",
	OPERATION_TIME_LIMIT:
		'Bitrix24 blocked this method for a while because it used too much server time in the last 10 minutes. Raise "Max Wait on Method Time Limit" in the credential to let the node wait for the block to lift, or try again later.',
	OVERLOAD_LIMIT:
		"The portal's REST API is blocked due to overload. Try again later or contact Bitrix24 support.",
	PAYMENT_REQUIRED: "The Bitrix24 application's subscription has ended.",
	ERROR_BATCH_LENGTH_EXCEEDED: 'A batch may hold at most 50 commands.',
	ERROR_BATCH_METHOD_NOT_ALLOWED: 'This method cannot be called inside a batch.',
	// The OAuth server's answers when n8n renews the access token.
	INVALID_GRANT:
		'The OAuth server refused the refresh token: it expired, was revoked, or the application was reinstalled. Reconnect the "Bitrix24 OAuth2 API" credential: open it and click "Connect my account" again.',
	INVALID_CLIENT:
		'The OAuth server refused the application\'s Client ID or Client Secret, or the application is not installed on the portal. Check both in the "Bitrix24 OAuth2 API" credential, then click "Connect my account" again.',
	// No HTTP answer at all.
	ECONNREFUSED:
		'Nothing accepted the connection at the portal address: check the address (and port) in the credential and that the portal is up.',
	ENOTFOUND:
		"The portal's host name does not exist: check the address in the credential for typos (for example your-portal.bitrix24.com).",
	EAI_AGAIN:
		"The portal's host name could not be resolved right now: check the address in the credential and the n8n server's DNS.",
	EHOSTUNREACH:
		"The n8n server has no network route to the portal: check the address in the credential and the server's network, proxy and firewall.",
	ENETUNREACH:
		"The n8n server has no network route to the portal: check the address in the credential and the server's network, proxy and firewall.",
	ETIMEDOUT:
		'The portal did not answer in time: check that it is reachable from the n8n server (firewall, proxy) and try again.',
	ECONNRESET:
		'The connection to the portal broke off: check the address in the credential and try again.',
};

/**
 * Failures where no HTTP answer came back, in words: n8n replaces a message that quotes such a
 * code with a generic sentence of its own.
 */
const CONNECTION_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'no network route',
	ENETUNREACH: 'no network route',
	ETIMEDOUT: 'no answer in time',
	ECONNRESET: 'connection broken off',
};

export function isConnectionFailure(failure: Pick<Bitrix24Failure, 'code'>): boolean {
	return failure.code in CONNECTION_FAILURES;
}

/** "cannot reach the portal: connection refused" */
export function connectionFailureText(failure: Pick<Bitrix24Failure, 'code'>): string {
	return `cannot reach the portal: ${CONNECTION_FAILURES[failure.code] ?? failure.code}`;
}

/** An answer that did not come from Bitrix24's REST API (an HTML page, a 404 of another server). */
const NOT_BITRIX24 =
	"The address in the credential answered, but not as a Bitrix24 portal's REST API does: check that it is the portal's address (for example https://your-portal.bitrix24.com).";

const DESCRIPTION_HINTS: Array<[RegExp, string]> = [
	[/ID is not defined or invalid/i, 'Pass the numeric ID of an existing record.'],
	[/^Not found$/i, 'No record with this ID exists (it may have been deleted).'],
	[/must be array/i, 'Pass the parameter as an object (JSON), not as text.'],
	[
		/Https required/i,
		'Bitrix24 requires HTTPS for webhook calls: use an https:// address in the credential.',
	],
];

/** HTTP statuses Bitrix24 uses for its codes; errors inside a batch arrive without one. */
const STATUS_OF_CODE: Record<string, number> = {
	ERROR_METHOD_NOT_FOUND: 404,
	WRONG_AUTH_TYPE: 403,
	ACCESS_DENIED: 403,
	ALLOWED_ONLY_INTRANET_USER: 403,
	NO_AUTH_FOUND: 401,
	EXPIRED_TOKEN: 401,
	INVALID_TOKEN: 401,
	INVALID_CREDENTIALS: 401,
	INSUFFICIENT_SCOPE: 401,
	AUTHORIZATION_ERROR: 401,
	QUERY_LIMIT_EXCEEDED: 503,
	OVERLOAD_LIMIT: 503,
	OPERATION_TIME_LIMIT: 429,
	INTERNAL_SERVER_ERROR: 500,
	ERROR_BATCH_METHOD_NOT_ALLOWED: 405,
};

export function statusOfCode(code: string): number {
	return STATUS_OF_CODE[code.toUpperCase()] ?? 400;
}

export function hintFor(
	failure: Pick<Bitrix24Failure, 'code' | 'description'> & { status?: number },
): string | undefined {
	const byCode = HINTS[failure.code.toUpperCase()];
	if (byCode) return byCode;
	const byDescription = DESCRIPTION_HINTS.find(([pattern]) =>
		pattern.test(failure.description),
	)?.[1];
	if (byDescription) return byDescription;
	const foreign =
		failure.code === 'UNEXPECTED_ANSWER' ||
		failure.code === 'HTTP_404' ||
		failure.code === 'HTTP_405';
	return foreign && (failure.status ?? 0) < 500 ? NOT_BITRIX24 : undefined;
}

export function failureMessage(failure: Bitrix24Failure): string {
	if (isConnectionFailure(failure))
		return `Bitrix24 ${failure.method}: ${connectionFailureText(failure)}`;
	const what = failure.description || failure.code || `HTTP ${failure.status}`;
	const code = failure.code && failure.code !== failure.description ? ` [${failure.code}]` : '';
	return `Bitrix24 ${failure.method}: ${what}${code}`;
}

/** The hint, and the HTTP status when there was an answer (the connection error's code otherwise). */
export function failureDescription(failure: Bitrix24Failure): string {
	const status =
		failure.status > 0
			? `HTTP status ${failure.status}.`
			: isConnectionFailure(failure)
				? `(${failure.code})`
				: undefined;
	return [hintFor(failure), status].filter(Boolean).join(' ');
}

export function failureToApiError(
	node: INode,
	failure: Bitrix24Failure,
	itemIndex?: number,
): NodeApiError {
	const httpCode = failure.status > 0 ? String(failure.status) : undefined;
	return new NodeApiError(
		node,
		{
			error: failure.code,
			error_description: failure.description,
			method: failure.method,
			...(httpCode ? { httpCode } : {}),
		} as JsonObject,
		{
			message: failureMessage(failure),
			description: failureDescription(failure),
			httpCode,
			itemIndex,
		},
	);
}

/** The request may have reached Bitrix24, so repeating it could create a duplicate. */
export function unsafeToRetryError(
	node: INode,
	method: string,
	reason: string,
	itemIndex?: number,
	status?: number,
): NodeApiError {
	return new NodeApiError(node, { error: 'REQUEST_OUTCOME_UNKNOWN', method } as JsonObject, {
		message: `Bitrix24 ${method}: ${reason}; the request may have been processed`,
		description:
			'The request reached Bitrix24 (or may have) but no clear answer came back, so Bitrix24 may have carried it out. It was not repeated automatically to avoid creating duplicates: check the record in Bitrix24 before running it again.',
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}

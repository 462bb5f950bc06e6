'use strict';

/**
 * Graph API errors as the Cloud API answers them (PROTOCOL.md §5): HTTP status and body
 * `{error: {message: "(#code) title", type, code, error_data: {messaging_product, details},
 * error_subcode?, fbtrace_id}}`. The fake keys nothing off the HTTP status; neither should
 * clients (Meta recommends `code` and `details`).
 */

/** code → [HTTP status, title, details] */
const CODES = {
	1: [400, 'An unknown error occurred', 'Invalid request or possible server error.'],
	2: [503, 'Service temporarily unavailable', 'Temporary due to downtime or due to being overloaded.'],
	4: [400, 'Application request limit reached', 'The app has reached its API call rate limit.'],
	10: [403, 'Permission denied', 'Permission has either not been granted or has been removed.'],
	104: [400, 'An access token is required to request this resource.', 'Send the access token in the Authorization header.'],
	100: [400, 'Invalid parameter', 'The request included one or more unsupported or misspelled parameters.'],
	190: [401, 'Error validating access token: Session has expired', 'The access token has expired.'],
	200: [403, 'Permissions error', 'The app does not have the permission for this action.'],
	2200: [400, 'Callback verification failed', 'The callback URL did not answer the verification request with the challenge.'],
	130429: [400, 'Rate limit hit', 'Cloud API message throughput has been reached.'],
	131000: [500, 'Something went wrong', 'Message failed to send due to an unknown error.'],
	131008: [400, 'Required parameter is missing', 'The request is missing a required parameter.'],
	131009: [400, 'Parameter value is not valid', 'One or more parameter values are invalid.'],
	131026: [400, 'Message undeliverable', 'Unable to deliver message: the recipient is not a WhatsApp user, has not accepted the terms, or uses an old WhatsApp version.'],
	131047: [400, 'Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.'],
	131051: [400, 'Unsupported message type', 'Message type is not currently supported.'],
	131052: [400, 'Media download error', 'Unable to download the media sent by the user.'],
	131053: [400, 'Media upload error', 'Unable to upload the media used in the message.'],
	131056: [400, '(Business Account, Consumer Account) pair rate limit hit', 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.'],
	132000: [400, 'Number of parameters does not match the expected number of params', 'The number of variable parameter values does not match the number defined in the template.'],
	132001: [404, 'Template name does not exist in the translation', 'The template does not exist in the specified language or has not been approved.'],
};

let trace = 0;

/**
 * @param {number} code
 * @param {{details?: string, message?: string, status?: number}} [overrides]
 * @returns {{status: number, body: object}}
 */
function graphError(code, overrides = {}) {
	const [status, title, details] = CODES[code] ?? [400, 'Error', 'Error.'];
	const oauth = code === 190 || code === 10 || code === 200 || code === 100 || code >= 1000;
	return {
		status: overrides.status ?? status,
		body: {
			error: {
				message: overrides.message ?? `(#${code}) ${title}`,
				type: oauth ? 'OAuthException' : 'GraphMethodException',
				code,
				...(code === 190 ? { error_subcode: 463 } : {}),
				error_data: { messaging_product: 'whatsapp', details: overrides.details ?? details },
				fbtrace_id: `Sbx${(++trace).toString(36).padStart(8, '0')}`,
			},
		},
	};
}

/** The `errors[]` entry of a webhook (statuses[].errors, value.errors). @param {number} code */
function webhookError(code, details) {
	const [, title, defaultDetails] = CODES[code] ?? [400, 'Error', 'Error.'];
	return {
		code,
		title,
		message: title,
		error_data: { details: details ?? defaultDetails },
		href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
	};
}

module.exports = { graphError, webhookError, CODES };

'use strict';

/**
 * REST errors: `{error, error_description}` with the HTTP status the emulator uses
 * (PROTOCOL.md §2.3–2.4, "Recommendation" column).
 */
class RestError extends Error {
	/**
	 * @param {string} code value of `error` (may be "" for legacy CRM)
	 * @param {string} description value of `error_description`
	 * @param {number} [status] HTTP status (RestException default is 400)
	 * @param {Record<string, unknown>} [extra] extra keys merged into the body
	 */
	constructor(code, description, status = 400, extra = undefined) {
		super(description);
		this.code = code;
		this.description = description;
		this.status = status;
		this.extra = extra;
	}

	toBody() {
		return { error: this.code, error_description: this.description, ...(this.extra || {}) };
	}
}

/** The catalogue of fixed system errors. */
const Errors = {
	noAuth: () => new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401),
	expiredToken: () => new RestError('expired_token', 'The access token provided has expired', 401),
	invalidToken: () => new RestError('invalid_token', 'Unable to get application by token', 401),
	invalidCredentials: () =>
		new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401),
	insufficientScope: (/** @type {'webhook'|'oauth'} */ authType) =>
		new RestError(
			'insufficient_scope',
			`The request requires higher privileges than provided by the ${authType === 'webhook' ? 'webhook token' : 'access token'}`,
			401,
		),
	wrongAuthType: () =>
		new RestError('WRONG_AUTH_TYPE', 'Current authorization type is denied for this method', 403),
	methodNotFound: () => new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404),
	queryLimit: () => new RestError('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503),
	operationTimeLimit: () =>
		new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429),
	internal: (status = 500) =>
		new RestError('INTERNAL_SERVER_ERROR', 'Internal server error', status),
	batchLength: () => new RestError('ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded', 400),
	batchMethodNotAllowed: () =>
		new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 405),
	/** Legacy CRM: empty code, text in the description, HTTP 400. */
	legacy: (/** @type {string} */ text) => new RestError('', text, 400),
	argument: (/** @type {string} */ text, /** @type {string} */ argument) =>
		new RestError('ERROR_ARGUMENT', text, 400, { argument }),
	core: (/** @type {string} */ text, status = 400) => new RestError('ERROR_CORE', text, status),
};

module.exports = { RestError, Errors };

'use strict';

/**
 * How Meta writes and signs webhook bodies (PROTOCOL.md §4): JSON with every non-ASCII
 * character escaped as `\uXXXX` (lower-case hex) and `/` escaped as `\/`, signed with
 * HMAC-SHA256 of the app secret over exactly those bytes. A receiver that re-serializes the
 * parsed JSON gets other bytes and another signature.
 */

const crypto = require('node:crypto');

/** @param {unknown} value */
function metaJson(value) {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `sha256=<hex>` for a body. @param {string} appSecret @param {string|Buffer} body */
function signature(appSecret, body) {
	return `sha256=${crypto.createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

module.exports = { metaJson, signature };

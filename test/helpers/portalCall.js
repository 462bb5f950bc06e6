// A REST call to the sandbox with its inbound webhook, as a portal user's action (not the node's).

/** @returns {Promise<any>} the method's `result`; throws on a Bitrix24 error */
async function portalCall(sandbox, method, params) {
	const response = await fetch(`${sandbox.webhookUrl}${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(params),
	});
	const body = await response.json();
	if (body.error) throw new Error(`${method}: ${body.error_description || body.error}`);
	return body.result;
}

module.exports = { portalCall };

'use strict';

/**
 * Bitrix24's official JS SDK with an inbound webhook (B24Hook): `actions.v2.callList` (its fast
 * list: `start=-1`, `>ID` cursor, one page per request) and `actions.v2.batchByChunk` (50 calls
 * per batch request, one chunk after the other), under the SDK's default limiter (50 burst,
 * 2 per s, 3 attempts per request).
 */

const { B24Hook, ApiVersion } = require('@bitrix24/b24jssdk');
const { version } = require('@bitrix24/b24jssdk/package.json');
const { countMessages } = require('./errors');
const { leadFields } = require('./lead-fields');

/**
 * B24Hook only accepts and only calls `https://` portals; the sandbox listens on plain HTTP on
 * 127.0.0.1. The hook is built from the https form of the URL and its HTTP client's requests are
 * sent to the http address: a loopback stand-in for TLS, nothing else changes.
 * @param {string} webhookUrl
 */
function connect(webhookUrl) {
	const b24 = B24Hook.fromWebhookUrl(webhookUrl.replace(/^http:/, 'https:').replace(/\/$/, ''));
	b24.getHttpClient(ApiVersion.v2).ajaxClient.interceptors.request.use((config) => ({
		...config,
		url: config.url?.replace(/^https:/, 'http:'),
	}));
	return b24;
}

/**
 * Runs calls 50 per batch request and reports the failed ones.
 * @param {string} webhookUrl @param {Array<[string, object]>} calls
 */
async function inChunks(webhookUrl, calls) {
	const result = await connect(webhookUrl).actions.v2.batchByChunk.make({
		calls,
		options: { isHaltOnError: false },
	});
	return { rows: result.getData() ?? [], errors: countMessages(result.getErrorMessages()) };
}

module.exports = {
	id: 'b24jssdk',
	short: '@bitrix24/b24jssdk',
	label: `@bitrix24/b24jssdk ${version} (official SDK)`,
	notes: {
		all: "B24Hook accepts https:// portals only, so its requests are re-addressed to the sandbox's http:// loopback address (an axios interceptor); nothing else is changed",
	},
	async exportDeals({ webhookUrl }) {
		const result = await connect(webhookUrl).actions.v2.callList.make({
			method: 'crm.deal.list',
			params: { select: ['*', 'UF_*'] },
		});
		return { rows: result.getData() ?? [], errors: countMessages(result.getErrorMessages()) };
	},
	createLeads: ({ webhookUrl, input }) =>
		inChunks(
			webhookUrl,
			input.map((item) => [
				'crm.lead.add',
				{
					fields: leadFields(item),
				},
			]),
		),
	updateDeals: ({ webhookUrl, input }) =>
		inChunks(
			webhookUrl,
			input.map((item) => [
				'crm.deal.update',
				{ id: item.id, fields: { OPPORTUNITY: item.amount } },
			]),
		),
	getDeals: ({ webhookUrl, input }) =>
		inChunks(
			webhookUrl,
			input.map((item) => ['crm.deal.get', { id: item.id }]),
		),
};

'use strict';

/**
 * @2bad/bitrix with an inbound webhook: its `list` (a first page, then every remaining `start`
 * offset as batch commands, 50 pages per batch request) and its `batch` (chunks of 50 commands,
 * sent together through its queue of 2 requests per second, as GET query strings). Requests go
 * through got with got's default retries.
 */

const { Bitrix } = require('@2bad/bitrix');
const { version } = require('@2bad/bitrix/package.json');
const { leadFields } = require('./lead-fields');

/**
 * Lead commands per batch request. The library's default of 50 puts ~21.8 KB of query string in
 * one GET URL: the sandbox (Node's 16 KB header limit) answers 431, and nginx's default limit is
 * 8 KB. 15 lead commands make ~6.5 KB. Deal update and get commands fit 50 to a request (~4 KB).
 */
const LEAD_COMMANDS_PER_REQUEST = 15;

/** @param {string} webhookUrl */
const connect = (webhookUrl) => Bitrix(webhookUrl.replace(/\/$/, ''));

/**
 * One batch over all commands (the library chunks them); the rows of every command, in order.
 * @param {string} webhookUrl @param {Array<{method: string, params: object}>} commands
 * @param {number} [perRequest]
 */
async function batch(webhookUrl, commands, perRequest) {
	const payload = await connect(webhookUrl).batch(commands, perRequest);
	return { rows: Object.values(payload.result.result ?? {}) };
}

module.exports = {
	id: '2bad-bitrix',
	short: '@2bad/bitrix',
	label: `@2bad/bitrix ${version}`,
	notes: {
		createLeads: `${LEAD_COMMANDS_PER_REQUEST} commands per batch request: with the default 50 the GET URL is ~21.8 KB and the sandbox answers 431 (Node's 16 KB limit; nginx's default is 8 KB)`,
	},
	async exportDeals({ webhookUrl }) {
		const payload = await connect(webhookUrl).list('crm.deal.list', { select: ['*', 'UF_*'] });
		return { rows: payload.result };
	},
	createLeads: ({ webhookUrl, input }) =>
		batch(
			webhookUrl,
			input.map((item) => ({
				method: 'crm.lead.add',
				params: {
					fields: leadFields(item),
				},
			})),
			LEAD_COMMANDS_PER_REQUEST,
		),
	updateDeals: ({ webhookUrl, input }) =>
		batch(
			webhookUrl,
			input.map((item) => ({
				method: 'crm.deal.update',
				params: { id: item.id, fields: { OPPORTUNITY: item.amount } },
			})),
		),
	getDeals: ({ webhookUrl, input }) =>
		batch(
			webhookUrl,
			input.map((item) => ({ method: 'crm.deal.get', params: { id: item.id } })),
		),
};

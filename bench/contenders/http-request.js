'use strict';

/**
 * "The n8n way" without a Bitrix24 node: the HTTP Request node calling the REST method once per
 * input item, and once per page with its pagination option (`start` = the previous `next`).
 * Written with axios (POST, JSON body), without retries, like the node's defaults.
 *
 * - unpaced: what the HTTP Request node does by default: every item's request is started at once
 *   (here at most 100 in flight, to stay within file-descriptor limits: still far above 2 per s),
 *   pages one after the other as fast as they come;
 * - paced: a careful user's setting, 2 requests per second (the node's Batching option "1 item
 *   every 500 ms", or pagination's "Interval Between Requests"), here with p-throttle.
 * A request Bitrix24 refuses is not repeated: the item is lost and the node fails, as it does
 * without "Retry On Fail" (which would re-run the whole node, creating the other items again).
 */

const axios = require('axios');
const { countMessages } = require('./errors');
const { leadFields } = require('./lead-fields');

const IN_FLIGHT = 100;

/**
 * @param {string} webhookUrl ends with '/'
 * @returns {(method: string, params: object) => Promise<{ok: boolean, body?: any, message?: string}>}
 */
function restClient(webhookUrl) {
	const http = axios.create({ baseURL: webhookUrl, validateStatus: () => true });
	return async (method, params) => {
		try {
			const { status, data } = await http.post(method, params);
			if (status === 200 && data && !data.error) return { ok: true, body: data };
			return { ok: false, message: `HTTP ${status} ${data?.error ?? ''}`.trim() };
		} catch (error) {
			return { ok: false, message: error.code ?? error.message };
		}
	};
}

/** A pacer: `() => fn` unpaced, or throttled to 2 calls per second. @param {boolean} paced */
async function pacerFor(paced) {
	if (!paced) return (fn) => fn;
	const { default: pThrottle } = await import('p-throttle');
	return pThrottle({ limit: 2, interval: 1000 });
}

/**
 * One request per item; all started at once (unpaced, at most IN_FLIGHT open) or 2 per second.
 * @param {boolean} paced @param {string} webhookUrl @param {object[]} input
 * @param {(item: object) => [string, object]} callFor
 */
async function perItem(paced, webhookUrl, input, callFor) {
	const send = (await pacerFor(paced))(restClient(webhookUrl));
	const answers = new Array(input.length);
	let next = 0;
	const worker = async () => {
		while (next < input.length) {
			const index = next++;
			answers[index] = await send(...callFor(input[index]));
		}
	};
	const lanes = paced ? input.length : Math.min(IN_FLIGHT, input.length);
	await Promise.all(Array.from({ length: lanes }, worker));
	return outcome(answers);
}

/** @param {Array<{ok: boolean, body?: any, message?: string}>} answers */
function outcome(answers) {
	const failed = answers.filter((answer) => !answer.ok);
	return {
		rows: answers.filter((answer) => answer.ok).map((answer) => answer.body.result),
		errors: countMessages(failed.map((answer) => answer.message)),
		failure: failed.length
			? `the node fails: ${failed.length} of ${answers.length} requests refused`
			: undefined,
	};
}

/** Pagination: `start` = the previous answer's `next`, until there is none or a request fails. */
async function exportPaged(paced, webhookUrl) {
	const send = (await pacerFor(paced))(restClient(webhookUrl));
	const rows = [];
	let start = 0;
	for (;;) {
		const answer = await send('crm.deal.list', { select: ['*', 'UF_*'], start });
		if (!answer.ok) {
			return {
				rows,
				errors: countMessages([answer.message]),
				failure: `the node fails at start=${start}: ${answer.message}`,
			};
		}
		rows.push(...answer.body.result);
		if (answer.body.next === undefined) return { rows };
		start = answer.body.next;
	}
}

/** @param {boolean} paced */
function httpRequestContender(paced) {
	return {
		id: paced ? 'http-paced' : 'http-unpaced',
		short: paced ? 'HTTP Request, paced 2/s' : 'HTTP Request, unpaced',
		label: paced
			? 'HTTP Request per item/page, paced 2/s (axios + p-throttle)'
			: 'HTTP Request per item/page, unpaced (axios)',
		notes: {
			all: paced
				? 'Requests start 2 per second; pages follow each other; nothing is retried'
				: `Every item's request starts at once (at most ${IN_FLIGHT} in flight); pages follow each other without a pause; nothing is retried`,
		},
		exportDeals: ({ webhookUrl }) => exportPaged(paced, webhookUrl),
		createLeads: ({ webhookUrl, input }) =>
			perItem(paced, webhookUrl, input, (item) => ['crm.lead.add', { fields: leadFields(item) }]),
		updateDeals: ({ webhookUrl, input }) =>
			perItem(paced, webhookUrl, input, (item) => [
				'crm.deal.update',
				{ id: item.id, fields: { OPPORTUNITY: item.amount } },
			]),
		getDeals: ({ webhookUrl, input }) =>
			perItem(paced, webhookUrl, input, (item) => ['crm.deal.get', { id: item.id }]),
	};
}

module.exports = { httpRequestContender };

'use strict';

/**
 * The script a Bitrix24 developer writes by hand from the "huge data" docs: plain HTTP (axios),
 * JSON bodies, `batch` requests of 50 commands sent one after the other.
 *
 * - export: 50 pages chained in one batch (`start=-1`, `order[ID]=ASC`, `filter[>ID]` = the
 *   previous page's last ID through `$result[pN][49][ID]`), until a page has fewer than 50 rows;
 * - writes and reads by ID: 50 calls per batch, one batch at a time; a batch Bitrix24 refused with
 *   QUERY_LIMIT_EXCEEDED (it did not run) waits a second and goes again.
 */

const axios = require('axios');
const { countMessages } = require('./errors');
const { leadFields } = require('./lead-fields');

const PAGE = 50;
const SELECT = 'select[]=*&select[]=UF_*';

/** PHP http_build_query of one command's params (what Bitrix24 reads inside a batch). */
function query(params, prefix = '') {
	const pairs = [];
	for (const [key, value] of Object.entries(params)) {
		const name = prefix ? `${prefix}[${key}]` : key;
		if (value !== null && typeof value === 'object') pairs.push(query(value, name));
		else pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
	}
	return pairs.filter(Boolean).join('&');
}

/** @param {string} webhookUrl */
function batchSender(webhookUrl) {
	const http = axios.create({ baseURL: webhookUrl, validateStatus: () => true });
	return async (cmd) => {
		for (;;) {
			const { data } = await http.post('batch.json', { halt: 0, cmd });
			if (data?.error === 'QUERY_LIMIT_EXCEEDED') {
				await new Promise((resolve) => setTimeout(resolve, 1000));
				continue;
			}
			if (data?.error) throw new Error(`${data.error}: ${data.error_description}`);
			return data.result;
		}
	};
}

/** @param {string} webhookUrl @param {Array<[string, object]>} calls */
async function inBatches(webhookUrl, calls) {
	const send = batchSender(webhookUrl);
	const rows = [];
	const errors = [];
	for (let from = 0; from < calls.length; from += PAGE) {
		const cmd = {};
		calls.slice(from, from + PAGE).forEach(([method, params], i) => {
			cmd[`c${i}`] = `${method}?${query(params)}`;
		});
		const result = await send(cmd);
		for (const key of Object.keys(cmd)) {
			if (result.result_error?.[key]) errors.push(result.result_error[key].error);
			else rows.push(result.result[key]);
		}
	}
	return { rows, errors: countMessages(errors) };
}

module.exports = {
	id: 'chained-batch',
	short: 'chained-batch script',
	label: 'A chained-batch script (axios, JSON bodies, 50 commands per batch request)',
	notes: {
		all: 'The fast export of Bitrix24\'s "huge data" docs with 50 pages chained per batch; writes 50 per batch, one batch after the other, a refused batch resent after 1 s',
	},
	async exportDeals({ webhookUrl }) {
		const send = batchSender(webhookUrl);
		const rows = [];
		let cursor = 0;
		for (;;) {
			const cmd = {};
			for (let p = 0; p < PAGE; p++) {
				const from = p === 0 ? cursor : `$result[p${p - 1}][${PAGE - 1}][ID]`;
				cmd[`p${p}`] = `crm.deal.list?order[ID]=ASC&filter[>ID]=${from}&start=-1&${SELECT}`;
			}
			const result = await send(cmd);
			for (let p = 0; p < PAGE; p++) {
				const page = result.result[`p${p}`] ?? [];
				for (const row of page) rows.push(row);
				if (page.length < PAGE) return { rows };
			}
			cursor = rows[rows.length - 1].ID;
		}
	},
	createLeads: ({ webhookUrl, input }) =>
		inBatches(
			webhookUrl,
			input.map((item) => ['crm.lead.add', { fields: leadFields(item) }]),
		),
	updateDeals: ({ webhookUrl, input }) =>
		inBatches(
			webhookUrl,
			input.map((item) => [
				'crm.deal.update',
				{ id: item.id, fields: { OPPORTUNITY: item.amount } },
			]),
		),
	getDeals: ({ webhookUrl, input }) =>
		inBatches(
			webhookUrl,
			input.map((item) => ['crm.deal.get', { id: item.id }]),
		),
};

'use strict';

/**
 * The workflows the benchmark runs in a real n8n: this package's Bitrix24 node, and what a
 * careful user builds with n8n's own HTTP Request node instead (Code nodes to group calls into
 * Bitrix24 `batch` bodies and to read the rows back, pagination and batching options set as well
 * as they can be). Every workflow starts with a Manual Trigger and an "Input" Code node that
 * makes the scenario's input items; the measured part is the rest ("job" nodes).
 */

const PACKAGE_NODE = 'n8n-nodes-bitrix24.bitrix24';
const CREDENTIAL = { id: 'bnchWebhookCred1', name: 'Bitrix24 (bench sandbox)' };

/** The deal fields every export asks for (as the other contenders do: all fields). */
const SELECT = 'select[]=*&select[]=UF_*';

let position = 0;
const node = (name, type, typeVersion, parameters, extra = {}) => ({
	id: `${name.toLowerCase().replace(/\W+/g, '-')}-${++position}`,
	name,
	type,
	typeVersion,
	position: [position * 220, 0],
	parameters,
	...extra,
});

const manual = () => node('Start', 'n8n-nodes-base.manualTrigger', 1, {});
const code = (name, jsCode) => node(name, 'n8n-nodes-base.code', 2, { jsCode });

/** Nodes in a row, each feeding the next. */
function chain(id, name, nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1', saveManualExecutions: false },
		pinData: {},
	};
}

/** The input items of a scenario, made in a Code node (identical to bench/scenarios.js). */
function inputCode(operation, prepared) {
	if (operation === 'createLeads') {
		return `return Array.from({ length: ${prepared.input.length} }, (_, i) => {
	const serial = String(i + 1).padStart(6, '0');
	return { json: { title: 'Bench lead ' + serial, name: 'Person ' + serial, phone: '+1 555 ' + serial, email: 'lead' + serial + '@example.com' } };
});`;
	}
	if (operation === 'updateDeals') {
		return `const ids = ${JSON.stringify(prepared.input.map((item) => item.id))};
return ids.map((id, i) => ({ json: { id, amount: 5000 + i } }));`;
	}
	if (operation === 'getDeals') {
		return `const ids = ${JSON.stringify(prepared.input.map((item) => item.id))};
return ids.map((id) => ({ json: { id } }));`;
	}
	return 'return [{ json: {} }];';
}

const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

/** The Bitrix24 node's parameters per operation (as bench/contenders/n8n-node.js). */
const OUR_PARAMETERS = {
	exportDeals: { resource: 'deal', operation: 'getAll', returnAll: true, simplify: false },
	createLeads: {
		resource: 'lead',
		operation: 'create',
		title: '={{ $json.title }}',
		phones: { values: [{ value: '={{ $json.phone }}', valueType: 'WORK' }] },
		emails: { values: [{ value: '={{ $json.email }}', valueType: 'WORK' }] },
		additionalFields: { NAME: '={{ $json.name }}', SOURCE_ID: 'WEB' },
	},
	updateDeals: {
		resource: 'deal',
		operation: 'update',
		dealId: byId,
		updateFields: { OPPORTUNITY: '={{ $json.amount }}' },
	},
	getDeals: { resource: 'deal', operation: 'get', dealId: byId, simplify: false },
};

/** This package: Start → Input → Bitrix24. */
function ourWorkflow(id, operation, prepared) {
	const nodes = [manual()];
	if (operation !== 'exportDeals') nodes.push(code('Input', inputCode(operation, prepared)));
	nodes.push(
		node(
			'Bitrix24',
			PACKAGE_NODE,
			1,
			{ authentication: 'webhook', ...OUR_PARAMETERS[operation] },
			{ credentials: { bitrix24WebhookApi: CREDENTIAL } },
		),
	);
	return {
		workflow: chain(id, `Bench ${operation}: n8n-nodes-bitrix24`, nodes),
		job: ['Bitrix24'],
	};
}

/** PHP http_build_query inside a Code node: what Bitrix24 reads in each batch command. */
const PHP_QUERY = `const query = (params, prefix = '') => Object.entries(params).map(([key, value]) => {
	const name = prefix ? prefix + '[' + key + ']' : key;
	return value !== null && typeof value === 'object' ? query(value, name) : encodeURIComponent(name) + '=' + encodeURIComponent(value);
}).filter(Boolean).join('&');`;

/** Code that turns the input items into Bitrix24 batch bodies of 50 commands each. */
function batchBodiesCode(operation) {
	const command = {
		createLeads: `'crm.lead.add?' + query({ fields: { TITLE: j.title, NAME: j.name, SOURCE_ID: 'WEB', PHONE: [{ VALUE: j.phone, VALUE_TYPE: 'WORK' }], EMAIL: [{ VALUE: j.email, VALUE_TYPE: 'WORK' }] } })`,
		updateDeals: `'crm.deal.update?' + query({ id: j.id, fields: { OPPORTUNITY: j.amount } })`,
		getDeals: `'crm.deal.get?' + query({ id: j.id })`,
	}[operation];
	return `${PHP_QUERY}
const items = $input.all();
const bodies = [];
for (let from = 0; from < items.length; from += 50) {
	const cmd = {};
	items.slice(from, from + 50).forEach((item, i) => {
		const j = item.json;
		cmd['c' + i] = ${command};
	});
	bodies.push({ json: { halt: 0, cmd } });
}
return bodies;`;
}

/** Code that reads the rows (or results) back out of the batch answers, in order. */
const RESULTS_CODE = `const rows = [];
for (const item of $input.all()) {
	const result = item.json.result?.result ?? {};
	const keys = Object.keys(item.json.result?.result_error ?? {});
	if (keys.length) throw new Error('Bitrix24 refused ' + keys.length + ' commands');
	for (const value of Object.values(result)) rows.push({ json: typeof value === 'object' && value !== null ? value : { result: value } });
}
return rows;`;

/** Pages of a chained export answer, in order, up to the first short page. */
const PAGES_CODE = `const rows = [];
for (const item of $input.all()) {
	const pages = item.json.result?.result ?? {};
	for (let p = 0; p < 50; p++) {
		const page = pages['p' + p] ?? [];
		for (const row of page) rows.push({ json: row });
		if (page.length < 50) break;
	}
}
return rows;`;

/** The HTTP Request node (typeVersion 4.2) posting to the webhook's `batch` method. */
function httpNode(webhookUrl, parameters) {
	return node('HTTP Request', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: `${webhookUrl}batch.json`,
		...parameters,
	});
}

/**
 * n8n's HTTP Request node, used as well as a user can:
 * - export: the chained fast export of Bitrix24's docs in one paginated HTTP Request node — a
 *   form body with 50 commands `cmd[p0]…cmd[p49]` (each page's `>ID` is the previous page's last
 *   ID through `$result[pN][49][ID]`), pagination updating `cmd[p0]` from the last page of the
 *   previous answer until a page is short; a Code node reads the rows out of the pages;
 * - item jobs: a Code node groups the items into batch bodies of 50 commands, the HTTP Request
 *   node posts one body per item (writes paced by its Batching option, 1 item every 500 ms:
 *   Bitrix24's 2 requests per second; reads all at once, 20 requests fit the burst), a Code node
 *   reads the results.
 */
function httpWorkflow(id, operation, prepared, webhookUrl) {
	const nodes = [manual()];
	let job;
	if (operation === 'exportDeals') {
		const page = (p) =>
			`crm.deal.list?order[ID]=ASC&filter[>ID]=${p === 0 ? 0 : `$result[p${p - 1}][49][ID]`}&start=-1&${SELECT}`;
		const bodyParameters = [{ name: 'halt', value: '0' }];
		for (let p = 0; p < 50; p++) bodyParameters.push({ name: `cmd[p${p}]`, value: page(p) });
		nodes.push(
			httpNode(webhookUrl, {
				sendBody: true,
				contentType: 'form-urlencoded',
				bodyParameters: { parameters: bodyParameters },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [
									{
										type: 'body',
										name: 'cmd[p0]',
										value: `=crm.deal.list?order[ID]=ASC&filter[>ID]={{ $response.body.result.result.p49[49].ID }}&start=-1&${SELECT}`,
									},
								],
							},
							paginationCompleteWhen: 'other',
							completeExpression:
								'={{ Object.values($response.body.result.result).some((page) => page.length < 50) }}',
						},
					},
				},
			}),
			code('Rows', PAGES_CODE),
		);
		job = ['HTTP Request', 'Rows'];
	} else {
		const writes = operation !== 'getDeals';
		nodes.push(
			code('Input', inputCode(operation, prepared)),
			code('Batch bodies', batchBodiesCode(operation)),
			httpNode(webhookUrl, {
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify($json) }}',
				options: writes ? { batching: { batch: { batchSize: 1, batchInterval: 500 } } } : {},
			}),
			code('Results', RESULTS_CODE),
		);
		job = ['Batch bodies', 'HTTP Request', 'Results'];
	}
	return { workflow: chain(id, `Bench ${operation}: HTTP Request`, nodes), job };
}

/** The credential the package's node uses, pointing at the sandbox. */
function webhookCredential(webhookUrl) {
	return {
		...CREDENTIAL,
		type: 'bitrix24WebhookApi',
		data: { secretWebhookUrl: webhookUrl },
	};
}

const HTTP_NODE_SETTINGS = {
	exportDeals:
		'one paginated HTTP Request node: form body of 50 chained crm.deal.list commands (start=-1, `>ID` from the previous page through `$result[pN][49][ID]`), pagination updates `cmd[p0]` from the last row of the previous answer until a page is short; a Code node reads the pages',
	createLeads:
		'a Code node builds batch bodies of 50 crm.lead.add commands, the HTTP Request node posts one per item with Batching "1 item every 500 ms" (2 requests per second), a Code node reads the results',
	updateDeals:
		'a Code node builds batch bodies of 50 crm.deal.update commands, the HTTP Request node posts one per item with Batching "1 item every 500 ms", a Code node reads the results',
	getDeals:
		'a Code node builds batch bodies of 50 crm.deal.get commands, the HTTP Request node posts them at once (20 requests fit the burst of 50), a Code node reads the results',
};

module.exports = { ourWorkflow, httpWorkflow, webhookCredential, HTTP_NODE_SETTINGS, CREDENTIAL };

'use strict';

/**
 * The benchmark scenarios: what the portal holds before, what each contender is asked to do, and
 * how the result is checked against the portal's state afterwards.
 *
 * Every contender implements the four operations named by `operation`:
 *   exportDeals({webhookUrl})            → {rows}     all deals, every field
 *   createLeads({webhookUrl, input})     → {}         one lead per input item
 *   updateDeals({webhookUrl, input})     → {}         OPPORTUNITY of each deal set to the item's amount
 *   getDeals({webhookUrl, input})        → {rows}     one deal per input id
 * and may return `errors` ({message: count}); a thrown error ends the run as failed.
 */

/** The issue's sizes. */
const ISSUE_SIZES = {
	exportRows: 100000,
	createItems: 10000,
	updateItems: 10000,
	getIds: 1000,
	stormItems: 10000,
};

/**
 * Sizes per scale. On the virtual clock the issue's sizes take about a minute, so they are the
 * default; `full` repeats every run (bench/run.js) and `quick` is the CI smoke run.
 */
const SCALES = {
	quick: { exportRows: 5000, createItems: 300, updateItems: 300, getIds: 100, stormItems: 300 },
	default: ISSUE_SIZES,
	full: ISSUE_SIZES,
};

/** @param {number} count */
function leadItems(count) {
	return Array.from({ length: count }, (_, i) => {
		const serial = String(i + 1).padStart(6, '0');
		return {
			title: `Bench lead ${serial}`,
			name: `Person ${serial}`,
			phone: `+1 555 ${serial}`,
			email: `lead${serial}@example.com`,
		};
	});
}

/** @param {import('../sandbox/bitrix24').Sandbox} portal @param {number} count */
function seedDeals(portal, count) {
	return portal.seedDeals(count, (i) => ({
		TITLE: `Seeded deal ${i + 1}`,
		OPPORTUNITY: 100 + (i % 900),
		STAGE_ID: i % 3 === 0 ? 'PREPARATION' : 'NEW',
	}));
}

/**
 * Checks rows a contender returned against the IDs expected.
 * @param {Array<Record<string, unknown>>|undefined} rows @param {number[]} expectedIds
 */
function checkRows(rows, expectedIds) {
	const expected = new Set(expectedIds.map(String));
	const seen = new Map();
	for (const row of rows ?? []) {
		const id = String(row.ID ?? row.id);
		if (expected.has(id)) seen.set(id, (seen.get(id) ?? 0) + 1);
	}
	let duplicated = 0;
	for (const times of seen.values()) duplicated += times - 1;
	return { expected: expected.size, ok: seen.size, lost: expected.size - seen.size, duplicated };
}

/** Checks the leads on the portal against the titles of the input items. */
function checkCreatedLeads(portal, input) {
	const wanted = new Set(input.map((item) => item.title));
	const counts = new Map();
	for (const lead of portal.leads()) {
		if (wanted.has(lead.TITLE)) counts.set(lead.TITLE, (counts.get(lead.TITLE) ?? 0) + 1);
	}
	let duplicated = 0;
	for (const times of counts.values()) duplicated += times - 1;
	return { expected: wanted.size, ok: counts.size, lost: wanted.size - counts.size, duplicated };
}

const n = (count) => count.toLocaleString('en');

const createScenario = (id, title, size, storm) => ({
	id,
	title,
	operation: 'createLeads',
	storm,
	size,
	unit: 'items',
	prepare: (_portal, scale) => ({ input: leadItems(scale[size]) }),
	verify: (portal, { input }) => checkCreatedLeads(portal, input),
});

/**
 * `prepare` seeds the portal and returns the contender's `input` (plus what `verify` needs);
 * `verify` checks the outcome and the portal afterwards: {expected, ok, lost, duplicated}.
 * @type {Array<{id: string, title: (size: number) => string, operation: string, storm: boolean, size: string, unit: string,
 *   prepare: (portal: any, scale: Record<string, number>) => {input?: object[], expectedIds?: number[]},
 *   verify: (portal: any, prepared: any, outcome: any) => {expected: number, ok: number, lost: number, duplicated: number}}>}
 */
const SCENARIOS = [
	{
		id: 'export',
		title: (count) => `Export all ${n(count)} deals`,
		operation: 'exportDeals',
		storm: false,
		size: 'exportRows',
		unit: 'rows',
		prepare: (portal, scale) => ({ expectedIds: seedDeals(portal, scale.exportRows) }),
		verify: (_portal, { expectedIds }, outcome) => checkRows(outcome.rows, expectedIds),
	},
	createScenario('create', (count) => `Create ${n(count)} leads`, 'createItems', false),
	{
		id: 'update',
		title: (count) => `Update ${n(count)} deals`,
		operation: 'updateDeals',
		storm: false,
		size: 'updateItems',
		unit: 'items',
		prepare: (portal, scale) => ({
			input: seedDeals(portal, scale.updateItems).map((id, i) => ({ id, amount: 5000 + i })),
		}),
		verify: (portal, { input }) => {
			const amountById = new Map(input.map((item) => [String(item.id), item.amount]));
			let ok = 0;
			for (const deal of portal.deals()) {
				if (Number(deal.OPPORTUNITY) === amountById.get(String(deal.ID))) ok++;
			}
			return { expected: input.length, ok, lost: input.length - ok, duplicated: 0 };
		},
	},
	{
		id: 'get',
		title: (count) => `Get ${n(count)} deals by ID`,
		operation: 'getDeals',
		storm: false,
		size: 'getIds',
		unit: 'records',
		prepare: (portal, scale) => ({
			input: seedDeals(portal, scale.getIds).map((id) => ({ id })),
		}),
		verify: (_portal, { input }, outcome) =>
			checkRows(
				outcome.rows,
				input.map((item) => item.id),
			),
	},
	createScenario(
		'storm',
		(count) => `Create ${n(count)} leads, 30 % of requests refused`,
		'stormItems',
		true,
	),
];

module.exports = { SCENARIOS, SCALES, leadItems };

'use strict';

/**
 * The sample portal behind `npm start`, and the one the end-to-end suite runs every example
 * workflow against: each example finds something to act on (new leads, deals untouched for a
 * week, open tasks due today, employees, a known contact).
 */

const DAY_MS = 24 * 3600 * 1000;
const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken'];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson'];
const LEAD_STATUSES = ['NEW', 'IN_PROCESS', 'PROCESSED'];

/** @param {import('./index').Sandbox} sandbox @param {string} method @param {object} params */
async function call(sandbox, method, params) {
	const response = await fetch(`${sandbox.webhookUrl}${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(params),
	});
	const body = await response.json();
	if (body.error) throw new Error(`${method}: ${body.error_description || body.error}`);
	return body.result;
}

/**
 * Seeds a started sandbox. `now` is the wall clock the examples compare against (deadlines "by
 * today", deals "not modified for 7 days").
 * @param {import('./index').Sandbox} sandbox
 * @param {{ now?: number }} [options]
 */
async function seedDemo(sandbox, { now = Date.now() } = {}) {
	const at = (offsetDays) => new Date(now + offsetDays * DAY_MS).toISOString();

	sandbox.seedLeads(60, (i) => ({
		TITLE: `${FIRST_NAMES[i % 8]} ${LAST_NAMES[(i + 3) % 8]} — inquiry ${i + 1}`,
		NAME: FIRST_NAMES[i % 8],
		LAST_NAME: LAST_NAMES[(i + 3) % 8],
		STATUS_ID: LEAD_STATUSES[i % 3],
		ASSIGNED_BY_ID: i % 2 ? '1' : '2',
		PHONE: [{ VALUE: `+1 555 01${String(i).padStart(2, '0')}`, VALUE_TYPE: 'WORK' }],
	}));

	sandbox.seedContacts(1, () => ({
		NAME: 'Ada',
		LAST_NAME: 'Lovelace',
		EMAIL: [{ VALUE: 'ada@example.com', VALUE_TYPE: 'WORK' }],
		// Writes on WhatsApp from this number (the WhatsApp example's customer).
		PHONE: [{ VALUE: '+49 151 12345678', VALUE_TYPE: 'MOBILE' }],
	}));

	const untouched = { DATE_CREATE: at(-12), DATE_MODIFY: at(-10) };
	sandbox.seedDeals(5, (i) => ({
		TITLE: ['Office chairs', 'Website redesign', 'Annual support', 'Server upgrade', 'Training day'][i],
		OPPORTUNITY: [1200, 8500, 3000, 15000, 900][i],
		CURRENCY_ID: 'USD',
		STAGE_ID: 'NEW',
		// The first three wait for a week and more: "Move stale deals" picks them up.
		...(i < 3 ? untouched : {}),
	}));

	sandbox.seedUsers(1, () => ({
		NAME: 'Dana',
		LAST_NAME: 'Dev',
		EMAIL: 'dev@example.com',
		WORK_POSITION: 'Developer',
		PERSONAL_MOBILE: '+1 555 0101',
		WORK_PHONE: '+1 555 0102',
		UF_DEPARTMENT: [1],
	}));
	sandbox.seedUsers(1, () => ({ NAME: 'Former', LAST_NAME: 'Employee', EMAIL: 'gone@example.com', ACTIVE: false }));

	const tasks = [
		{ TITLE: 'Call Ann about the offer', RESPONSIBLE_ID: 1, DEADLINE: at(0) },
		{ TITLE: 'Chase the overdue invoice', RESPONSIBLE_ID: 1, DEADLINE: at(-3) },
		{ TITLE: 'Send the contract draft', RESPONSIBLE_ID: 2, DEADLINE: at(-1) },
		{ TITLE: 'Plan next quarter', RESPONSIBLE_ID: 2, DEADLINE: at(7) },
		{ TITLE: 'Tidy the shared drive', RESPONSIBLE_ID: 1 },
		{ TITLE: 'Order business cards', RESPONSIBLE_ID: 1, DEADLINE: at(-1), STATUS: 5 },
	];
	for (const fields of tasks) await call(sandbox, 'tasks.task.add', { fields });

	// The website-form channel of the Open Lines CRM example, set up on line 1 by the local app.
	sandbox.openLines.addConnector({ id: 'n8n_webform', name: 'Website form', lines: [1] });
}

module.exports = { seedDemo };

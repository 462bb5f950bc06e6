// Every workflow in examples/ is imported into a real n8n (with the packed package installed as a
// community package) and executed against the sandbox portal, unchanged.
const {
	prepareN8n,
	startSandbox,
	webhookCredential,
	loadExamples,
	nodeOutput,
	cleanUp,
} = require('./harness');

/** What each example must do; an example without an entry here fails the suite. */
const EXPECTATIONS = {
	'call-any-method.json': {
		async run(n8n, workflow, sandbox) {
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const me = nodeOutput(run, 'Who am I (user.current)');
			expect(me[0].json.result.ID).toBe('1');
			const mine = nodeOutput(run, 'My leads (crm.lead.list)');
			const expected = sandbox.leads().filter((lead) => lead.ASSIGNED_BY_ID === '1');
			expect(mine.map((item) => item.json.ID)).toEqual(expected.map((lead) => lead.ID).reverse());
		},
	},
	'create-lead-from-website-form.json': {
		webhook: true,
		async run(n8n, workflow, sandbox) {
			const before = sandbox.leads().length;
			const response = await fetch(`${n8n.url}/webhook/bitrix24-new-lead`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'Grace Hopper',
					email: 'grace@example.com',
					phone: '+1 555 0100',
					message: 'Call me',
				}),
			});
			expect(response.status).toBe(200);
			const body = await response.json();
			const leads = sandbox.leads();
			expect(leads).toHaveLength(before + 1);
			const lead = leads[leads.length - 1];
			expect(body).toEqual({ id: Number(lead.ID) });
			expect(lead).toMatchObject({
				TITLE: 'Website inquiry: Grace Hopper',
				NAME: 'Grace Hopper',
				SOURCE_ID: 'WEB',
				COMMENTS: 'Call me',
			});
			expect(lead.EMAIL[0].VALUE).toBe('grace@example.com');
		},
	},
	'export-leads-to-csv.json': {
		async run(n8n, workflow, sandbox) {
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			expect(nodeOutput(run, 'Get all leads')).toHaveLength(sandbox.leads().length);
			const [file] = nodeOutput(run, 'Convert to CSV');
			expect(file.binary.data).toMatchObject({ fileName: 'leads.csv', mimeType: 'text/csv' });
		},
	},
	'move-stale-deals-on-schedule.json': {
		async run(n8n, workflow, sandbox) {
			const stale = sandbox
				.deals()
				.filter((deal) => deal.STAGE_ID === 'NEW' && deal.TITLE.startsWith('Stale'));
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const moved = nodeOutput(run, 'Move to Preparation');
			expect(moved.map((item) => String(item.json.id)).sort()).toEqual(
				stale.map((deal) => deal.ID).sort(),
			);
			const after = new Map(sandbox.deals().map((deal) => [deal.ID, deal.STAGE_ID]));
			for (const deal of stale) expect(after.get(deal.ID)).toBe('PREPARATION');
			expect(
				sandbox
					.deals()
					.filter((deal) => deal.TITLE.startsWith('Fresh'))
					.every((deal) => deal.STAGE_ID === 'NEW'),
			).toBe(true);
		},
	},
	'upsert-contacts-from-spreadsheet.json': {
		async run(n8n, workflow, sandbox) {
			const first = await n8n.execute(workflow.id);
			expect(first.status).toBe('success');
			expect(
				nodeOutput(first, 'Create or update contact').map((item) => item.json.created),
			).toEqual([false, true, true]);
			const again = await n8n.execute(workflow.id);
			expect(
				nodeOutput(again, 'Create or update contact').map((item) => item.json.updated),
			).toEqual([true, true, true]);
			const byEmail = new Map(
				sandbox.contacts().map((contact) => [contact.EMAIL[0].VALUE, contact]),
			);
			expect(byEmail.size).toBe(3);
			expect(byEmail.get('ada@example.com')).toMatchObject({
				NAME: 'Ada',
				LAST_NAME: 'Lovelace',
				POST: 'Analyst',
			});
		},
	},
	'update-lead-status.json': {
		async run(n8n, workflow, sandbox) {
			const newBefore = sandbox.leads().filter((lead) => lead.STATUS_ID === 'NEW').length;
			const run = await n8n.execute(workflow.id);
			expect(run.status).toBe('success');
			const updated = nodeOutput(run, 'Set status In progress');
			expect(updated).toHaveLength(10);
			expect(updated.every((item) => item.json.updated === true)).toBe(true);
			expect(sandbox.leads().filter((lead) => lead.STATUS_ID === 'NEW')).toHaveLength(
				newBefore - 10,
			);
			const ids = new Set(updated.map((item) => String(item.json.id)));
			for (const lead of sandbox.leads().filter((lead) => ids.has(lead.ID))) {
				expect(lead).toMatchObject({ STATUS_ID: 'IN_PROCESS', COMMENTS: 'Picked up by n8n' });
			}
		},
	},
};

describe('example workflows in a real n8n', () => {
	const examples = loadExamples();
	let n8n;
	let sandbox;
	/** The sandbox's clock runs this far behind, to seed deals "modified 10 days ago". */
	let clockOffset = 0;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: () => Date.now() - clockOffset });
		sandbox.seedLeads(120, (i) => ({
			TITLE: `Example lead ${i}`,
			STATUS_ID: i % 3 === 0 ? 'NEW' : 'IN_PROCESS',
			ASSIGNED_BY_ID: i % 2 ? '1' : '2',
		}));
		sandbox.seedContacts(1, () => ({
			NAME: 'Ada',
			EMAIL: [{ VALUE: 'ada@example.com', VALUE_TYPE: 'WORK' }],
		}));
		clockOffset = 10 * 24 * 3600 * 1000;
		sandbox.seedDeals(3, (i) => ({ TITLE: `Stale deal ${i}` }));
		clockOffset = 0;
		sandbox.seedDeals(2, (i) => ({ TITLE: `Fresh deal ${i}` }));
		n8n = await prepareN8n('examples');
		await n8n.importCredentials([webhookCredential(sandbox)]);
		for (const { workflow } of examples) await n8n.importWorkflow(workflow);
	});

	afterAll(async () => {
		await cleanUp(n8n);
		await sandbox?.stop();
	});

	it('has an expectation for every example', () => {
		expect(examples.map((example) => example.file).filter((file) => !EXPECTATIONS[file])).toEqual(
			[],
		);
	});

	for (const { file, workflow } of loadExamples().filter(
		({ file }) => !EXPECTATIONS[file]?.webhook,
	)) {
		it(`runs ${file}`, async () => {
			await EXPECTATIONS[file].run(n8n, workflow, sandbox);
		});
	}

	describe('with n8n started and the webhook examples published', () => {
		beforeAll(async () => {
			for (const { file, workflow } of examples) {
				if (EXPECTATIONS[file]?.webhook) await n8n.publishWorkflow(workflow.id);
			}
			await n8n.start();
			await n8n.waitForWebhook('/webhook/bitrix24-new-lead');
		});

		for (const { file, workflow } of loadExamples().filter(
			({ file }) => EXPECTATIONS[file]?.webhook,
		)) {
			it(`runs ${file}`, async () => {
				await EXPECTATIONS[file].run(n8n, workflow, sandbox);
			});
		}
	});
});

// The transport's limit and fault handling, end to end: n8n's engine against the sandbox portal.
const {
	startPortal,
	runBitrix24,
	credentialsFor,
	restRequests,
} = require('../../../helpers/bitrix24');

const currentUserTwice = {
	items: [{}, {}],
	parameters: {
		resource: 'method',
		operation: 'call',
		method: 'user.current',
		parametersMode: 'none',
		options: { batchItems: false },
	},
};

describe('transport limits and faults in a workflow', () => {
	let portal;
	afterEach(async () => {
		await portal.stop();
	});

	it('waits for the method-time window to reset after OPERATION_TIME_LIMIT, then goes on', async () => {
		portal = await startPortal({
			operating: { limitSeconds: 1, windowSeconds: 3, costSeconds: { 'user.current': 2 } },
		});
		const { output, error } = await runBitrix24(portal, currentUserTwice);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		// The window only resets 3 s after the first call: a retry before that would meet 429 again.
		expect(portal.log.map((entry) => entry.status)).toEqual([200, 429, 200]);
	});

	it('fails clearly when waiting for the reset would exceed the credential bound', async () => {
		portal = await startPortal({
			operating: { limitSeconds: 1, windowSeconds: 600, costSeconds: { 'user.current': 2 } },
		});
		const credentials = credentialsFor(portal, 'webhook', { maxOperatingWaitSeconds: 5 });
		const { error } = await runBitrix24(portal, { ...currentUserTwice, credentials });
		expect(error.message).toBe(
			'Bitrix24 user.current: Method is blocked due to operation time limit. [OPERATION_TIME_LIMIT]',
		);
		expect(error.description).toMatch(/Max Wait on Method Time Limit/);
		expect(error.context.itemIndex).toBe(1);
		expect(restRequests(portal)).toBe(2);
	});

	it('repeats a read that met a server error', async () => {
		portal = await startPortal();
		portal.seedLeads(3);
		portal.faults.add({ type: 'status', status: 500, on: [1] });
		const { output, error } = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(portal.log.map((entry) => entry.status)).toEqual([500, 200]);
	});

	it('does not repeat a write that met a server error', async () => {
		portal = await startPortal();
		portal.faults.add({ type: 'status', status: 502, on: [1] });
		const { error } = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'create', title: 'Once' },
		});
		expect(error.message).toMatch(
			/^Bitrix24 crm\.lead\.add: .*; the request may have been processed$/,
		);
		expect(error.description).toMatch(/check the record in Bitrix24/);
		expect(error.httpCode).toBe('502');
		expect(restRequests(portal)).toBe(1);
	});

	it('stays within the portal rate limit (50 burst, 2 per second): 60 single calls paced, none rejected', async () => {
		portal = await startPortal({ bucket: { burst: 50, drainPerSecond: 2 } });
		const credentials = credentialsFor(portal, 'webhook');
		for (let run = 0; run < 3; run++) {
			const { error } = await runBitrix24(portal, {
				items: Array.from({ length: 20 }, () => ({})),
				credentials,
				parameters: { ...currentUserTwice.parameters },
			});
			expect(error).toBeUndefined();
		}
		expect(restRequests(portal)).toBe(60);
		// Unpaced, calls 51–60 would overflow the bucket and be refused with 503.
		expect(portal.log.filter((entry) => entry.status === 503)).toHaveLength(0);
	});

	it('waits out OPERATION_TIME_LIMIT met by pages inside a chained export batch', async () => {
		portal = await startPortal({
			operating: { limitSeconds: 1, windowSeconds: 2, costSeconds: { 'crm.lead.list': 0.3 } },
		});
		portal.seedLeads(600);
		const { output, error } = await runBitrix24(portal, {
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true, simplify: false },
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => Number(item.json.ID))).toEqual(
			portal.leads().map((lead) => Number(lead.ID)),
		);
		expect(portal.log.some((entry) => entry.status === 429)).toBe(true);
	});
});

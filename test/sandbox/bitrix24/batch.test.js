'use strict';

const { startSandbox, call, httpBuildQuery } = require('./helpers');
const { resolveReferences } = require('../../../sandbox/bitrix24/batch');

describe('sandbox batch', () => {
	let sb;
	const batch = (params, options) => call(sb.webhookUrl, 'batch', params, options);
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	test('runs commands in order with $result references; maps per command; one log entry', async () => {
		sb.seedLeads(60);
		const res = await batch({
			halt: 0,
			cmd: {
				add: `crm.lead.add?${httpBuildQuery({ fields: { TITLE: 'From batch', PHONE: [{ VALUE: '+1 777' }] } })}`,
				get: 'crm.lead.get?id=$result[add]',
				copy: 'crm.lead.add?fields[TITLE]=Copy of $result[get][TITLE]&fields[COMMENTS]=$result[get][PHONE][0][VALUE]',
				list: 'crm.lead.list?select[]=ID&filter[<ID]=61',
				page2: 'crm.lead.list?select[]=ID&start=$next[list]&filter[<ID]=61',
				missing: 'crm.lead.get?id=99999',
			},
		});
		expect(res.status).toBe(200);
		const { result, result_error, result_total, result_next, result_time } = res.body.result;
		expect(result.add).toBe(61);
		expect(result.get).toMatchObject({ ID: '61', TITLE: 'From batch' });
		expect(result.list).toHaveLength(50);
		expect(result.page2.map((r) => r.ID)).toEqual([
			'51',
			'52',
			'53',
			'54',
			'55',
			'56',
			'57',
			'58',
			'59',
			'60',
		]);
		expect(result_total).toEqual({ list: 60, page2: 60 });
		expect(result_next).toEqual({ list: 50 });
		expect(result_error).toEqual({ missing: { error: '', error_description: 'Not found' } });
		expect(Object.keys(result_time)).toEqual(['add', 'get', 'copy', 'list', 'page2']);
		expect(result_time.get).toEqual(
			expect.objectContaining({
				start: expect.any(Number),
				duration: expect.any(Number),
				date_start: expect.any(String),
			}),
		);
		expect(sb.leads().find((l) => l.ID === '62')).toMatchObject({
			TITLE: 'Copy of From batch',
			COMMENTS: '+1 777',
		});
		expect(sb.log).toHaveLength(1);
		expect(sb.log[0].batch).toEqual({
			commands: 6,
			methods: [
				'crm.lead.add',
				'crm.lead.get',
				'crm.lead.add',
				'crm.lead.list',
				'crm.lead.list',
				'crm.lead.get',
			],
		});
	});

	test('a whole-value reference passes arrays; sub-params are strings', async () => {
		sb.seedLeads(3);
		const res = await batch({
			cmd: {
				ids: 'crm.lead.list?select[]=ID&order[ID]=DESC',
				pick: 'crm.lead.list?select[]=ID&filter[@ID][]=$result[ids][0][ID]&filter[@ID][]=$result[ids][2][ID]',
				whole: 'crm.lead.list?select[]=ID&filter=$result[ids][1]',
			},
		});
		const { result } = res.body.result;
		expect(result.pick.map((r) => r.ID)).toEqual(['1', '3']);
		// filter = {ID: "2"} (the whole referenced row) selects lead 2.
		expect(result.whole).toEqual([{ ID: '2' }]);
	});

	test('an array cmd gives list-shaped maps; a failed command leaves a gap (object)', async () => {
		sb.seedLeads(1);
		const ok = await batch({ cmd: ['crm.lead.get?id=1', 'server.time'] });
		expect(Array.isArray(ok.body.result.result)).toBe(true);
		expect(ok.text).toContain('"result_error":[]');
		const gap = await batch({ cmd: ['crm.lead.get?id=1', 'crm.lead.get?id=2', 'server.time'] });
		expect(gap.body.result.result).toEqual({ 0: expect.any(Object), 2: expect.any(String) });
		expect(gap.text).toMatch(/"result":\{"0":\{/);
		expect(gap.body.result.result_error).toEqual({
			1: { error: '', error_description: 'Not found' },
		});
	});

	test('halt is cast like PHP (bool): "false" halts, 0 does not', async () => {
		const cmd = { a: 'crm.lead.get?id=5', b: 'server.time' };
		const noHalt = await batch({ halt: 0, cmd });
		expect(Object.keys(noHalt.body.result.result)).toEqual(['b']);
		for (const halt of [1, true, 'false', 'Y']) {
			const halted = await batch({ HALT: halt, CMD: cmd });
			expect(halted.body.result.result).toEqual([]);
			expect(Object.keys(halted.body.result.result_error)).toEqual(['a']);
		}
	});

	test('more than 50 commands: the rest get ERROR_BATCH_LENGTH_EXCEEDED', async () => {
		const cmd = {};
		for (let i = 0; i < 53; i++) cmd[`c${i}`] = 'server.time';
		const res = await batch({ cmd });
		expect(Object.keys(res.body.result.result)).toHaveLength(50);
		expect(res.body.result.result_error).toEqual({
			c50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
			c51: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
			c52: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
		});
	});

	test('batch in batch, unknown methods, event.* via webhook, case-insensitive names', async () => {
		const res = await batch({
			cmd: {
				nested: 'batch?cmd[x]=server.time',
				unknown: 'no.such.method',
				event: 'event.get',
				upper: 'SERVER.TIME',
			},
		});
		expect(res.body.result.result_error).toEqual({
			nested: {
				error: 'ERROR_BATCH_METHOD_NOT_ALLOWED',
				error_description: 'Method is not allowed for batch usage',
			},
			unknown: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
			event: {
				error: 'WRONG_AUTH_TYPE',
				error_description: 'Current authorization type is denied for this method',
			},
		});
		expect(Object.keys(res.body.result.result)).toEqual(['upper']);
	});

	test('form-encoded batch: commands are URL-encoded once more', async () => {
		const command = `crm.lead.add?${httpBuildQuery({ fields: { TITLE: 'A&B = C' } })}`;
		const res = await batch({ cmd: { add: command } }, { as: 'form' });
		expect(res.body.result.result.add).toBe(1);
		expect(sb.leads()[0].TITLE).toBe('A&B = C');
		// A raw '#' starts a URL fragment and cuts the command, like parse_url.
		await batch({ cmd: { add: 'crm.lead.add?fields[TITLE]=Hash#tag' } });
		expect(sb.leads()[1].TITLE).toBe('Hash');
	});

	test('reference resolution follows processBatchElement', () => {
		const acc = {
			result: {
				lead: { ID: '7', PHONE: [{ VALUE: '+1' }], EMPTY: null, N: 5 },
				list: [{ ID: '1' }],
			},
			next: { list: 50 },
			total: {},
			time: { lead: { duration: 0.5 } },
			error: {},
		};
		expect(resolveReferences('$result[lead][ID]', acc)).toBe('7');
		expect(resolveReferences('$result[lead][PHONE]', acc)).toEqual([{ VALUE: '+1' }]);
		expect(resolveReferences('id-$result[lead][N] x', acc)).toBe('id-5 x');
		expect(resolveReferences('$next[list]', acc)).toBe(50);
		expect(resolveReferences('$time[lead][duration]', acc)).toBe(0.5);
		// Lenient walk: stops at the first missing segment and uses what it reached.
		expect(resolveReferences('$result[lead][NOPE][X]', acc)).toEqual(acc.result.lead);
		expect(resolveReferences('$result[lead][EMPTY]', acc)).toEqual(acc.result.lead);
		// Inside a longer string only scalars are substituted.
		expect(resolveReferences('ids: $result[lead][PHONE]', acc)).toBe('ids: $result[lead][PHONE]');
		// No brackets: not a reference. Upper-case name: matched, but nothing found.
		expect(resolveReferences('$result', acc)).toBe('$result');
		expect(resolveReferences('$RESULT[lead]', acc)).toBeNull();
		// The path runs to the next whitespace.
		expect(resolveReferences('$result[lead][ID]x y', acc)).toBe('7 y');
	});

	test('the batch counts once for the leaky bucket', async () => {
		const limited = await startSandbox({ bucket: { burst: 2, drainPerSecond: 0.001 } });
		try {
			const cmd = {};
			for (let i = 0; i < 50; i++) cmd[i] = 'server.time';
			expect((await call(limited.webhookUrl, 'batch', { cmd })).status).toBe(200);
			expect((await call(limited.webhookUrl, 'batch', { cmd })).status).toBe(200);
			expect((await call(limited.webhookUrl, 'batch', { cmd })).status).toBe(503);
		} finally {
			await limited.stop();
		}
	});
});

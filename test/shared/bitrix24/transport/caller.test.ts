import type { IDataObject } from 'n8n-workflow';

import type { CallContext, Exchange } from '../../../../nodes/shared/bitrix24/transport/caller';
import {
	backoffMs,
	DEFAULT_RETRY,
	isReadMethod,
	networkErrorWasNotSent,
	performCall,
} from '../../../../nodes/shared/bitrix24/transport/caller';
import {
	LeakyBucket,
	PLANS,
	rememberOperatingReset,
} from '../../../../nodes/shared/bitrix24/transport/limiter';
import { fakeRuntime } from './fakeRuntime';

let portalCounter = 0;

/** A call context whose `send` plays back the given exchanges, one per attempt. */
function scripted(exchanges: Exchange[], retry = DEFAULT_RETRY) {
	const clock = fakeRuntime();
	const sent: Array<{ method: string; body: IDataObject }> = [];
	const logged: Array<{ level: string; message: string }> = [];
	const ctx: CallContext = {
		log: (level, message) => logged.push({ level, message }),
		portalKey: `https://portal-${++portalCounter}.example`,
		bucket: new LeakyBucket(PLANS.standard, clock.runtime.now),
		retry,
		runtime: clock.runtime,
		send: async (method, body) => {
			sent.push({ method, body });
			const next = exchanges.shift();
			if (!next) throw new Error('no more scripted answers');
			return next;
		},
	};
	return { ctx, sent, clock, logged };
}

/** The waits the transport logged, as "reason" per wait. */
const reasons = (logged: Array<{ message: string }>) =>
	logged.map(
		({ message }) =>
			/\((pacing|rate limit|method time[^,:]*|retry after a fault)/.exec(message)?.[1],
	);

const ok = (result: unknown, extra: IDataObject = {}): Exchange => ({
	kind: 'answer',
	status: 200,
	body: { result, ...extra },
});
const rateLimited: Exchange = {
	kind: 'answer',
	status: 503,
	body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' },
};
const timeLimited: Exchange = {
	kind: 'answer',
	status: 429,
	body: {
		error: 'OPERATION_TIME_LIMIT',
		error_description: 'Method is blocked due to operation time limit.',
	},
};
const serverError: Exchange = {
	kind: 'answer',
	status: 500,
	body: { error: 'INTERNAL_SERVER_ERROR', error_description: '' },
};
const reset: Exchange = { kind: 'network', code: 'ECONNRESET', message: 'socket hang up' };
const refused: Exchange = {
	kind: 'network',
	code: 'ECONNREFUSED',
	message: 'connect ECONNREFUSED',
};

describe('performCall', () => {
	it('returns the envelope of a successful call', async () => {
		const { ctx, sent } = scripted([ok(7)]);
		const outcome = await performCall(ctx, 'crm.lead.add', { fields: { TITLE: 'x' } }, false);
		expect(outcome).toEqual({ kind: 'ok', envelope: { result: 7 } });
		expect(sent).toEqual([{ method: 'crm.lead.add', body: { fields: { TITLE: 'x' } } }]);
	});

	it('retries QUERY_LIMIT_EXCEEDED with growing backoff, also for writes (nothing ran)', async () => {
		const { ctx, sent, clock, logged } = scripted([rateLimited, rateLimited, ok(1)]);
		const outcome = await performCall(ctx, 'crm.lead.add', {}, false);
		expect(outcome.kind).toBe('ok');
		expect(sent).toHaveLength(3);
		// Backoff, then pacing at the rate the refusal cut: others use the portal too.
		expect(reasons(logged)).toEqual(['rate limit', 'pacing', 'rate limit']);
		expect([clock.sleeps[0], clock.sleeps[2]]).toEqual([1000, 2000]);
		expect(ctx.bucket.rate).toBeCloseTo(1, 1); // no evidence of others: not below half the plan
	});

	it('gives up on QUERY_LIMIT_EXCEEDED after the configured retries', async () => {
		const retry = { ...DEFAULT_RETRY, maxRateLimitRetries: 2 };
		const { ctx, sent } = scripted([rateLimited, rateLimited, rateLimited], retry);
		const outcome = await performCall(ctx, 'crm.lead.list', {}, true);
		expect(outcome).toMatchObject({
			kind: 'failed',
			failure: { code: 'QUERY_LIMIT_EXCEEDED', status: 503 },
		});
		expect(sent).toHaveLength(3);
	});

	it('waits for the method-time window to reset on OPERATION_TIME_LIMIT', async () => {
		const { ctx, clock } = scripted([timeLimited, ok([])]);
		rememberOperatingReset(ctx.portalKey, 'crm.lead.list', clock.runtime.now() / 1000 + 30);
		const outcome = await performCall(ctx, 'crm.lead.list', {}, true);
		expect(outcome.kind).toBe('ok');
		expect(clock.sleeps).toContain(31000);
	});

	it('fails clearly when the reset is further away than the allowed wait', async () => {
		const retry = { ...DEFAULT_RETRY, maxOperatingWaitMs: 10_000 };
		const { ctx, clock, sent } = scripted([timeLimited], retry);
		rememberOperatingReset(ctx.portalKey, 'crm.lead.list', clock.runtime.now() / 1000 + 300);
		const outcome = await performCall(ctx, 'crm.lead.list', {}, true);
		expect(outcome).toMatchObject({
			kind: 'failed',
			failure: { code: 'OPERATION_TIME_LIMIT', status: 429 },
		});
		expect(sent).toHaveLength(1);
	});

	it('remembers operating_reset_at from successful answers', async () => {
		const { ctx, clock } = scripted([
			ok([], { time: { operating_reset_at: 1_700_000_100 } }),
			timeLimited,
			ok([]),
		]);
		await performCall(ctx, 'crm.lead.list', {}, true);
		await performCall(ctx, 'crm.lead.list', {}, true);
		expect(clock.sleeps).toEqual([101_000]);
	});

	it('waits before a method whose time is near the limit until its window lets go, and says so as a warning', async () => {
		const now = fakeRuntime().runtime.now() / 1000;
		const time = { operating: 460, operating_reset_at: now + 40, processing: 2 };
		const { ctx, clock, sent, logged } = scripted([ok([], { time }), ok([])]);
		await performCall(ctx, 'crm.lead.list', {}, true);
		expect(clock.sleeps).toEqual([]);
		await performCall(ctx, 'crm.lead.list', {}, true);
		expect(sent).toHaveLength(2);
		expect(clock.sleeps).toEqual([41_000]);
		expect(logged).toEqual([
			{
				level: 'warn',
				message: expect.stringMatching(
					/^Bitrix24 crm\.lead\.list: waiting 41\.0 s \(method time near its limit: 460 s of Bitrix24's 480 s/,
				),
			},
		]);
	});

	it('does not wait while the method time is far from the limit, nor for other methods', async () => {
		const now = fakeRuntime().runtime.now() / 1000;
		const time = { operating: 460, operating_reset_at: now + 40 };
		const { ctx, clock } = scripted([ok([], { time: { ...time, operating: 100 } }), ok([])]);
		await performCall(ctx, 'crm.lead.list', {}, true);
		await performCall(ctx, 'crm.lead.list', {}, true);
		const other = scripted([ok([], { time }), ok([])]);
		await performCall(other.ctx, 'crm.deal.list', {}, true);
		await performCall(other.ctx, 'crm.lead.list', {}, true);
		expect([...clock.sleeps, ...other.clock.sleeps]).toEqual([]);
	});

	it('sends anyway when waiting for the window would pass the bound on such waits', async () => {
		const now = fakeRuntime().runtime.now() / 1000;
		const retry = { ...DEFAULT_RETRY, maxOperatingWaitMs: 10_000 };
		const time = { operating: 470, operating_reset_at: now + 300 };
		const { ctx, clock, sent } = scripted([ok([], { time }), ok([])], retry);
		await performCall(ctx, 'crm.lead.list', {}, true);
		await performCall(ctx, 'crm.lead.list', {}, true);
		expect(sent).toHaveLength(2);
		expect(clock.sleeps).toEqual([]);
	});

	it("watches the methods of a batch's commands before sending it", async () => {
		const now = fakeRuntime().runtime.now() / 1000;
		const time = { operating: 470, operating_reset_at: now + 20 };
		const { ctx, clock } = scripted([ok([], { time }), ok([])]);
		await performCall(ctx, 'crm.lead.add', {}, false);
		await performCall(ctx, 'batch', {}, false, ['crm.deal.add', 'crm.lead.add']);
		expect(clock.sleeps).toEqual([21_000]);
	});

	it('retries server errors and dropped connections for reads', async () => {
		const { ctx, sent } = scripted([serverError, reset, ok([])]);
		const outcome = await performCall(ctx, 'crm.lead.list', {}, true);
		expect(outcome.kind).toBe('ok');
		expect(sent).toHaveLength(3);
	});

	it('never repeats a write after a server error, and says it may have run', async () => {
		const { ctx, sent } = scripted([serverError]);
		const outcome = await performCall(ctx, 'crm.lead.add', {}, false);
		expect(outcome).toEqual({ kind: 'unknown', reason: 'HTTP 500', status: 500 });
		expect(sent).toHaveLength(1);
	});

	it('treats a non-Bitrix24 answer to a write as possibly run', async () => {
		const { ctx } = scripted([{ kind: 'answer', status: 502, body: '<html>Bad gateway</html>' }]);
		const outcome = await performCall(ctx, 'crm.lead.add', {}, false);
		expect(outcome).toMatchObject({ kind: 'unknown', status: 502 });
	});

	it('reports OVERLOAD_LIMIT (REST blocked, nothing ran) as a plain failure', async () => {
		const { ctx } = scripted([
			{
				kind: 'answer',
				status: 503,
				body: { error: 'OVERLOAD_LIMIT', error_description: 'blocked' },
			},
		]);
		const outcome = await performCall(ctx, 'crm.lead.add', {}, false);
		expect(outcome).toMatchObject({ kind: 'failed', failure: { code: 'OVERLOAD_LIMIT' } });
	});

	it('reports a write whose connection dropped as unknown, without repeating it', async () => {
		const { ctx, sent } = scripted([reset]);
		const outcome = await performCall(ctx, 'crm.lead.add', {}, false);
		expect(outcome).toEqual({ kind: 'unknown', reason: 'socket hang up' });
		expect(sent).toHaveLength(1);
	});

	it('repeats a write whose connection was refused (it never reached the server)', async () => {
		const { ctx, sent } = scripted([refused, ok(5)]);
		const outcome = await performCall(ctx, 'crm.lead.add', {}, false);
		expect(outcome.kind).toBe('ok');
		expect(sent).toHaveLength(2);
	});

	it('does not retry client errors', async () => {
		const { ctx, sent } = scripted([
			{ kind: 'answer', status: 400, body: { error: '', error_description: 'Not found' } },
		]);
		const outcome = await performCall(ctx, 'crm.lead.get', { id: 5 }, true);
		expect(outcome).toMatchObject({
			kind: 'failed',
			failure: { description: 'Not found', status: 400 },
		});
		expect(sent).toHaveLength(1);
	});

	it('paces requests through the portal bucket', async () => {
		const answers = Array.from({ length: 52 }, () => ok(true));
		const { ctx, clock } = scripted(answers);
		for (let i = 0; i < 52; i++) await performCall(ctx, 'crm.lead.update', {}, false);
		expect(clock.sleeps).toEqual([125, 500, 500]);
	});
});

describe('retry policy', () => {
	it.each([
		'crm.lead.list',
		'crm.lead.get',
		'crm.lead.fields',
		'user.current',
		'CRM.DEAL.LIST',
		'profile',
	])('%s is a read', (method) => expect(isReadMethod(method)).toBe(true));

	it.each(['crm.lead.add', 'crm.lead.update', 'crm.lead.delete', 'im.message.add', 'batch'])(
		'%s is not a read',
		(method) => expect(isReadMethod(method)).toBe(false),
	);

	it('knows which connection errors prove nothing was sent', () => {
		expect(networkErrorWasNotSent('ECONNREFUSED')).toBe(true);
		expect(networkErrorWasNotSent('ECONNRESET')).toBe(false);
		expect(networkErrorWasNotSent('ETIMEDOUT')).toBe(false);
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffMs(0, DEFAULT_RETRY, () => 0.5)).toBe(1000);
		expect(backoffMs(3, DEFAULT_RETRY, () => 0.5)).toBe(8000);
		expect(backoffMs(20, DEFAULT_RETRY, () => 0.5)).toBe(30000);
		expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(1000);
		expect(backoffMs(1, DEFAULT_RETRY, () => 0.999)).toBe(2998);
	});
});

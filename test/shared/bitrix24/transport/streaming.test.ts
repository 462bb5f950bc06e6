import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { bitrix24Client } from '../../../../nodes/shared/bitrix24/client';
import { streamItemCalls } from '../../../../nodes/shared/bitrix24/execute';
import { fakeContext } from './fakeContext';

// Item calls are built batch by batch while the batch before them is out: the first request
// goes once 50 items are ready, and the next 50 are ready when its answer comes. Asserted on how
// many items had been built when each request was sent and answered, never on time.

interface Exchange {
	builtAtSend: number;
	builtAtAnswer: number;
	commands: number;
	inFlight: number;
}

function portal(count: number, { continueOnFail }: { continueOnFail: boolean }) {
	let built = 0;
	let inFlight = 0;
	const exchanges: Exchange[] = [];
	const { ctx } = fakeContext(() => ({}));
	const items = Array.from({ length: count }, (_, i) => ({ json: { title: `Lead ${i}` } }));
	Object.assign(ctx, {
		continueOnFail: () => continueOnFail,
		getInputData: () => items,
		getNodeParameter: (name: string, index: number, fallback: unknown) =>
			name === 'authentication' ? 'webhook' : name === 'title' ? `Lead ${index}` : fallback,
	});
	ctx.helpers.httpRequestWithAuthentication = async function (
		_type: string,
		options: IHttpRequestOptions,
	) {
		const cmd = (options.body as IDataObject).cmd as IDataObject;
		const exchange = { builtAtSend: built, builtAtAnswer: 0, commands: 0, inFlight: ++inFlight };
		exchanges.push(exchange);
		// The answer comes a few turns of the event loop later, like a real one.
		for (let turn = 0; turn < 5; turn++) await sleep(0);
		exchange.builtAtAnswer = built;
		exchange.commands = Object.keys(cmd).length;
		inFlight -= 1;
		const result = Object.fromEntries(Object.keys(cmd).map((key, i) => [key, i + 1]));
		return { statusCode: 200, body: { result: { result } }, headers: {} };
	} as IExecuteFunctions['helpers']['httpRequestWithAuthentication'];
	const build = (itemIndex: number, itemCtx: IExecuteFunctions) => {
		built += 1;
		return {
			method: 'crm.lead.add',
			params: { fields: { TITLE: itemCtx.getNodeParameter('title', itemIndex) as string } },
		};
	};
	return { ctx, exchanges, build, built: () => built };
}

const run = async (setup: ReturnType<typeof portal>, count: number) =>
	await streamItemCalls.call(
		setup.ctx,
		await bitrix24Client(setup.ctx),
		count,
		setup.build,
		({ result }) => ({ id: Number(result) }),
	);

describe('item calls built while earlier requests are out', () => {
	it('sends the first request once 50 items are built, and builds the next 50 meanwhile', async () => {
		const setup = portal(300, { continueOnFail: true });
		const outcomes = await run(setup, 300);
		expect(outcomes.every((outcome) => outcome?.ok)).toBe(true);
		expect(setup.exchanges.map((exchange) => exchange.commands)).toEqual([50, 50, 50, 50, 50, 50]);
		// Writes: one request at a time.
		expect(setup.exchanges.map((exchange) => exchange.inFlight)).toEqual([1, 1, 1, 1, 1, 1]);
		setup.exchanges.forEach((exchange, index) => {
			// Request k went out with its own 50 items built and at most the next 50 begun…
			expect(exchange.builtAtSend).toBeGreaterThanOrEqual(50 * (index + 1));
			expect(exchange.builtAtSend).toBeLessThanOrEqual(50 * (index + 2));
			// …and by its answer the next request's items were ready.
			expect(exchange.builtAtAnswer).toBe(Math.min(300, 50 * (index + 2)));
		});
	});

	it('without Continue On Fail checks every item first, then builds them batch by batch', async () => {
		const setup = portal(300, { continueOnFail: false });
		await run(setup, 300);
		// 300 checks, then the first 50 builds before the first request.
		expect(setup.exchanges[0].builtAtSend).toBeGreaterThanOrEqual(350);
		expect(setup.exchanges[0].builtAtSend).toBeLessThanOrEqual(400);
		expect(setup.built()).toBe(600);
	});

	it('gives every item its own outcome, in input order', async () => {
		const setup = portal(120, { continueOnFail: true });
		const outcomes = await run(setup, 120);
		expect(outcomes).toHaveLength(120);
		// The fake portal numbers the commands of each batch from 1.
		expect(outcomes.map((outcome) => (outcome?.ok ? outcome.json : undefined))).toEqual(
			Array.from({ length: 120 }, (_, i) => ({ id: (i % 50) + 1 })),
		);
	});
});

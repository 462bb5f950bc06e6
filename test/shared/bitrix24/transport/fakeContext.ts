import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

export interface Sent {
	url: string;
	body: IDataObject;
}

let portalCounter = 0;

/**
 * A minimal execute context for transport unit tests: a webhook credential on a fresh portal
 * (so it gets its own rate-limit bucket) and an HTTP helper that answers from `answer` (told how
 * many requests are in flight, this one included). With `turns`, answers come that many turns of
 * the event loop later, so requests sent side by side are in flight together.
 */
export function fakeContext(
	answer: (url: string, body: IDataObject, inFlight: number) => IDataObject,
	options: { turns?: number } = {},
) {
	const sent: Sent[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const node: INode = {
		id: 'n1',
		name: 'Bitrix24',
		type: 'n8n-nodes-bitrix24.bitrix24',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const portal = `https://portal-${++portalCounter}.example`;
	const ctx = {
		getNode: () => node,
		getNodeParameter: (name: string, _index: number, fallback: unknown) =>
			name === 'authentication' ? 'webhook' : fallback,
		getCredentials: async () => ({ secretWebhookUrl: `${portal}/rest/1/secretcode/` }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				const body = request.body as IDataObject;
				sent.push({ url: String(request.url), body });
				inFlight += 1;
				maxInFlight = Math.max(maxInFlight, inFlight);
				try {
					const answered = answer(String(request.url), body, inFlight);
					for (let turn = 0; turn < (options.turns ?? 0); turn++) await sleep(0);
					return { statusCode: 200, body: answered, headers: {} };
				} finally {
					inFlight -= 1;
				}
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent, maxInFlight: () => maxInFlight };
}

export function rows(from: number, to: number): IDataObject[] {
	return Array.from({ length: to - from + 1 }, (_, i) => ({ ID: String(from + i) }));
}

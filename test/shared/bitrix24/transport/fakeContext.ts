import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

export interface Sent {
	url: string;
	body: IDataObject;
}

let portalCounter = 0;

/**
 * A minimal execute context for transport unit tests: a webhook credential on a fresh portal
 * (so it gets its own rate-limit bucket) and an HTTP helper that answers from `answer`.
 */
export function fakeContext(answer: (url: string, body: IDataObject) => IDataObject) {
	const sent: Sent[] = [];
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
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const body = options.body as IDataObject;
				sent.push({ url: String(options.url), body });
				return { statusCode: 200, body: answer(String(options.url), body), headers: {} };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent };
}

export function rows(from: number, to: number): IDataObject[] {
	return Array.from({ length: to - from + 1 }, (_, i) => ({ ID: String(from + i) }));
}

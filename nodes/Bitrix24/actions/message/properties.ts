import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const BB_CODES =
	'BB codes format the text: [b]bold[/b], [i]italic[/i], [url=https://example.com]link[/url], [USER=5]name[/USER] mentions a user; [br] is a line break.';

export const text: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	hint: BB_CODES,
};

export const messageOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	ctx.getNodeParameter('message', itemIndex) as string;

import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TokenSource, TriggerContext } from '../shared/bitrix24/events/applicationToken';
import { credentialToken } from '../shared/bitrix24/events/applicationToken';
import { connectorId } from '../shared/bitrix24/openLines/connector';
import type { OutputOptions } from './output';

/** The trigger's production URL, where Bitrix24 sends the events. */
export function handlerUrl(ctx: IHookFunctions): string {
	return ctx.getNodeWebhookUrl('default') as string;
}

export function selectedEvents(ctx: TriggerContext): string[] {
	return [...new Set((ctx.getNodeParameter('events', []) as string[]).map((e) => e.toUpperCase()))];
}

/** The connector the trigger listens to (lower case, as Bitrix24 keeps it). */
export function connectorOf(ctx: TriggerContext): string {
	const id = connectorId(ctx.getNodeParameter('connector', ''));
	if (!id.ok) {
		throw new NodeOperationError(ctx.getNode(), `Connector ID: ${id.reason}`, {
			description: 'Use the ID the connector was registered with, such as acme_webchat.',
		});
	}
	return id.value;
}

/** The Lines parameter: line IDs, or none for every line. */
export function linesOf(ctx: TriggerContext): number[] {
	const raw = String(ctx.getNodeParameter('lines', '') ?? '');
	const parts = raw
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	const lines = parts.map(Number);
	if (lines.some((line) => !Number.isInteger(line) || line <= 0)) {
		throw new NodeOperationError(ctx.getNode(), `Lines: "${raw}" is not a list of line IDs`, {
			description: 'Give line IDs separated by commas, such as 1, 3; or leave it empty.',
		});
	}
	return [...new Set(lines)];
}

export function outputOptions(ctx: TriggerContext): OutputOptions {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		textFormat: options.textFormat === 'bbcode' ? 'bbcode' : 'plain',
		downloadFiles: options.downloadFiles === true,
		includeCustomer: options.includeCustomer !== false,
	};
}

/** Subscriptions are the OAuth2 app's, so the token may be learned from a proof. */
export async function tokenSource(ctx: TriggerContext): Promise<TokenSource> {
	return { configured: await credentialToken(ctx), learnable: true };
}

import type { IHookFunctions } from 'n8n-workflow';

import type { TokenSource, TriggerContext } from '../shared/bitrix24/events/applicationToken';
import { credentialToken } from '../shared/bitrix24/events/applicationToken';
import { EVENT_NAME } from '../shared/bitrix24/events/envelope';
import { normalEventName } from './events';

export function usesOAuth2(ctx: TriggerContext): boolean {
	return ctx.getNodeParameter('authentication', 'oAuth2') === 'oAuth2';
}

/** The trigger's production URL, where Bitrix24 sends the events. */
export function handlerUrl(ctx: IHookFunctions): string {
	return ctx.getNodeWebhookUrl('default') as string;
}

export function selectedEvents(ctx: TriggerContext): string[] {
	const chosen = ctx.getNodeParameter('events', []) as string[];
	const custom = String(ctx.getNodeParameter('customEvents', ''))
		.split(',')
		.map(normalEventName)
		.filter((name) => EVENT_NAME.test(name));
	return [...new Set([...chosen.map(normalEventName), ...custom])];
}

/**
 * The application token the user gave: version 1 in the Application Token parameter, version 2
 * in a Bitrix24 Application Token credential (optional with OAuth2).
 */
export async function configuredToken(ctx: TriggerContext): Promise<string | undefined> {
	if (ctx.getNode().typeVersion >= 2) return await credentialToken(ctx);
	const token = ctx.getNodeParameter('applicationToken', '');
	return (typeof token === 'string' && token.trim()) || undefined;
}

/** Where the trigger's application token comes from (see the shared event layer). */
export async function tokenSource(ctx: TriggerContext): Promise<TokenSource> {
	return { configured: await configuredToken(ctx), learnable: usesOAuth2(ctx) };
}

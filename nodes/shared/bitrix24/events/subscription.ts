import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Bitrix24Client } from '../client';
import { hasLearnedToken, type TokenSource } from './applicationToken';
import { PROOF_EVENT, requestProof } from './proof';

/**
 * How a trigger gets Bitrix24 to send it events (`event.bind` here; connector and chat-bot
 * registrations work the same way): what reaches the handler, and how to add and remove it.
 */
export interface EventSubscription {
	bound(client: Bitrix24Client, handler: string): Promise<Set<string>>;
	bind(
		ctx: IHookFunctions,
		client: Bitrix24Client,
		handler: string,
		events: string[],
	): Promise<void>;
	unbind(client: Bitrix24Client, handler: string): Promise<void>;
}

/** The events Bitrix24 sends to `handler`, as event.get lists them (upper case). */
export async function boundEvents(client: Bitrix24Client, handler: string): Promise<Set<string>> {
	const bindings = ((await client.call('event.get', {})).result as IDataObject[]) ?? [];
	return new Set(
		bindings
			.filter((binding) => binding.handler === handler)
			.map((binding) => String(binding.event).toUpperCase()),
	);
}

/** Subscribes `handler` to each event it is not subscribed to yet. */
export async function bindEvents(
	ctx: IHookFunctions,
	client: Bitrix24Client,
	handler: string,
	events: string[],
): Promise<void> {
	const bound = await boundEvents(client, handler);
	for (const event of events.filter((name) => !bound.has(name))) {
		try {
			await client.call('event.bind', { event, handler });
		} catch (error) {
			const reason = (error as Error).message;
			throw new NodeApiError(
				ctx.getNode(),
				{ message: reason },
				{
					message: `Bitrix24 refused to send ${event} to this trigger: ${reason}`,
					description: `The portal must reach n8n at ${handler} (a public https address; set n8n's WEBHOOK_URL to it). The OAuth2 credential's app needs the scope of the event (crm, task, user, calendar).`,
				},
			);
		}
	}
}

/** Removes every subscription of `handler` (also events no longer selected). */
export async function unbindEvents(client: Bitrix24Client, handler: string): Promise<void> {
	for (const event of await boundEvents(client, handler)) {
		await client.call('event.unbind', { event, handler });
	}
}

export const eventBinding: EventSubscription = {
	bound: boundEvents,
	bind: bindEvents,
	unbind: unbindEvents,
};

/** A trigger without a token to check events against must subscribe (again) and ask for the proof. */
const needsProof = (source: TokenSource) => source.learnable && !source.configured;

/** Whether the trigger's events already reach it and it can check them (n8n's checkExists). */
export async function isSubscribed(
	ctx: IHookFunctions,
	client: Bitrix24Client,
	subscription: EventSubscription,
	{ handler, events, source }: { handler: string; events: string[]; source: TokenSource },
): Promise<boolean> {
	if (needsProof(source) && !hasLearnedToken(ctx)) return false;
	const bound = await subscription.bound(client, handler);
	return events.every((event) => bound.has(event));
}

/**
 * Subscribes the handler to its events; without a configured token it first subscribes to the
 * proof event and asks Bitrix24 for it, so the app's application token can be learned.
 */
export async function subscribe(
	ctx: IHookFunctions,
	client: Bitrix24Client,
	subscription: EventSubscription,
	{ handler, events, source }: { handler: string; events: string[]; source: TokenSource },
): Promise<void> {
	const proof = needsProof(source);
	await subscription.bind(ctx, client, handler, proof ? [PROOF_EVENT, ...events] : events);
	if (proof) await requestProof(ctx, client);
}

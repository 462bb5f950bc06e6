import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Bitrix24Client } from '../shared/bitrix24/client';

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

import type { IWebhookFunctions } from 'n8n-workflow';

import { isTrusted, type TokenSource } from './applicationToken';
import { readEventEnvelope, type EventEnvelope } from './envelope';
import { acceptProofEvent, PROOF_EVENT } from './proof';

/** What a trigger does with a request, decided before anything in it is trusted. */
export type Verdict =
	| { kind: 'refuse'; status: 400 | 401; error: string }
	/** A proof that taught the trigger its application token: answer 200, start nothing. */
	| { kind: 'proven' }
	| { kind: 'event'; event: string; envelope: EventEnvelope };

const unknownToken: Verdict = { kind: 'refuse', status: 401, error: 'Unknown application token' };

/**
 * Checks an event request: only the event name and the application token are read before the
 * token is checked, so a request that is not from Bitrix24 costs no nesting and no outbound call.
 */
export async function verifyEvent(ctx: IWebhookFunctions, source: TokenSource): Promise<Verdict> {
	const envelope = readEventEnvelope(ctx.getBodyData());
	if (!envelope.ok) return { kind: 'refuse', status: 400, error: 'Not a Bitrix24 event' };
	const { event, applicationToken: token } = envelope.value;
	if (event === PROOF_EVENT) {
		return (await acceptProofEvent(ctx, source, envelope.value))
			? { kind: 'proven' }
			: unknownToken;
	}
	if (!token || !isTrusted(ctx, source, token)) return unknownToken;
	return { kind: 'event', event, envelope: envelope.value };
}

import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client } from '../client';
import type { EventEnvelope } from './envelope';
import { signProof, verifyProof } from './tokens';
import { isTrusted, learnToken, type TokenSource, type TriggerContext } from './applicationToken';

/**
 * How an OAuth2 trigger without a configured token learns its application token. `event.test`
 * (applications only) makes Bitrix24 send ONAPPTEST to the calling app's own handlers, never to
 * another app's, with the parameters of the call in `data[QUERY]` and the app's
 * `application_token` in `auth`. The trigger passes a proof only it can make and check:
 * HMAC-SHA256 keyed with the app's client secret over workflow id, node id and the time. It is
 * checked without stored state, because n8n saves static data written during activation only
 * after activation ends, which may be after ONAPPTEST has arrived.
 */
export const PROOF_EVENT = 'ONAPPTEST';

const subjectOf = (ctx: TriggerContext) => `${ctx.getWorkflow().id}:${ctx.getNode().id}`;

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function clientSecret(ctx: TriggerContext): Promise<string> {
	const { clientSecret: secret } = await ctx.getCredentials('bitrix24OAuth2Api');
	return typeof secret === 'string' ? secret : '';
}

/** Asks Bitrix24 to send ONAPPTEST with a fresh proof to the app's handlers (this trigger's too). */
export async function requestProof(ctx: IHookFunctions, client: Bitrix24Client): Promise<void> {
	const secret = await clientSecret(ctx);
	const instead =
		'Or add a "Bitrix24 Application Token" credential with the application token of your app (shown in its settings under Developer resources, or sent with ONAPPINSTALL).';
	if (!secret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Bitrix24 OAuth2 credential has no client secret',
			{
				description: `Fill in the client secret of your app in the credential; the trigger signs its token request with it. ${instead}`,
			},
		);
	}
	const issued = nowSeconds();
	try {
		await client.call('event.test', {
			issued,
			proof: signProof(secret, subjectOf(ctx), issued),
		});
	} catch (error) {
		const reason = (error as Error).message;
		throw new NodeApiError(
			ctx.getNode(),
			{ message: reason },
			{
				message: `Bitrix24 did not send this trigger its application token: ${reason}`,
				description: `The trigger calls event.test so that Bitrix24 sends it ONAPPTEST with the app's application token; events are accepted only with that token. ${instead}`,
			},
		);
	}
}

/**
 * Answers an ONAPPTEST: learns its token when the proof is this trigger's (OAuth2 without a
 * configured token), otherwise accepts it only with the token already trusted. Whether accepted.
 */
export async function acceptProofEvent(
	ctx: IWebhookFunctions,
	source: TokenSource,
	envelope: EventEnvelope,
): Promise<boolean> {
	const token = envelope.applicationToken;
	if (!token) return false;
	if (source.learnable && !source.configured) {
		const query = (key: string) =>
			envelope.field(['data', 'QUERY', key]) ??
			envelope.field(['data', 'QUERY', key.toUpperCase()]);
		const issued = query('issued');
		const secret = await clientSecret(ctx);
		if (verifyProof(secret, subjectOf(ctx), issued, query('proof'), nowSeconds())) {
			if (learnToken(ctx, token, Number(issued))) return true;
		}
	}
	return isTrusted(ctx, source, token);
}

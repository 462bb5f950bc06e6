import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import { matchesHash, sameToken, tokenHash } from './tokens';

export type TriggerContext = IHookFunctions | IWebhookFunctions;

/** The credential a trigger may hold its application token in. */
const APPLICATION_CREDENTIAL_TYPE = 'bitrix24ApplicationTokenApi';

/** The token of the trigger's Bitrix24 Application Token credential, when one is selected. */
export async function credentialToken(ctx: TriggerContext): Promise<string | undefined> {
	if (!ctx.getNode().credentials?.[APPLICATION_CREDENTIAL_TYPE]) return undefined;
	const token = (await ctx.getCredentials(APPLICATION_CREDENTIAL_TYPE)).applicationToken;
	return (typeof token === 'string' && token.trim()) || undefined;
}

/**
 * The test of the Bitrix24 Application Token credential (`testedBy: 'applicationTokenTest'` in
 * the triggers). Bitrix24 has no request that checks an application token; events do.
 */
export async function applicationTokenTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const token = String(credential.data?.applicationToken ?? '');
	return token.trim() === '' || /\s/.test(token.trim())
		? { status: 'Error', message: 'Paste the application token: one word, no spaces' }
		: { status: 'OK', message: 'Saved; the trigger compares it with every event' };
}

/**
 * Where a trigger's application token comes from: the one the user configured, or else (OAuth2
 * only) the one learned from a proof (proof.ts).
 */
export interface TokenSource {
	configured?: string;
	/** The trigger subscribes with OAuth2 and may learn its token from a proof. */
	learnable: boolean;
}

/**
 * The application token learned from a proven ONAPPTEST (see proof.ts), in the node's static
 * data, which n8n saves after every webhook call and keeps across restarts: only its SHA-256 and
 * the time of the proof it came with.
 */
interface LearnedToken extends IDataObject {
	applicationTokenHash?: string;
	provenAt?: number;
}

const learned = (ctx: TriggerContext) => ctx.getWorkflowStaticData('node') as LearnedToken;

export function hasLearnedToken(ctx: TriggerContext): boolean {
	return typeof learned(ctx).applicationTokenHash === 'string';
}

/**
 * Keeps the hash of a token a proof issued at `provenAt` came with. A proof not newer than the
 * last one accepted changes nothing (a replayed proof cannot swap the token).
 */
export function learnToken(ctx: TriggerContext, token: string, provenAt: number): boolean {
	const data = learned(ctx);
	if (typeof data.provenAt === 'number' && provenAt <= data.provenAt) return false;
	data.applicationTokenHash = tokenHash(token);
	data.provenAt = provenAt;
	return true;
}

/**
 * Whether an event's application token is this trigger's: the configured one, or else (OAuth2)
 * the learned one. Without either, nothing is trusted.
 */
export function isTrusted(ctx: TriggerContext, source: TokenSource, token: string): boolean {
	if (source.configured) return sameToken(token, source.configured);
	const hash = learned(ctx).applicationTokenHash;
	return source.learnable && typeof hash === 'string' && matchesHash(token, hash);
}

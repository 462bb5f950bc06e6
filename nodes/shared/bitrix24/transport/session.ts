import type { CallContext, Runtime } from './caller';
import type { Bitrix24Context, Connection, CredentialType } from './connection';
import { getConnection } from './connection';
import { callContext, realRuntime } from './http';

/** One node run's link to one portal: the credential read once, its HTTP sender built once. */
export interface Session {
	ctx: Bitrix24Context;
	connection: Connection;
	call: CallContext;
}

export async function openSession(
	ctx: Bitrix24Context,
	credentialType: CredentialType,
	runtime: Runtime = realRuntime,
): Promise<Session> {
	const connection = await getConnection(ctx, credentialType);
	return { ctx, connection, call: callContext(ctx, connection, runtime) };
}

import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { graphClient, type GraphClient } from '../shared/whatsapp/transport';
import { CREDENTIAL_TYPE } from '../shared/whatsapp/settings';

/*
 * Where Meta sends the events, set on activation when asked:
 * - manual: the URL and the verify token are entered in the app dashboard by hand;
 * - phoneNumber: an alternate callback URL for the credential's business number (Meta's webhook
 *   overrides), so several numbers of one app can each have their own trigger;
 * - app: the app's callback URL (POST /{app-id}/subscriptions), one per app.
 * Both automatic modes also subscribe the app to the WhatsApp Business Account. Meta verifies
 * the URL with a GET the trigger answers; deactivation removes only what still points here.
 */

export type SetupMode = 'manual' | 'phoneNumber' | 'app';

/** The credential's verify token and app secret; activation fails without them. */
export async function webhookSecrets(
	ctx: IHookFunctions,
): Promise<{ verifyToken: string; appSecret: string }> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const appSecret = typeof credentials.appSecret === 'string' ? credentials.appSecret.trim() : '';
	const verifyToken =
		typeof credentials.verifyToken === 'string' ? credentials.verifyToken.trim() : '';
	if (!appSecret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The WhatsApp Cloud API credential has no App Secret',
			{
				description:
					"The trigger checks every webhook's signature with the Meta app's secret (App settings → Basic). Without it every event would be refused.",
			},
		);
	}
	if (!verifyToken) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The WhatsApp Cloud API credential has no Webhook Verify Token',
			{
				description:
					'Choose any secret text as the verify token; Meta sends it back when it checks the callback URL.',
			},
		);
	}
	return { verifyToken, appSecret };
}

const setupMode = (ctx: IHookFunctions) =>
	ctx.getNodeParameter('webhookSetup', 'manual') as SetupMode;

async function phoneOverride(client: GraphClient): Promise<string | undefined> {
	const phone = await client.request({
		method: 'GET',
		path: client.settings.phoneNumberId,
		qs: { fields: 'webhook_configuration' },
		kind: 'read',
		action: "read the phone number's callback URL",
	});
	const configuration = (phone.webhook_configuration ?? {}) as IDataObject;
	return typeof configuration.phone_number === 'string' ? configuration.phone_number : undefined;
}

async function appCallback(client: GraphClient): Promise<IDataObject | undefined> {
	const answer = await client.appRequest('GET', {}, "read the app's webhook subscriptions");
	return ((answer.data as IDataObject[] | undefined) ?? []).find(
		(row) => row.object === 'whatsapp_business_account',
	);
}

async function subscribeAccount(client: GraphClient) {
	await client.request({
		method: 'POST',
		path: `${client.settings.businessAccountId}/subscribed_apps`,
		kind: 'write',
		action: 'subscribe the app to the WhatsApp Business Account',
	});
}

export async function isRegistered(ctx: IHookFunctions, url: string): Promise<boolean> {
	await webhookSecrets(ctx);
	const mode = setupMode(ctx);
	if (mode === 'manual') return true;
	const client = await graphClient(ctx);
	if (mode === 'phoneNumber') return (await phoneOverride(client)) === url;
	const subscription = await appCallback(client);
	const fields = ((subscription?.fields as IDataObject[] | undefined) ?? []).map(
		(field) => field.name,
	);
	return subscription?.callback_url === url && fields.includes('messages');
}

export async function register(ctx: IHookFunctions, url: string): Promise<void> {
	const { verifyToken } = await webhookSecrets(ctx);
	const mode = setupMode(ctx);
	if (mode === 'manual') return;
	if (!/^https:\/\//.test(url)) {
		ctx.logger?.warn(
			`WhatsApp Cloud Trigger: ${url} is not https; Meta accepts only https callback URLs with a valid certificate (set WEBHOOK_URL)`,
		);
	}
	const client = await graphClient(ctx);
	await subscribeAccount(client);
	if (mode === 'phoneNumber') {
		await client.request({
			method: 'POST',
			path: client.settings.phoneNumberId,
			body: { webhook_configuration: { override_callback_uri: url, verify_token: verifyToken } },
			kind: 'write',
			action: "set the phone number's callback URL",
		});
		return;
	}
	await client.appRequest(
		'POST',
		{
			object: 'whatsapp_business_account',
			callback_url: url,
			verify_token: verifyToken,
			fields: 'messages',
			include_values: 'true',
		},
		"set the app's callback URL",
	);
}

export async function unregister(ctx: IHookFunctions, url: string): Promise<void> {
	const mode = setupMode(ctx);
	if (mode === 'manual') return;
	const client = await graphClient(ctx);
	if (mode === 'phoneNumber') {
		if ((await phoneOverride(client)) !== url) return;
		await client.request({
			method: 'POST',
			path: client.settings.phoneNumberId,
			body: { webhook_configuration: { override_callback_uri: '' } },
			kind: 'write',
			action: "remove the phone number's callback URL",
		});
		return;
	}
	if ((await appCallback(client))?.callback_url !== url) return;
	await client.appRequest(
		'DELETE',
		{ object: 'whatsapp_business_account' },
		"remove the app's callback URL",
	);
}

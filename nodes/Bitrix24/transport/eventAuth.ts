import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { getConnection } from './connection';

/**
 * Whether an access token that came with an event belongs to the credential's portal: it must
 * open `app.info` there. Proves an event came from Bitrix24 before its application token is
 * known. Only for OAuth2 credentials; the token is never logged or returned.
 */
export async function isPortalAccessToken(
	this: IWebhookFunctions,
	accessToken: string,
): Promise<boolean> {
	const connection = await getConnection.call(this);
	if (connection.credentialType !== 'bitrix24OAuth2Api' || !accessToken) return false;
	try {
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: connection.urlFor('app.info'),
			body: { auth: accessToken },
			json: true,
			timeout: 15000,
		})) as IDataObject;
		return answer !== null && typeof answer === 'object' && answer.result !== undefined;
	} catch {
		return false;
	}
}

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { parseWebhookUrl, WEBHOOK_URL_HELP } from '../nodes/shared/bitrix24/webhookUrl';
import { limitProperties, plainHttpNotice } from '../nodes/shared/bitrix24/credentials';

export class Bitrix24WebhookApi implements ICredentialType {
	name = 'bitrix24WebhookApi';

	displayName = 'Bitrix24 Webhook API';

	icon: Icon = { light: 'file:../icons/bitrix24.svg', dark: 'file:../icons/bitrix24.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-bitrix24/n8n-nodes-bitrix24/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'secretWebhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://your-portal.bitrix24.com/rest/1/abc123xyz/',
			description:
				'The inbound webhook URL from Bitrix24: Developer resources → Other → Inbound webhook. Works with cloud and on-premise portals.',
		},
		plainHttpNotice(
			'secretWebhookUrl',
			'Bitrix24 accepts inbound webhook calls only over HTTPS: with an http:// address every call fails with "Https required". Use the https:// address of the portal.',
		),
		...limitProperties,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const address = parseWebhookUrl(credentials.secretWebhookUrl);
		if (!address) throw new Error(`The Bitrix24 webhook URL is not valid. ${WEBHOOK_URL_HELP}`);
		return { ...requestOptions, baseURL: address.base };
	}
}

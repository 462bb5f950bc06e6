import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { limitProperties, plainHttpNotice } from '../nodes/shared/bitrix24/credentials';

const PORTAL = `($self["portalUrl"] || "").trim().replace(/\\/+$/, "")`;
const PORTAL_WITH_SCHEME = `(/^https?:\\/\\//i.test(${PORTAL}) ? ${PORTAL} : "https://" + ${PORTAL})`;
const OAUTH_SERVER = `($self["oauthServer"] === "custom" ? ($self["customOauthServer"] || ${PORTAL_WITH_SCHEME}) : $self["oauthServer"]).replace(/\\/+$/, "")`;

export class Bitrix24OAuth2Api implements ICredentialType {
	name = 'bitrix24OAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bitrix24 OAuth2 API';

	icon: Icon = { light: 'file:../icons/bitrix24.svg', dark: 'file:../icons/bitrix24.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-bitrix24/n8n-nodes-bitrix24/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Portal Address',
			name: 'portalUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-portal.bitrix24.com',
			description: 'The address of your Bitrix24, as in the browser',
		},
		plainHttpNotice(
			'portalUrl',
			'Bitrix24 cloud portals answer only over HTTPS, and over http:// the access tokens would travel unencrypted. Use the https:// address unless this is an on-premise portal without HTTPS.',
		),
		{
			displayName: 'OAuth Server',
			name: 'oauthServer',
			type: 'options',
			options: [
				{ name: 'oauth.bitrix.info (Cloud Portals)', value: 'https://oauth.bitrix.info' },
				{
					name: 'oauth.bitrix24.tech (Cloud Portals, East Region)',
					value: 'https://oauth.bitrix24.tech',
				},
				{ name: 'Custom (On-Premise Portal or Other Server)', value: 'custom' },
			],
			default: 'https://oauth.bitrix.info',
			description: 'Where tokens are issued and renewed. On-premise portals issue them themselves.',
		},
		{
			displayName: 'Custom OAuth Server URL',
			name: 'customOauthServer',
			type: 'string',
			default: '',
			placeholder: 'https://portal.example.com',
			description: 'Leave empty to use the portal address',
			displayOptions: { show: { oauthServer: ['custom'] } },
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{${PORTAL_WITH_SCHEME} + "/oauth/authorize/"}}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${OAUTH_SERVER} + "/oauth/token/"}}`,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...limitProperties,
	];
}

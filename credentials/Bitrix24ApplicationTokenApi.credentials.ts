import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The application token Bitrix24 sends with every event (`auth[application_token]`), kept out of
 * the workflow. Used by the Bitrix24 Trigger (version 2); checked by its credential test.
 */
export class Bitrix24ApplicationTokenApi implements ICredentialType {
	name = 'bitrix24ApplicationTokenApi';

	displayName = 'Bitrix24 Application Token API';

	icon: Icon = { light: 'file:../icons/bitrix24.svg', dark: 'file:../icons/bitrix24.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-bitrix24/n8n-nodes-bitrix24/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Application Token',
			name: 'applicationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The token Bitrix24 sends with every event: shown for an outgoing webhook under Developer resources → Other → Outgoing webhook, or sent to your app with ONAPPINSTALL. With an OAuth2 trigger this credential is optional: without it the trigger learns the token on activation from a test event signed with the app's client secret.",
		},
	];
}

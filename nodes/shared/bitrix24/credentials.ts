import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * Both Bitrix24 credentials; the `authentication` parameter picks one. The Bitrix24 node lists
 * them in its own description, with the webhook credential's test (`testedBy`): n8n's lint reads
 * that from the node's literal, and n8n runs the test of the first node that names one.
 */
export const bitrix24Credentials: INodeCredentialDescription[] = [
	{
		name: 'bitrix24WebhookApi',
		required: true,
		displayOptions: { show: { authentication: ['webhook'] } },
	},
	{
		name: 'bitrix24OAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Inbound Webhook', value: 'webhook' },
		{ name: 'OAuth2 (Local or Marketplace App)', value: 'oAuth2' },
	],
	default: 'webhook',
};

/** Rate-limit settings shared by both Bitrix24 credentials: they belong to the portal. */
export const limitProperties: INodeProperties[] = [
	{
		displayName: 'Plan',
		name: 'plan',
		type: 'options',
		options: [
			{ name: 'Standard (50 Requests Burst, 2 per Second)', value: 'standard' },
			{ name: 'Enterprise (250 Requests Burst, 5 per Second)', value: 'enterprise' },
		],
		default: 'standard',
		description:
			"The portal's Bitrix24 plan, which sets its REST rate limit. Nodes pace their requests to stay within it.",
	},
	{
		displayName: 'Max Wait on Method Time Limit (Seconds)',
		name: 'maxOperatingWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description:
			'When Bitrix24 blocks a method for using too much server time (OPERATION_TIME_LIMIT), wait up to this long for the block to lift before failing',
	},
];

/**
 * A warning shown while `field` holds an http:// address. Credential fields cannot test a value
 * in `displayOptions` except through a `_cnd` condition (no case-insensitive flag, hence the
 * character classes).
 */
export function plainHttpNotice(field: string, warning: string): INodeProperties {
	return {
		displayName: warning,
		name: `${field}PlainHttpNotice`,
		type: 'notice',
		default: '',
		displayOptions: { show: { [field]: [{ _cnd: { regex: '^\\s*[Hh][Tt][Tt][Pp]:' } }] } },
	};
}

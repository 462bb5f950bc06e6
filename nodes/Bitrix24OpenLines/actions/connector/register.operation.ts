import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { eachItemOperation } from '../../../shared/bitrix24/operations';
import {
	CONNECTOR_FLAGS,
	registerConnector,
	type ConnectorFlag,
} from '../../../shared/bitrix24/openLines/connector';
import { connectorParameter, connectorProperty } from '../common.descriptions';
import { iconParameter, iconProperties } from './icon';

const FLAG_OPTIONS: Record<ConnectorFlag, [string, string]> = {
	DEL_EXTERNAL_MESSAGES: [
		'Customers May Delete Messages',
		"Whether customers' deletions reach operators",
	],
	EDIT_INTERNAL_MESSAGES: [
		'Operators May Edit Messages',
		'Whether operators may edit what they sent',
	],
	DEL_INTERNAL_MESSAGES: [
		'Operators May Delete Messages',
		'Whether operators may delete what they sent',
	],
	NEWSLETTER: ['Usable for CRM Newsletters', 'Whether CRM mailings may use the channel'],
	NEED_SYSTEM_MESSAGES: [
		'Send System Messages',
		'Whether Bitrix24 sends its system messages to the channel',
	],
	NEED_SIGNATURE: ["Sign Operators' Messages", "Whether operators' messages start with their name"],
	CHAT_GROUP: [
		'Group Chats',
		'Whether one dialog holds a whole chat (group chats) instead of one customer; turns off CRM auto-linking',
	],
};

const properties: INodeProperties[] = [
	connectorProperty,
	{
		displayName: 'Name',
		name: 'connectorName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Acme web chat',
		description: 'How the connector is called in Bitrix24',
	},
	...iconProperties,
	{
		displayName: 'Placement Handler URL',
		name: 'placementHandler',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/connector-settings',
		description:
			'The page Bitrix24 opens when an admin sets the connector up on a line (Contact Center). Activate it with Connector → Activate instead if you have none.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Icon Color',
				name: 'iconColor',
				type: 'color',
				default: '#69acc0',
				description: "The icon's background",
			},
			...(Object.keys(CONNECTOR_FLAGS) as ConnectorFlag[]).map((flag) => ({
				displayName: FLAG_OPTIONS[flag][0],
				name: flag,
				type: 'boolean' as const,
				default: CONNECTOR_FLAGS[flag],
				description: FLAG_OPTIONS[flag][1],
			})),
		],
	},
];

export const { description, execute } = eachItemOperation({
	resource: 'connector',
	operation: 'register',
	properties,
	async run(ctx, client, itemIndex) {
		const id = connectorParameter(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const flags: Partial<Record<ConnectorFlag, boolean>> = {};
		for (const flag of Object.keys(CONNECTOR_FLAGS) as ConnectorFlag[])
			if (typeof options[flag] === 'boolean') flags[flag] = options[flag] as boolean;
		await registerConnector(
			ctx,
			client,
			{
				id,
				name: String(ctx.getNodeParameter('connectorName', itemIndex, '')).trim(),
				icon: await iconParameter(ctx, ctx.getInputData(), itemIndex),
				iconColor: options.iconColor ? String(options.iconColor) : undefined,
				placementHandler: String(ctx.getNodeParameter('placementHandler', itemIndex, '')).trim(),
				flags,
			},
			itemIndex,
		);
		return { connector: id, registered: true };
	},
});

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { OPEN_LINES_DESCRIPTION } from '../shared/bitrix24/appDescription';
import { resourceProperties, router } from './actions';
import { listSearch } from './methods';

export class Bitrix24OpenLines implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Open Lines',
		name: 'bitrix24OpenLines',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: OPEN_LINES_DESCRIPTION,
		defaults: { name: 'Bitrix24 Open Lines' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Connectors are an application's: Bitrix24 answers imconnector.* from a webhook with WRONG_AUTH_TYPE.
		credentials: [{ name: 'bitrix24OAuth2Api', required: true }],
		properties: [
			{
				displayName:
					'Open Lines connectors work only with the "Bitrix24 OAuth2 API" credential of a local or Marketplace app (scopes imopenlines, imconnector, disk): Bitrix24 refuses them to inbound webhooks.',
				name: 'oauthNotice',
				type: 'notice',
				default: '',
			},
			...resourceProperties,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { credentials } = this.getNode();
		if (credentials?.bitrix24WebhookApi && !credentials.bitrix24OAuth2Api) {
			throw new NodeOperationError(
				this.getNode(),
				'Bitrix24 Open Lines needs the "Bitrix24 OAuth2 API" credential, not a webhook',
				{
					description:
						'Bitrix24 lets only applications use Open Lines connectors: it answers imconnector.* methods called through an inbound webhook with WRONG_AUTH_TYPE ("Application context required"). Create a local app in Bitrix24 (Developer resources → Other → Local application, scopes imopenlines, imconnector and disk) and connect it in a "Bitrix24 OAuth2 API" credential.',
				},
			);
		}
		return await router.call(this);
	}
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { BITRIX24_DESCRIPTION } from '../shared/bitrix24/appDescription';
import { authenticationProperty } from '../shared/bitrix24/credentials';
import { credentialTest } from '../shared/bitrix24/transport';
import { resourceProperties, router } from './actions';

import { listSearch, loadOptions, resourceMapping } from './methods';

export class Bitrix24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24',
		name: 'bitrix24',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		subtitle:
			'={{ $parameter["resource"] === "method" ? $parameter["method"] : $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: BITRIX24_DESCRIPTION,
		defaults: { name: 'Bitrix24' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'bitrix24WebhookApi',
				required: true,
				testedBy: 'bitrix24WebhookApiTest',
				displayOptions: { show: { authentication: ['webhook'] } },
			},
			{
				name: 'bitrix24OAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [authenticationProperty, ...resourceProperties],
	};

	methods = { credentialTest, listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

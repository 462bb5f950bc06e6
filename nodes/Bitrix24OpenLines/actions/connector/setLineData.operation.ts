import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import {
	connectorParameter,
	connectorProperty,
	lineParameter,
	lineProperty,
} from '../common.descriptions';

const FIELDS: Array<[string, string, string, string]> = [
	['channelId', 'ID', 'Channel ID', 'The channel in your system, e.g. acme_webchat_line1'],
	['url', 'URL', 'URL', 'Link to the channel or chat in your system'],
	['urlIm', 'URL_IM', 'URL for Operators', 'Link operators open; the URL when empty'],
	['channelName', 'NAME', 'Name', 'The channel name shown in the line widget'],
];

export const { description, execute } = simpleOperation({
	resource: 'connector',
	operation: 'setLineData',
	properties: [
		connectorProperty,
		lineProperty,
		{
			displayName: 'Bitrix24 replaces the whole set on every call: give every value you want kept.',
			name: 'lineDataNotice',
			type: 'notice',
			default: '',
		},
		...FIELDS.map(([name, , displayName, description]) => ({
			displayName,
			name,
			type: 'string' as const,
			default: '',
			description,
		})),
	],
	call: (ctx, itemIndex) => {
		const data: IDataObject = {};
		for (const [name, key] of FIELDS) {
			const value = String(ctx.getNodeParameter(name, itemIndex, '')).trim();
			if (value) data[key] = value;
		}
		if (data.URL && !data.URL_IM) data.URL_IM = data.URL;
		if (Object.keys(data).length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'No line data given', {
				itemIndex,
				description: 'Fill in at least one of Channel ID, URL, URL for Operators and Name.',
			});
		}
		return {
			method: 'imconnector.connector.data.set',
			params: {
				CONNECTOR: connectorParameter(ctx, itemIndex),
				LINE: lineParameter(ctx, itemIndex),
				DATA: data,
			},
		};
	},
	output: (_result, params) => ({
		connector: params.CONNECTOR as string,
		line: params.LINE as number,
		...(params.DATA as IDataObject),
		updated: true,
	}),
});

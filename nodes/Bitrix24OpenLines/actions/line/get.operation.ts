import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { lineParameter, lineProperty } from '../common.descriptions';
import { lineOutput } from './output';

export const { description, execute } = simpleOperation({
	resource: 'line',
	operation: 'get',
	properties: [
		lineProperty,
		{
			displayName: 'Include Queue',
			name: 'withQueue',
			type: 'boolean',
			default: false,
			description: "Whether to include the line's operators",
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'imopenlines.config.get',
		params: {
			CONFIG_ID: lineParameter(ctx, itemIndex),
			WITH_QUEUE: ctx.getNodeParameter('withQueue', itemIndex, false) ? 'Y' : 'N',
		},
	}),
	output: (result, params, ctx, itemIndex) => {
		if (!result || typeof result !== 'object') {
			throw new NodeOperationError(
				ctx.getNode(),
				`Line ${String(params.CONFIG_ID)} does not exist`,
				{
					itemIndex,
					description: 'Pick the line from the list, or check its ID in Contact Center.',
				},
			);
		}
		return lineOutput(result as IDataObject);
	},
});

import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { connectorParameter, connectorProperty } from '../common.descriptions';

export const { description, execute } = simpleOperation({
	resource: 'connector',
	operation: 'unregister',
	properties: [connectorProperty],
	call: (ctx, itemIndex) => ({
		method: 'imconnector.unregister',
		params: { ID: connectorParameter(ctx, itemIndex) },
	}),
	output: (result, params, ctx, itemIndex) => {
		const answer = (result ?? {}) as IDataObject;
		if (answer.result !== true) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Bitrix24 did not unregister the connector "${String(params.ID)}": ${String(answer.error_description ?? answer.error ?? 'no reason given')}`,
				{
					itemIndex,
					description: 'Only the app that registered a connector can unregister it; check the ID.',
				},
			);
		}
		return { connector: params.ID as string, unregistered: true };
	},
});

import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import {
	connectorParameter,
	connectorProperty,
	lineParameter,
	lineProperty,
} from '../common.descriptions';

export const { description, execute } = simpleOperation({
	resource: 'connector',
	operation: 'getStatus',
	properties: [connectorProperty, lineProperty],
	call: (ctx, itemIndex) => ({
		method: 'imconnector.status',
		params: { CONNECTOR: connectorParameter(ctx, itemIndex), LINE: lineParameter(ctx, itemIndex) },
	}),
	output: (result, params) => {
		const status = (result ?? {}) as IDataObject;
		return {
			connector: params.CONNECTOR as string,
			line: params.LINE as number,
			active: status.STATUS === true,
			configured: status.CONFIGURED === true,
			error: status.ERROR === true,
		};
	},
});

import { simpleOperation } from '../../../shared/bitrix24/operations';
import {
	connectorParameter,
	connectorProperty,
	lineParameter,
	lineProperty,
} from '../common.descriptions';

/** Activate and Deactivate: imconnector.activate with ACTIVE 1 or 0 (there is no deactivate method). */
export function activation(operation: 'activate' | 'deactivate') {
	const active = operation === 'activate';
	return simpleOperation({
		resource: 'connector',
		operation,
		properties: [connectorProperty, lineProperty],
		call: (ctx, itemIndex) => ({
			method: 'imconnector.activate',
			params: {
				CONNECTOR: connectorParameter(ctx, itemIndex),
				LINE: lineParameter(ctx, itemIndex),
				ACTIVE: active ? 1 : 0,
			},
		}),
		output: (_result, params) => ({
			connector: params.CONNECTOR as string,
			line: params.LINE as number,
			active,
		}),
	});
}

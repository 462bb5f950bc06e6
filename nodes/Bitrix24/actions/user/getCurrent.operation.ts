import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { shape, simplifyUsers } from './simplify';

export const { description, execute } = simpleOperation({
	resource: 'user',
	operation: 'getCurrent',
	properties: [simplifyUsers],
	call: () => ({ method: 'user.current', params: {} }),
	output: (result, _params, ctx, itemIndex) => shape(ctx, itemIndex, [result as IDataObject]),
});

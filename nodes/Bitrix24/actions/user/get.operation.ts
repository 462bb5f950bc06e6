import { ENTITIES, recordOf } from '../../../shared/bitrix24/entities/catalogue';
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { shape, simplifyUsers } from './simplify';

export const { description, execute } = simpleOperation({
	resource: 'user',
	operation: 'get',
	properties: [
		{ displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true },
		simplifyUsers,
	],
	call: (ctx, itemIndex) => ({
		method: ENTITIES.user.get.method,
		params: ENTITIES.user.get.params({
			id: recordIdParameter(ctx, 'userId', itemIndex, 'User ID'),
		}),
	}),
	output: (result, params, ctx, itemIndex) => {
		const user = recordOf('user', result);
		if (!user) {
			throw new NodeOperationError(
				ctx.getNode(),
				`User ${String((params.FILTER as IDataObject).ID)} does not exist`,
				{ itemIndex },
			);
		}
		return shape(ctx, itemIndex, [user]);
	},
});

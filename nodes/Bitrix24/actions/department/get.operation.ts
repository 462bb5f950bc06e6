import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { departmentId } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'department',
	operation: 'get',
	properties: [departmentId],
	call: (ctx, itemIndex) => ({
		method: 'department.get',
		params: { ID: recordIdParameter(ctx, 'departmentId', itemIndex, 'Department ID') },
	}),
});

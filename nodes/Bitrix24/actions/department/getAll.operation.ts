import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'department',
	operation: 'getAll',
	properties: [],
	call: () => ({ method: 'department.get', params: { sort: 'ID', order: 'ASC' } }),
	list: {},
});

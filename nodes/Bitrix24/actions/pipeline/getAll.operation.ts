import { simpleOperation } from '../../../shared/bitrix24/operations';
import { DEALS } from './category';

export const { description, execute } = simpleOperation({
	resource: 'pipeline',
	operation: 'getAll',
	properties: [],
	call: () => ({ method: 'crm.category.list', params: { ...DEALS } }),
	list: { rowsKey: 'categories' },
});

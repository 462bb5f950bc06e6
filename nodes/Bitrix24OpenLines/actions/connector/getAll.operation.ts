import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'connector',
	operation: 'getAll',
	properties: [],
	call: () => ({ method: 'imconnector.list', params: {} }),
	output: (result) =>
		Object.entries((result ?? {}) as IDataObject).map(([id, name]) => ({
			id,
			name: String(name),
		})),
});

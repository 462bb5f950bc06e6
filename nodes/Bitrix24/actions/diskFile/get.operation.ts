import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { diskObjectOutput } from './output';
import { fileId, fileIdOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'diskFile',
	operation: 'get',
	properties: [fileId],
	call: (ctx, itemIndex) => ({ method: 'disk.file.get', params: { id: fileIdOf(ctx, itemIndex) } }),
	output: (result) => diskObjectOutput(result as IDataObject),
});

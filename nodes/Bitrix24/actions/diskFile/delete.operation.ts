import { simpleOperation } from '../../../shared/bitrix24/operations';
import { fileId, fileIdOf } from './properties';

export const { description, execute } = simpleOperation({
	resource: 'diskFile',
	operation: 'delete',
	properties: [
		{
			...fileId,
			hint: 'The file is destroyed for good, not moved to the Disk trash',
		},
	],
	call: (ctx, itemIndex) => ({
		method: 'disk.file.delete',
		params: { id: fileIdOf(ctx, itemIndex) },
	}),
	output: (result, params) => ({ deleted: result !== false, id: params.id }),
});

import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/bitrix24/descriptions';
import { eachItemOperation } from '../../../shared/bitrix24/operations';
import { rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { lineOutput } from './output';

/** imopenlines.config.list.get pages by offset, at most 200 lines per call. */
const PAGE = 200;

export const { description, execute } = eachItemOperation({
	resource: 'line',
	operation: 'getAll',
	properties: [
		...returnAllOrLimit,
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out lines that are switched off',
		},
	],
	async run(ctx, client, itemIndex) {
		const limit = rowLimitParameter(ctx, itemIndex);
		const filter = ctx.getNodeParameter('activeOnly', itemIndex, false) ? { ACTIVE: 'Y' } : {};
		const lines: IDataObject[] = [];
		for (let offset = 0; ; offset += PAGE) {
			const size = Math.min(PAGE, limit === undefined ? PAGE : limit - lines.length);
			const page = (
				await client.call(
					'imopenlines.config.list.get',
					{ PARAMS: { filter, order: { ID: 'ASC' }, limit: size, offset } },
					itemIndex,
				)
			).result as IDataObject[];
			lines.push(...(page ?? []));
			if (!page || page.length < size || (limit !== undefined && lines.length >= limit)) break;
		}
		return lines.map(lineOutput);
	},
});

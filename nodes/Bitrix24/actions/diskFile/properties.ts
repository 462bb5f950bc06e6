import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordIdParameter } from '../../../shared/bitrix24/parameters';

export const fileId: INodeProperties = {
	displayName: 'File ID',
	name: 'fileId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '123',
	description: 'ID of the Disk file, as in the output of Upload, Get or Get Many',
};

export const fileIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	recordIdParameter(ctx, 'fileId', itemIndex, 'File ID');

/** The name of a binary property parameter, trimmed; names the field when it is empty. */
export function binaryPropertyOf(ctx: IExecuteFunctions, itemIndex: number, label: string): string {
	const name = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!name) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is empty on item ${itemIndex}`, {
			itemIndex,
			description: `Set '${label}' to the name of a binary property, for example "data".`,
		});
	}
	return name;
}

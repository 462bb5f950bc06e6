import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemOutcome } from '../../../shared/bitrix24/execute';
import {
	asItemError,
	isItemError,
	planEachItem,
	sendPlannedCalls,
	toOutput,
} from '../../../shared/bitrix24/execute';
import { diskObjectOutput } from './output';
import { binaryPropertyOf, fileId, fileIdOf } from './properties';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const OUTPUT_FIELD = 'Put Output File in Field';

const properties: INodeProperties[] = [
	fileId,
	{
		displayName: OUTPUT_FIELD,
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

/**
 * Reads each file's DOWNLOAD_URL with `disk.file.get` (batched), then fetches the files one by one
 * into binary data named as in Bitrix24. The output item carries the file's fields as JSON and
 * keeps the input item's other binary properties.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	const planned = await planEachItem(this, items.length, (itemIndex) => ({
		id: fileIdOf(this, itemIndex),
		binaryPropertyName: binaryPropertyOf(this, itemIndex, OUTPUT_FIELD),
	}));
	const outcomes: Array<ItemOutcome | undefined> = await sendPlannedCalls.call(
		this,
		client,
		planned.map((plan) =>
			isItemError(plan) ? plan : { method: 'disk.file.get', params: { id: plan.id } },
		),
		({ result }) => result as IDataObject,
	);
	if (!this.continueOnFail()) {
		const failed = outcomes.find((outcome) => outcome && !outcome.ok);
		if (failed && !failed.ok) throw failed.error;
	}

	const binaries = new Map<number, IBinaryData>();
	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		const plan = planned[itemIndex];
		if (!outcome?.ok || isItemError(plan)) continue;
		const file = outcome.json as IDataObject;
		try {
			const name = String(file.NAME ?? '') || `file-${plan.id}`;
			if (typeof file.DOWNLOAD_URL !== 'string' || !file.DOWNLOAD_URL) {
				throw new NodeOperationError(
					this.getNode(),
					`Bitrix24 gave no download address for file ${plan.id}`,
					{
						itemIndex,
						description:
							'Check that the user behind the credential may read this file, and that it is a file, not a folder.',
					},
				);
			}
			const { data, mimeType } = await client.download(file.DOWNLOAD_URL, {
				itemIndex,
				what: `file ${plan.id} ("${name}")`,
			});
			binaries.set(itemIndex, await this.helpers.prepareBinaryData(data, name, mimeType));
			outcomes[itemIndex] = { ok: true, json: diskObjectOutput(file) };
		} catch (error) {
			const itemError = asItemError(this, error, itemIndex);
			if (!this.continueOnFail()) throw itemError;
			outcomes[itemIndex] = { ok: false, error: itemError };
		}
	}

	return toOutput(this, outcomes).map((output) => {
		const itemIndex = (output.pairedItem as { item: number }).item;
		const binary = binaries.get(itemIndex);
		const plan = planned[itemIndex];
		if (!binary || isItemError(plan)) return output;
		return {
			...output,
			binary: { ...items[itemIndex].binary, [plan.binaryPropertyName]: binary },
		};
	});
}

export const description = updateDisplayOptions(
	{ show: { resource: ['diskFile'], operation: ['download'] } },
	properties,
);

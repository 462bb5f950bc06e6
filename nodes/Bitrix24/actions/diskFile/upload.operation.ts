import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemOutcome } from '../../../shared/bitrix24/execute';
import { asItemError, isItemError, planEachItem, toOutput } from '../../../shared/bitrix24/execute';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { diskObjectOutput } from './output';
import { binaryPropertyOf } from './properties';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const INPUT_FIELD = 'Input Binary Field';

const properties: INodeProperties[] = [
	{
		displayName: 'Upload To',
		name: 'uploadTo',
		type: 'options',
		options: [
			{
				name: 'Folder',
				value: 'folder',
				description: "A folder, by its ID (a storage's root folder is its ROOT_OBJECT_ID)",
			},
			{
				name: 'Storage',
				value: 'storage',
				description: "The root folder of a storage: the common drive, a user's or a group's drive",
			},
		],
		default: 'folder',
	},
	{
		displayName: 'Folder ID',
		name: 'folderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '15',
		description: 'The folder to put the file in',
		hint: 'Folder IDs are the "id" of folders in Get Many output',
		displayOptions: { show: { uploadTo: ['folder'] } },
	},
	{
		displayName: 'Storage ID',
		name: 'storageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1',
		description: 'The storage whose root folder gets the file',
		hint: 'To list storages and their IDs, use Call Method with disk.storage.getlist',
		displayOptions: { show: { uploadTo: ['storage'] } },
	},
	{
		displayName: INPUT_FIELD,
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to be uploaded',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: "Name of the file in Bitrix24. Leave empty to keep the binary data's file name.",
	},
	{
		displayName: 'If Name Exists',
		name: 'ifNameExists',
		type: 'options',
		options: [
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error for this item; nothing is uploaded',
			},
			{
				name: 'Generate Unique Name',
				value: 'rename',
				description: 'Upload under a free name such as "invoice (1).pdf"',
			},
		],
		default: 'fail',
		description: 'What to do when the folder already holds a file or folder with this name',
	},
];

interface UploadPlan {
	method: 'disk.folder.uploadfile' | 'disk.storage.uploadfile';
	targetId: number;
	binaryPropertyName: string;
	name: string;
	generateUniqueName: boolean;
}

function planUpload(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	itemIndex: number,
): UploadPlan {
	const node = ctx.getNode();
	const toStorage = ctx.getNodeParameter('uploadTo', itemIndex, 'folder') === 'storage';
	const targetId = toStorage
		? recordIdParameter(ctx, 'storageId', itemIndex, 'Storage ID')
		: recordIdParameter(ctx, 'folderId', itemIndex, 'Folder ID');

	const binaryPropertyName = binaryPropertyOf(ctx, itemIndex, INPUT_FIELD);
	const binaries = items[itemIndex].binary ?? {};
	const binary = binaries[binaryPropertyName];
	if (!binary) {
		const present = Object.keys(binaries);
		throw new NodeOperationError(
			node,
			`No binary property '${binaryPropertyName}' on item ${itemIndex} — set '${INPUT_FIELD}' to the name of the binary property`,
			{
				itemIndex,
				description: present.length
					? `This item has the binary properties: ${present.map((key) => `'${key}'`).join(', ')}.`
					: 'This item has no binary data at all: put a node that reads or downloads the file (for example Read/Write Files from Disk or HTTP Request) before this one.',
			},
		);
	}

	const name =
		String(ctx.getNodeParameter('fileName', itemIndex, '')).trim() ||
		String(binary.fileName ?? '').trim();
	if (!name) {
		throw new NodeOperationError(
			node,
			`The file on item ${itemIndex} has no name — set 'File Name'`,
			{
				itemIndex,
				description: `The binary property '${binaryPropertyName}' carries no file name, and Bitrix24 needs one.`,
			},
		);
	}

	return {
		method: toStorage ? 'disk.storage.uploadfile' : 'disk.folder.uploadfile',
		targetId,
		binaryPropertyName,
		name,
		generateUniqueName: ctx.getNodeParameter('ifNameExists', itemIndex, 'fail') === 'rename',
	};
}

/** A "name already taken" refusal, with how to get past it. */
function explainNameConflict(error: NodeApiError, plan: UploadPlan): NodeApiError {
	if (!plan.generateUniqueName && /unique|already exists/i.test(error.message)) {
		error.description = [
			`The ${plan.method === 'disk.storage.uploadfile' ? 'storage' : 'folder'} already holds "${plan.name}". Set 'If Name Exists' to 'Generate Unique Name', or set another 'File Name'.`,
			error.description,
		]
			.filter(Boolean)
			.join(' ');
	}
	return error;
}

/**
 * Uploads each item's binary data. Every item's parameters are checked first; then the files go
 * up one by one, each as its own JSON request (base64 content does not belong inside a batch), so
 * only one file's content is held in memory at a time.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	const plans = await planEachItem(this, items.length, (itemIndex) =>
		planUpload(this, items, itemIndex),
	);
	const outcomes: ItemOutcome[] = [];
	for (let itemIndex = 0; itemIndex < plans.length; itemIndex++) {
		const plan = plans[itemIndex];
		if (isItemError(plan)) {
			outcomes.push({ ok: false, error: plan });
			continue;
		}
		try {
			const content = await this.helpers.getBinaryDataBuffer(itemIndex, plan.binaryPropertyName);
			const envelope = await client
				.call(
					plan.method,
					{
						id: plan.targetId,
						data: { NAME: plan.name },
						fileContent: [plan.name, content.toString('base64')],
						generateUniqueName: plan.generateUniqueName,
					},
					itemIndex,
				)
				.catch((error: NodeApiError) => {
					throw explainNameConflict(error, plan);
				});
			outcomes.push({ ok: true, json: diskObjectOutput(envelope.result as IDataObject) });
		} catch (error) {
			const itemError = asItemError(this, error, itemIndex);
			if (!this.continueOnFail()) throw itemError;
			outcomes.push({ ok: false, error: itemError });
		}
	}
	return toOutput(this, outcomes);
}

export const description = updateDisplayOptions(
	{ show: { resource: ['diskFile'], operation: ['upload'] } },
	properties,
);

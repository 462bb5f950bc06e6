import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';
import { asItemError, type ItemError } from '../../../shared/bitrix24/execute';
import type { ConversationAttachment } from '../../../shared/conversation/message';

/*
 * Bitrix24 takes a customer's files only as URLs it downloads itself. A file that is n8n binary
 * data is therefore uploaded to the app's own Disk storage (disk.storage.getForApp, one request
 * per file as JSON: base64 content does not belong in a batch), and Bitrix24 gets the file's
 * public link (disk.file.getExternalLink, the links of all files in batched requests). An
 * attachment that carries only a URL is passed on as it is.
 */

export type FileLink = { url: string; name: string };

interface Upload {
	itemIndex: number;
	position: number;
	binaryProperty: string;
	name: string;
	fileId?: number;
}

function nameOf(
	items: INodeExecutionData[],
	itemIndex: number,
	attachment: ConversationAttachment,
): string {
	const binary = items[itemIndex].binary?.[attachment.binaryProperty ?? ''];
	return (
		attachment.fileName?.trim() ||
		binary?.fileName?.trim() ||
		`${attachment.binaryProperty}${binary?.fileExtension ? `.${binary.fileExtension}` : ''}`
	);
}

function missingBinary(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	itemIndex: number,
	property: string,
): NodeOperationError {
	const present = Object.keys(items[itemIndex].binary ?? {});
	return new NodeOperationError(
		ctx.getNode(),
		`The attachment '${property}' is not a binary property of item ${itemIndex}`,
		{
			itemIndex,
			description: present.length
				? `The item has the binary properties ${present.map((key) => `'${key}'`).join(', ')}.`
				: 'The item has no binary data: the node before this one must pass the files on.',
		},
	);
}

/**
 * The file links of each item's attachments, in the order of its attachments; an item whose
 * file could not be read, uploaded or shared gets its error instead.
 */
export async function fileLinks(
	ctx: IExecuteFunctions,
	client: Bitrix24Client,
	items: INodeExecutionData[],
	attachments: Map<number, ConversationAttachment[]>,
): Promise<Map<number, FileLink[] | ItemError>> {
	const links = new Map<number, FileLink[] | ItemError>();
	const uploads: Upload[] = [];
	// Without Continue On Fail the first bad file stops the node before any message is sent.
	const failed = (itemIndex: number, error: unknown) => {
		const itemError = asItemError(ctx, error, itemIndex);
		if (!ctx.continueOnFail()) throw itemError;
		links.set(itemIndex, itemError);
	};
	for (const [itemIndex, list] of attachments) {
		const files: FileLink[] = [];
		links.set(itemIndex, files);
		for (const [position, attachment] of list.entries()) {
			const name = nameOf(items, itemIndex, attachment);
			if (attachment.binaryProperty) {
				if (!items[itemIndex].binary?.[attachment.binaryProperty]) {
					failed(itemIndex, missingBinary(ctx, items, itemIndex, attachment.binaryProperty));
					break;
				}
				uploads.push({ itemIndex, position, binaryProperty: attachment.binaryProperty, name });
			}
			files[position] = { url: attachment.url ?? '', name };
		}
	}
	const pending = uploads.filter((upload) => !(links.get(upload.itemIndex) instanceof Error));
	if (pending.length === 0) return links;

	const storage = (await client.call('disk.storage.getforapp', {})).result as IDataObject;
	for (const upload of pending) {
		if (links.get(upload.itemIndex) instanceof Error) continue;
		try {
			const content = await ctx.helpers.getBinaryDataBuffer(
				upload.itemIndex,
				upload.binaryProperty,
			);
			const file = (
				await client.call(
					'disk.storage.uploadfile',
					{
						id: storage.ID as string,
						data: { NAME: upload.name },
						fileContent: [upload.name, content.toString('base64')],
						generateUniqueName: true,
					},
					upload.itemIndex,
				)
			).result as IDataObject;
			upload.fileId = Number(file.ID);
		} catch (error) {
			failed(upload.itemIndex, error);
		}
	}
	const shared = pending.filter(
		(upload) => upload.fileId !== undefined && !(links.get(upload.itemIndex) instanceof Error),
	);
	// Answers come in the order of the calls (a prefix of them, when sending stopped early).
	const answers = await client.items(
		shared.map((upload) => ({
			itemIndex: upload.itemIndex,
			method: 'disk.file.getexternallink',
			params: { id: upload.fileId as number },
		})),
		{ stopOnFailure: !ctx.continueOnFail() },
	);
	answers.forEach((answer, index) => {
		const upload = shared[index];
		const files = links.get(upload.itemIndex);
		if (!answer.ok) failed(upload.itemIndex, answer.error);
		else if (Array.isArray(files))
			files[upload.position] = { url: String(answer.result), name: upload.name };
	});
	return links;
}

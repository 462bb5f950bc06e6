import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/whatsapp/transport';

export type MediaType = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** What each media type accepts (Meta's supported media types and sizes). */
export const MEDIA_LIMITS: Record<MediaType, { mimes: string[] | null; maxBytes: number }> = {
	image: { mimes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 },
	audio: {
		mimes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * 1024 * 1024,
	},
	video: { mimes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * 1024 * 1024 },
	sticker: { mimes: ['image/webp'], maxBytes: 500 * 1024 },
	document: { mimes: null, maxBytes: 100 * 1024 * 1024 },
};

/** The message type a file of this MIME type goes out as (anything else: a document). */
export function mediaTypeFor(mimeType: string | undefined): MediaType {
	const mime = String(mimeType ?? '')
		.toLowerCase()
		.split(';')[0]
		.trim();
	for (const type of ['image', 'audio', 'video'] as const) {
		if (MEDIA_LIMITS[type].mimes?.includes(mime)) return type;
	}
	return 'document';
}

/**
 * Uploads an item's binary property to Meta and returns the media ID, after checking type and
 * size against Meta's limits (a clear error here instead of 131053 later).
 */
export async function uploadBinary(
	ctx: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
	property: string,
	type?: MediaType,
): Promise<{ id: string; fileName: string; mimeType: string; type: MediaType }> {
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		throw new NodeOperationError(ctx.getNode(), `The item has no binary property "${property}"`, {
			itemIndex,
			description: 'Name the binary property that holds the file (often "data").',
		});
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const mimeType = binary.mimeType || 'application/octet-stream';
	const fileName =
		binary.fileName || `${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const kind = type ?? mediaTypeFor(mimeType);
	const limit = MEDIA_LIMITS[kind];
	if (limit.mimes && !limit.mimes.includes(mimeType.toLowerCase())) {
		throw new NodeOperationError(
			ctx.getNode(),
			`WhatsApp does not take ${mimeType} files as ${kind}`,
			{
				itemIndex,
				description: `A ${kind} must be one of: ${limit.mimes.join(', ')}. Send it as a document instead.`,
			},
		);
	}
	if (data.length === 0 || data.length > limit.maxBytes) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The file "${fileName}" has ${data.length} bytes; a WhatsApp ${kind} may have up to ${limit.maxBytes}`,
			{ itemIndex },
		);
	}
	const id = await client.uploadMedia({ data, fileName, mimeType });
	return { id, fileName, mimeType, type: kind };
}

/** The media object of a message: `{id}` or `{link}`, with caption and file name. */
export function mediaObject(
	source: { id?: string; link?: string },
	type: MediaType,
	extra: { caption?: string; fileName?: string },
): IDataObject {
	const media: IDataObject = source.id ? { id: source.id } : { link: source.link };
	if (extra.caption && type !== 'audio' && type !== 'sticker') media.caption = extra.caption;
	if (extra.fileName && type === 'document') media.filename = extra.fileName;
	return media;
}

'use strict';

/** A small multipart/form-data reader for the media upload (fields and one or more files). */

/**
 * @param {Buffer} body
 * @param {string} contentType
 * @returns {{fields: Record<string, string>, files: Record<string, {fileName: string, mimeType: string, data: Buffer}>}|null}
 */
function parseMultipart(body, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!match) return null;
	const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
	const fields = {};
	const files = {};
	let position = body.indexOf(boundary);
	if (position < 0) return null;
	for (;;) {
		position += boundary.length;
		if (body.slice(position, position + 2).toString() === '--') break;
		position += 2; // CRLF after the boundary
		const headerEnd = body.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) return null;
		const headers = body.slice(position, headerEnd).toString('utf8');
		const next = body.indexOf(boundary, headerEnd + 4);
		if (next < 0) return null;
		const content = body.slice(headerEnd + 4, next - 2); // without the CRLF before the boundary
		const name = /name="([^"]*)"/i.exec(headers)?.[1];
		const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
		if (name !== undefined) {
			if (fileName !== undefined) {
				files[name] = { fileName, mimeType: type ?? 'application/octet-stream', data: content };
			} else {
				fields[name] = content.toString('utf8');
			}
		}
		position = next;
	}
	return { fields, files };
}

module.exports = { parseMultipart };

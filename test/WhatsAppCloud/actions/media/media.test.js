// Media → Upload, Download (to binary in one step), Delete: a round trip through the fake.
const crypto = require('node:crypto');
const { startFake, runWhatsApp } = require('../../../helpers/whatsapp');

let wa;
beforeEach(async () => {
	wa = await startFake();
});
afterEach(async () => wa.stop());

test('upload a binary, download it by its ID to binary data: the same bytes; then delete it', async () => {
	const bytes = crypto.randomBytes(20000);
	const uploaded = await runWhatsApp(wa, {
		parameters: { resource: 'media', operation: 'upload', binaryPropertyName: 'data' },
		binaries: [{ data: { data: bytes, fileName: 'clip.mp4', mimeType: 'video/mp4' } }],
	});
	const { mediaId } = uploaded.output[0].json;
	expect(uploaded.output[0].json).toEqual({
		mediaId,
		fileName: 'clip.mp4',
		mimeType: 'video/mp4',
		mediaType: 'video',
	});

	const downloaded = await runWhatsApp(wa, {
		items: [{ id: mediaId }],
		parameters: {
			resource: 'media',
			operation: 'download',
			mediaId: '={{ $json.id }}',
			binaryPropertyName: 'file',
		},
	});
	const item = downloaded.output[0];
	expect(item.json).toEqual({
		mediaId,
		mimeType: 'video/mp4',
		fileSize: 20000,
		sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
	});
	expect(Buffer.from(item.binary.file.data, 'base64').equals(bytes)).toBe(true);
	expect(item.binary.file).toMatchObject({ mimeType: 'video/mp4', fileName: `${mediaId}.mp4` });
	expect(wa.log.map((entry) => entry.kind)).toEqual([
		'media.upload',
		'media.get',
		'media.download',
	]);

	const deleted = await runWhatsApp(wa, {
		parameters: { resource: 'media', operation: 'delete', mediaId },
	});
	expect(deleted.output[0].json).toEqual({ mediaId, deleted: true });
	expect(wa.media).toHaveLength(0);
	const gone = await runWhatsApp(wa, {
		parameters: { resource: 'media', operation: 'download', mediaId, binaryPropertyName: 'file' },
	});
	expect(gone.error.message).toMatch(/Invalid parameter \(WhatsApp error 100\)/);
});

test("media a customer sent is downloaded with the item's file name", async () => {
	const stored = wa.storeMedia(Buffer.from('voice'), 'audio/ogg');
	const { output } = await runWhatsApp(wa, {
		parameters: {
			resource: 'media',
			operation: 'download',
			mediaId: stored.id,
			binaryPropertyName: 'data',
			fileName: 'voice-note.ogg',
		},
	});
	expect(output[0].binary.data).toMatchObject({
		fileName: 'voice-note.ogg',
		mimeType: 'audio/ogg',
	});
});

const crypto = require('node:crypto');

const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');
const { httpBuildQuery } = require('../../../../sandbox/bitrix24/php-query');
const { publicDownloadUrl } = require('../../../../nodes/shared/bitrix24/transport/download');

/** Calls the portal directly (test setup), with the webhook. */
async function api(portal, method, params = {}) {
	const response = await fetch(`${portal.webhookUrl}${method}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(params),
	});
	const body = await response.json();
	if (body.error) throw new Error(`${method}: ${body.error} ${body.error_description}`);
	return body.result;
}

/** The common drive (storage 1) and its root folder. */
async function commonDrive(portal) {
	const [storage] = await api(portal, 'disk.storage.getlist');
	return { storageId: Number(storage.ID), rootId: Number(storage.ROOT_OBJECT_ID) };
}

async function addFolder(portal, parentId, name) {
	return Number(
		(await api(portal, 'disk.folder.addsubfolder', { id: parentId, data: { NAME: name } })).ID,
	);
}

async function putFile(portal, folderId, name, content = 'x') {
	const file = await api(portal, 'disk.folder.uploadfile', {
		id: folderId,
		data: { NAME: name },
		fileContent: [name, Buffer.from(content).toString('base64')],
	});
	return Number(file.ID);
}

/** Many files in few requests (a batch of 50 uploads per request), to stay under the rate limit. */
async function putFiles(portal, folderId, names) {
	for (let start = 0; start < names.length; start += 50) {
		const cmd = {};
		names.slice(start, start + 50).forEach((name, index) => {
			cmd[`f${index}`] = `disk.folder.uploadfile?${httpBuildQuery({
				id: folderId,
				data: { NAME: name },
				fileContent: [name, Buffer.from(name).toString('base64')],
			})}`;
		});
		const result = await api(portal, 'batch', { halt: 1, cmd });
		expect(Object.keys(result.result)).toHaveLength(Object.keys(cmd).length);
	}
}

const fileOf = (portal, id) => portal.diskFiles().find((file) => file.ID === id);
const bytesOf = (binary) => Buffer.from(binary.data, 'base64');
const restCalls = (portal) =>
	portal.log.map((entry) =>
		entry.batch ? `batch:${entry.batch.methods.join(',')}` : entry.restMethod,
	);

describe('Disk File', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('round-trips binaries: upload several files, download them with the same bytes, names and types', async () => {
		const { rootId } = await commonDrive(portal);
		const folderId = await addFolder(portal, rootId, 'Round trip');
		const random = crypto.randomBytes(1024 * 1024 + 7);
		const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(2000)]);
		const files = [
			{
				data: Buffer.from('first line\nsecond line\n'),
				fileName: 'notes.txt',
				mimeType: 'text/plain',
			},
			{ data: pdf, fileName: 'Отчёт für März — 2024.pdf', mimeType: 'application/pdf' },
			{ data: random, fileName: 'random.bin', mimeType: 'application/octet-stream' },
		];
		portal.log.length = 0;

		const uploaded = await runBitrix24(portal, {
			items: files.map(() => ({})),
			binaries: files.map((file) => ({ data: file })),
			parameters: { resource: 'diskFile', operation: 'upload', folderId: String(folderId) },
		});
		expect(uploaded.error).toBeUndefined();
		expect(uploaded.output).toHaveLength(3);
		// Base64 content goes as single JSON requests, never inside a batch.
		expect(restCalls(portal)).toEqual(Array(3).fill('disk.folder.uploadfile'));
		const ids = uploaded.output.map((item) => item.json.id);
		uploaded.output.forEach((item, index) => {
			expect(item.json).toMatchObject({
				id: expect.any(Number),
				taskFileId: `n${item.json.id}`,
				NAME: files[index].fileName,
				PARENT_ID: String(folderId),
				SIZE: String(files[index].data.length),
			});
			const stored = fileOf(portal, item.json.id);
			expect(stored.NAME).toBe(files[index].fileName);
			expect(stored.PARENT_ID).toBe(folderId);
			expect(stored.content.equals(files[index].data)).toBe(true);
		});

		portal.log.length = 0;
		const downloaded = await runBitrix24(portal, {
			items: ids.map((id) => ({ id })),
			binaries: [
				{ keep: { data: Buffer.from('other'), fileName: 'other.txt', mimeType: 'text/plain' } },
			],
			parameters: {
				resource: 'diskFile',
				operation: 'download',
				fileId: '={{ $json.id }}',
				binaryPropertyName: 'file',
			},
		});
		expect(downloaded.error).toBeUndefined();
		// The three disk.file.get calls share one batch request.
		expect(restCalls(portal)).toEqual(['batch:disk.file.get,disk.file.get,disk.file.get']);
		expect(downloaded.output).toHaveLength(3);
		downloaded.output.forEach((item, index) => {
			const binary = item.binary.file;
			expect(bytesOf(binary).equals(files[index].data)).toBe(true);
			expect(binary.fileName).toBe(files[index].fileName);
			expect(binary.mimeType).toBe(files[index].mimeType);
			expect(item.json).toMatchObject({ id: ids[index], NAME: files[index].fileName });
			expect(item.json.DOWNLOAD_URL).toContain('/rest/download.json?token=');
			expect(item.pairedItem).toEqual({ item: index });
		});
		// The input item's other binary properties stay with it.
		expect(bytesOf(downloaded.output[0].binary.keep).toString()).toBe('other');
		expect(downloaded.output[1].binary.keep).toBeUndefined();
	});

	it('downloads with the OAuth2 credential too', async () => {
		const { rootId } = await commonDrive(portal);
		const id = await putFile(portal, rootId, 'data.csv', 'a,b\n1,2\n');
		const { output, error } = await runBitrix24(portal, {
			auth: 'oAuth2',
			parameters: { resource: 'diskFile', operation: 'download', fileId: String(id) },
		});
		expect(error).toBeUndefined();
		expect(bytesOf(output[0].binary.data).toString()).toBe('a,b\n1,2\n');
		expect(output[0].binary.data).toMatchObject({ fileName: 'data.csv', mimeType: 'text/csv' });
	});

	it("uploads to a storage's root and to a folder, with a file name override", async () => {
		const { storageId, rootId } = await commonDrive(portal);
		const folderId = await addFolder(portal, rootId, 'Invoices');
		const { output, error } = await runBitrix24(portal, {
			items: [{ to: 'storage' }, { to: 'folder' }],
			binaries: [
				{ data: { data: Buffer.from('root'), fileName: 'root.txt', mimeType: 'text/plain' } },
				{
					data: {
						data: Buffer.from('invoice'),
						fileName: 'tmp-123.pdf',
						mimeType: 'application/pdf',
					},
				},
			],
			parameters: {
				resource: 'diskFile',
				operation: 'upload',
				uploadTo: '={{ $json.to }}',
				storageId: String(storageId),
				folderId: String(folderId),
				fileName: '={{ $json.to === "folder" ? "Invoice 42.pdf" : "" }}',
			},
		});
		expect(error).toBeUndefined();
		expect(restCalls(portal).slice(-2)).toEqual([
			'disk.storage.uploadfile',
			'disk.folder.uploadfile',
		]);
		const [inRoot, inFolder] = output.map((item) => fileOf(portal, item.json.id));
		expect(inRoot).toMatchObject({ NAME: 'root.txt', PARENT_ID: rootId, STORAGE_ID: storageId });
		expect(inFolder).toMatchObject({
			NAME: 'Invoice 42.pdf',
			PARENT_ID: folderId,
			STORAGE_ID: storageId,
		});
		expect(inFolder.content.toString()).toBe('invoice');
		expect(output[1].json).toMatchObject({
			id: inFolder.ID,
			taskFileId: `n${inFolder.ID}`,
			NAME: 'Invoice 42.pdf',
		});
	});

	it('fails on a taken name unless asked to generate a unique one', async () => {
		const { rootId } = await commonDrive(portal);
		await putFile(portal, rootId, 'report.txt', 'old');
		const binaries = [
			{ data: { data: Buffer.from('new'), fileName: 'report.txt', mimeType: 'text/plain' } },
		];
		const parameters = { resource: 'diskFile', operation: 'upload', folderId: String(rootId) };

		const failed = await runBitrix24(portal, { binaries, parameters });
		expect(failed.error.message).toMatch(/^Bitrix24 disk\.folder\.uploadfile: .*non-unique name/);
		expect(failed.error.description).toMatch(/Set 'If Name Exists' to 'Generate Unique Name'/);
		expect(portal.diskFiles().map((file) => file.NAME)).toEqual(['report.txt']);

		const renamed = await runBitrix24(portal, {
			binaries,
			parameters: { ...parameters, ifNameExists: 'rename' },
		});
		expect(renamed.error).toBeUndefined();
		expect(renamed.output[0].json.NAME).toBe('report (1).txt');
		expect(portal.diskFiles().map((file) => [file.NAME, file.content.toString()])).toEqual([
			['report.txt', 'old'],
			['report (1).txt', 'new'],
		]);
	});

	it("lists a folder's files and subfolders, with a limit, all pages, and a type filter", async () => {
		const { rootId } = await commonDrive(portal);
		const folderId = await addFolder(portal, rootId, 'Big');
		const subfolderId = await addFolder(portal, folderId, 'Sub');
		await putFiles(
			portal,
			folderId,
			Array.from({ length: 54 }, (_, n) => `file-${n + 1}.txt`),
		);
		await putFile(portal, subfolderId, 'deep.txt');
		const list = (extra) =>
			runBitrix24(portal, {
				parameters: {
					resource: 'diskFile',
					operation: 'getAll',
					folderId: String(folderId),
					...extra,
				},
			});

		const limited = await list({ limit: 3 });
		expect(limited.output.map((item) => item.json.NAME)).toEqual([
			'Sub',
			'file-1.txt',
			'file-2.txt',
		]);
		expect(limited.output[0].json).toMatchObject({ id: subfolderId, TYPE: 'folder' });
		expect(limited.output[0].json.taskFileId).toBeUndefined();
		expect(limited.output[1].json).toMatchObject({ id: expect.any(Number), TYPE: 'file' });
		expect(limited.output[1].json.taskFileId).toBe(`n${limited.output[1].json.id}`);

		const all = await list({ returnAll: true });
		expect(all.output).toHaveLength(55);
		expect(all.output.map((item) => item.json.id)).toEqual([
			subfolderId,
			...portal
				.diskFiles()
				.filter((f) => f.PARENT_ID === folderId)
				.map((f) => f.ID),
		]);

		const foldersOnly = await list({ returnAll: true, diskFilters: { type: 'folder' } });
		expect(foldersOnly.output.map((item) => item.json.NAME)).toEqual(['Sub']);
		const filesOnly = await list({ returnAll: true, diskFilters: { type: 'file' } });
		expect(filesOnly.output).toHaveLength(54);
	});

	it('gets and deletes a file', async () => {
		const { rootId } = await commonDrive(portal);
		const id = await putFile(portal, rootId, 'contract.docx', 'v1');
		const keep = await putFile(portal, rootId, 'keep.txt');

		const got = await runBitrix24(portal, {
			parameters: { resource: 'diskFile', operation: 'get', fileId: String(id) },
		});
		expect(got.output[0].json).toMatchObject({
			id,
			taskFileId: `n${id}`,
			ID: String(id),
			NAME: 'contract.docx',
			SIZE: '2',
			TYPE: 'file',
		});
		expect(got.output[0].json.DOWNLOAD_URL).toContain('/rest/download.json?token=');

		const deleted = await runBitrix24(portal, {
			parameters: { resource: 'diskFile', operation: 'delete', fileId: String(id) },
		});
		expect(deleted.error).toBeUndefined();
		expect(deleted.output.map((item) => item.json)).toEqual([{ deleted: true, id }]);
		expect(portal.diskFiles().map((file) => file.ID)).toEqual([keep]);

		const again = await runBitrix24(portal, {
			parameters: { resource: 'diskFile', operation: 'get', fileId: String(id) },
		});
		expect(again.error.message).toMatch(/^Bitrix24 disk\.file\.get: .*\[ERROR_NOT_FOUND\]/);
	});

	it('turns a missing binary property into a clear item error with Continue On Fail', async () => {
		const { rootId } = await commonDrive(portal);
		const file = (name) => ({ data: Buffer.from(name), fileName: name, mimeType: 'text/plain' });
		const { output, error } = await runBitrix24(portal, {
			items: [{}, {}, {}, {}],
			binaries: [
				{ data: file('one.txt') },
				{ attachment: file('two.txt') },
				undefined,
				{ data: file('four.txt') },
			],
			parameters: { resource: 'diskFile', operation: 'upload', folderId: String(rootId) },
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(4);
		expect(output[0].json.NAME).toBe('one.txt');
		expect(output[1].json.error).toBe(
			"No binary property 'data' on item 1 — set 'Input Binary Field' to the name of the binary property",
		);
		expect(output[1].json.details).toMatch(/'attachment'/);
		expect(output[2].json.error).toMatch(/^No binary property 'data' on item 2/);
		expect(output[2].json.details).toMatch(/no binary data at all/);
		expect(output[3].json.NAME).toBe('four.txt');
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(portal.diskFiles().map((f) => f.NAME)).toEqual(['one.txt', 'four.txt']);
	});

	it('stops before uploading anything when an item lacks its binary (without Continue On Fail)', async () => {
		const { rootId } = await commonDrive(portal);
		portal.log.length = 0;
		const { error } = await runBitrix24(portal, {
			items: [{}, {}],
			binaries: [{ data: { data: Buffer.from('a'), fileName: 'a.txt' } }, undefined],
			parameters: { resource: 'diskFile', operation: 'upload', folderId: String(rootId) },
		});
		expect(error.message).toMatch(
			/^No binary property 'data' on item 1 — set 'Input Binary Field'/,
		);
		expect(error.context.itemIndex).toBe(1);
		expect(portal.diskFiles()).toHaveLength(0);
		expect(portal.log).toHaveLength(0);
	});

	it('asks for a file name when the binary has none', async () => {
		const { rootId } = await commonDrive(portal);
		const { error } = await runBitrix24(portal, {
			binaries: [{ data: { data: Buffer.from('a'), mimeType: 'text/plain' } }],
			parameters: { resource: 'diskFile', operation: 'upload', folderId: String(rootId) },
		});
		expect(error.message).toBe("The file on item 0 has no name — set 'File Name'");
		expect(portal.diskFiles()).toHaveLength(0);
	});

	it('reports a wrong file ID on its item and downloads the others', async () => {
		const { rootId } = await commonDrive(portal);
		const id = await putFile(portal, rootId, 'ok.txt', 'fine');
		const { output, error } = await runBitrix24(portal, {
			items: [{ id: 999 }, { id }, { id: 'abc' }],
			parameters: { resource: 'diskFile', operation: 'download', fileId: '={{ $json.id }}' },
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output[0].json.error).toMatch(
			/^Bitrix24 disk\.file\.get: Could not find entity with id `999`/,
		);
		expect(output[0].binary).toBeUndefined();
		expect(bytesOf(output[1].binary.data).toString()).toBe('fine');
		expect(output[2].json.error).toBe('File ID must be a positive whole number');

		const stopped = await runBitrix24(portal, {
			parameters: { resource: 'diskFile', operation: 'download', fileId: '999' },
		});
		expect(stopped.error.message).toMatch(/ERROR_NOT_FOUND/);
		expect(stopped.error.context.itemIndex).toBe(0);
	});

	it('reports a file that vanished before its bytes were read, without quoting its address', async () => {
		const { rootId } = await commonDrive(portal);
		const id = await putFile(portal, rootId, 'gone.txt');
		// The download address stops working (as when a link expires) while disk.file.get still answers.
		const file = portal.state.extras.disk.files.get(id);
		portal.state.extras.disk.tokens.delete(file.TOKEN);
		const { output } = await runBitrix24(portal, {
			parameters: { resource: 'diskFile', operation: 'download', fileId: String(id) },
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe(`Could not download file ${id} ("gone.txt"): File not found`);
		expect(JSON.stringify(output[0].json)).not.toContain(file.TOKEN.split('|')[1]);
	});
});

describe('Disk File download from an address off the portal', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('is refused on its item, naming the host', async () => {
		const { rootId } = await commonDrive(portal);
		const id = await putFile(portal, rootId, 'a.txt', 'content');
		// The same sandbox under another host name: disk.file.get now hands out foreign addresses.
		const foreign = portal.url.replace('127.0.0.1', 'localhost');
		portal.state.baseUrl = foreign;
		const { output } = await runBitrix24(portal, {
			items: [{ id }],
			parameters: { resource: 'diskFile', operation: 'download', fileId: '={{ $json.id }}' },
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe(
			`Could not download file ${id} ("a.txt"): its address is on ${new URL(foreign).host}, not on the portal ${new URL(portal.url).host}`,
		);
		expect(output[0].binary).toBeUndefined();
	});
});

describe('publicDownloadUrl', () => {
	it('drops OAuth tokens and webhook secrets from download addresses', () => {
		expect(
			publicDownloadUrl(
				'https://acme.bitrix24.com/rest/download.json?auth=abc123secret&token=disk%7CaWQ9MQ',
			),
		).toBe('https://acme.bitrix24.com/rest/download.json?token=disk%7CaWQ9MQ');
		expect(
			publicDownloadUrl(
				'https://acme.bitrix24.com/rest/1/w3bh00kc0de/download.json?token=disk%7Cx',
			),
		).toBe('https://acme.bitrix24.com/rest/download.json?token=disk%7Cx');
		expect(publicDownloadUrl('https://acme.bitrix24.com/rest/download.json?token=t&AUTH=s')).toBe(
			'https://acme.bitrix24.com/rest/download.json?token=t',
		);
	});
});

'use strict';

const { startSandbox, call } = require('./helpers');

describe('sandbox disk: storage uploads, subfolders, downloads', () => {
	let sb;
	const api = (method, params, options) => call(sb.webhookUrl, method, params, options);
	beforeAll(async () => {
		sb = await startSandbox();
	});
	afterAll(() => sb.stop());
	beforeEach(() => sb.reset());

	const content = Buffer.from('storage root file').toString('base64');

	test('disk.storage.uploadfile puts the file into the storage root folder', async () => {
		const storage = (await api('disk.storage.getlist', {})).body.result[0];
		const up = await api('disk.storage.uploadfile', {
			id: storage.ID,
			data: { NAME: 'root.txt' },
			fileContent: ['root.txt', content],
		});
		expect(up.status).toBe(200);
		expect(up.body.result).toMatchObject({
			NAME: 'root.txt',
			TYPE: 'file',
			STORAGE_ID: storage.ID,
			PARENT_ID: storage.ROOT_OBJECT_ID,
			SIZE: '17',
		});
		const children = await api('disk.folder.getchildren', { id: storage.ROOT_OBJECT_ID });
		expect(children.body.result.map((f) => f.NAME)).toEqual(['root.txt']);

		const dup = await api('disk.storage.uploadfile', {
			id: storage.ID,
			data: { NAME: 'ROOT.txt' },
			fileContent: content,
		});
		expect(dup.body.error).toBe('DISK_OBJ_22000');
		const unique = await api('disk.storage.uploadfile', {
			id: storage.ID,
			data: { NAME: 'root.txt' },
			fileContent: content,
			generateUniqueName: true,
		});
		expect(unique.body.result.NAME).toBe('root (1).txt');
		expect(
			(await api('disk.storage.uploadfile', { id: 999, data: { NAME: 'x' }, fileContent: content }))
				.body.error,
		).toBe('ERROR_NOT_FOUND');
		expect((await api('disk.storage.uploadfile', { data: { NAME: 'x' } })).body.error).toBe(
			'ERROR_ARGUMENT',
		);
		expect(sb.diskFiles().map((f) => f.NAME)).toEqual(['root.txt', 'root (1).txt']);
	});

	test('disk.folder.addsubfolder creates a folder files can be uploaded into', async () => {
		const storage = (await api('disk.storage.getlist', {})).body.result[0];
		const folder = await api('disk.folder.addsubfolder', {
			id: storage.ROOT_OBJECT_ID,
			data: { NAME: 'Invoices' },
		});
		expect(folder.body.result).toMatchObject({
			NAME: 'Invoices',
			TYPE: 'folder',
			PARENT_ID: storage.ROOT_OBJECT_ID,
			STORAGE_ID: storage.ID,
		});
		expect(
			(
				await api('disk.folder.addsubfolder', {
					id: storage.ROOT_OBJECT_ID,
					data: { NAME: 'invoices' },
				})
			).body.error,
		).toBe('DISK_OBJ_22000');
		expect(
			(await api('disk.folder.addsubfolder', { id: 999, data: { NAME: 'x' } })).body.error,
		).toBe('ERROR_NOT_FOUND');
		const up = await api('disk.folder.uploadfile', {
			id: folder.body.result.ID,
			data: { NAME: 'a.txt' },
			fileContent: ['a.txt', content],
		});
		expect(up.body.result).toMatchObject({
			PARENT_ID: folder.body.result.ID,
			STORAGE_ID: storage.ID,
		});
		const root = await api('disk.folder.getchildren', { id: storage.ROOT_OBJECT_ID });
		expect(root.body.result.map((o) => [o.NAME, o.TYPE])).toEqual([['Invoices', 'folder']]);
		const inside = await api('disk.folder.getchildren', { id: folder.body.result.ID });
		expect(inside.body.result.map((o) => o.NAME)).toEqual(['a.txt']);
	});
	test('download.json serves a file with a non-ASCII name', async () => {
		const storage = (await api('disk.storage.getlist', {})).body.result[0];
		const name = 'Отчёт für März.pdf';
		const up = await api('disk.storage.uploadfile', {
			id: storage.ID,
			data: { NAME: name },
			fileContent: [name, Buffer.from('%PDF').toString('base64')],
		});
		const dl = await fetch(up.body.result.DOWNLOAD_URL);
		expect(dl.status).toBe(200);
		expect(Buffer.from(await dl.arrayBuffer()).toString()).toBe('%PDF');
		const disposition = dl.headers.get('content-disposition');
		expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
		expect(disposition).toContain('filename="_____ f_r M_rz.pdf"');
	});
});

'use strict';

/**
 * Disk (a small part): `disk.storage.getlist`, `disk.folder.getchildren`, `disk.folder.uploadfile`,
 * `disk.folder.addsubfolder`, `disk.storage.uploadfile` (into the storage's root folder),
 * `disk.file.get`, `disk.file.delete`, `disk.storage.getforapp` (an application's own storage,
 * created on first call) and `disk.file.getexternallink` (a public link, `${sb.url}/~code`).
 * Storages: 1 = the common drive, then one per portal user (created on first disk call).
 * `DOWNLOAD_URL` is `${sb.url}/rest/download.json?token=…`, served by the sandbox itself (see
 * server.js); the token is random per file and carries no credentials.
 */

const crypto = require('node:crypto');
const { RestError } = require('../errors');
const { isPhpArray, phpEntries, strval, intval, upperKeys } = require('../php');
const { ListResult, legacyPage } = require('../paging');
const { nextId } = require('../extras');

const notFound = (id) =>
	new RestError('ERROR_NOT_FOUND', `Could not find entity with id \`${id}\``);
const noId = () =>
	new RestError('ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #0}', 400, {
		argument: 'id',
	});

/** Adds a storage with its root folder. @param {import('../index').SandboxState} state */
function makeStorage(state, name, entityType, entityId) {
	const disk = state.extras.disk;
	const id = nextId(state.extras, 'storage');
	const root = nextId(state.extras, 'diskObject');
	const now = state.clock.now();
	disk.folders.set(root, {
		ID: root,
		NAME: name,
		STORAGE_ID: id,
		PARENT_ID: null,
		CREATED_BY: 1,
		CREATE_TIME: now,
		UPDATE_TIME: now,
		ROOT: true,
	});
	disk.storages.set(id, {
		ID: id,
		NAME: name,
		CODE: null,
		MODULE_ID: 'disk',
		ENTITY_TYPE: entityType,
		ENTITY_ID: entityId,
		ROOT_OBJECT_ID: root,
	});
}

/** Creates the common storage and one per user (idempotent). @param {import('../index').SandboxState} state */
function ensureDisk(state) {
	const disk = state.extras.disk;
	if (!disk.storages) disk.storages = new Map();
	const make = (name, entityType, entityId) => makeStorage(state, name, entityType, entityId);
	if (!disk.storages.size) make('Shared drive', 'common', 'shared_files_s1');
	for (const u of state.users) {
		const has = [...disk.storages.values()].some(
			(s) => s.ENTITY_TYPE === 'user' && s.ENTITY_ID === String(u.ID),
		);
		if (!has) make(`${u.NAME} ${u.LAST_NAME}`.trim(), 'user', String(u.ID));
	}
	return disk;
}

function lower(params) {
	const out = {};
	for (const [k, v] of Object.entries(params)) out[k.toLowerCase()] = v;
	return out;
}

function publicStorage(s) {
	return {
		ID: String(s.ID),
		NAME: s.NAME,
		CODE: s.CODE,
		MODULE_ID: s.MODULE_ID,
		ENTITY_TYPE: s.ENTITY_TYPE,
		ENTITY_ID: s.ENTITY_ID,
		ROOT_OBJECT_ID: String(s.ROOT_OBJECT_ID),
	};
}

function publicFolder(f, state) {
	const fmt = (ms) => state.clock.format(ms);
	return {
		ID: String(f.ID),
		NAME: f.NAME,
		CODE: null,
		STORAGE_ID: String(f.STORAGE_ID),
		TYPE: 'folder',
		REAL_OBJECT_ID: String(f.ID),
		PARENT_ID: f.PARENT_ID === null ? null : String(f.PARENT_ID),
		DELETED_TYPE: '0',
		CREATE_TIME: fmt(f.CREATE_TIME),
		UPDATE_TIME: fmt(f.UPDATE_TIME),
		DELETE_TIME: null,
		CREATED_BY: String(f.CREATED_BY),
		UPDATED_BY: String(f.CREATED_BY),
		DELETED_BY: null,
		DETAIL_URL: `${state.baseUrl || ''}/docs/path/${encodeURIComponent(f.NAME)}`,
	};
}

/** @param {any} f @param {import('../index').SandboxState} state */
function publicFile(f, state) {
	const fmt = (ms) => state.clock.format(ms);
	return {
		ID: String(f.ID),
		NAME: f.NAME,
		CODE: null,
		STORAGE_ID: String(f.STORAGE_ID),
		TYPE: 'file',
		PARENT_ID: String(f.PARENT_ID),
		DELETED_TYPE: '0',
		GLOBAL_CONTENT_VERSION: '1',
		FILE_ID: String(f.FILE_ID),
		SIZE: String(f.SIZE),
		CREATE_TIME: fmt(f.CREATE_TIME),
		UPDATE_TIME: fmt(f.UPDATE_TIME),
		DELETE_TIME: null,
		CREATED_BY: String(f.CREATED_BY),
		UPDATED_BY: String(f.CREATED_BY),
		DELETED_BY: null,
		DOWNLOAD_URL: `${state.baseUrl || ''}/rest/download.json?token=${encodeURIComponent(f.TOKEN)}`,
		DETAIL_URL: `${state.baseUrl || ''}/docs/file/${encodeURIComponent(f.NAME)}`,
	};
}

/** "a.txt" → "a (1).txt" */
function uniqueName(name, taken) {
	if (!taken.has(name.toLowerCase())) return name;
	const dot = name.lastIndexOf('.');
	const base = dot > 0 ? name.slice(0, dot) : name;
	const ext = dot > 0 ? name.slice(dot) : '';
	for (let i = 1; ; i++) {
		const candidate = `${base} (${i})${ext}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
}

/** The file named by the `id` param; the documented errors when it is missing or unknown. */
function fileOf(params, ctx) {
	return byId(ensureDisk(ctx.state).files, lower(params));
}

/** The object `p.id` names in `map` (files, folders, storages), or the method's id error. */
function byId(map, p) {
	if (p.id === undefined || p.id === '') throw noId();
	const id = intval(p.id);
	const found = map.get(id);
	if (!found) throw notFound(id);
	return found;
}

/**
 * Rows matching an exact-value filter (UPPER keys), one legacy page of them.
 * @param {Record<string, any>[]} rows @param {unknown} filter @param {number} [start]
 */
function filteredPage(rows, filter, start) {
	const wanted = isPhpArray(filter) ? Object.entries(upperKeys(filter)) : [];
	const matched = rows.filter((r) =>
		wanted.every(([k, v]) => k in r && String(r[k]) === strval(v)),
	);
	const nav = legacyPage(start ?? 0, matched.length);
	return new ListResult(matched.slice(nav.offset, nav.offset + nav.limit), {
		next: nav.next,
		total: nav.total,
	});
}

/** Lower-cased names of the files and folders directly inside a folder. */
function namesIn(disk, folderId) {
	return new Set(
		[...disk.files.values(), ...disk.folders.values()]
			.filter((o) => o.PARENT_ID === folderId)
			.map((o) => o.NAME.toLowerCase()),
	);
}

/**
 * `disk.folder.uploadfile` / `disk.storage.uploadfile` (lower-cased params) into `folder`:
 * `data[NAME]`, `fileContent` = [name, base64] or base64, `generateUniqueName`.
 * @param {any} folder @param {Record<string, any>} p @param {any} ctx
 */
function uploadInto(folder, p, ctx) {
	const disk = ensureDisk(ctx.state);
	const folderId = folder.ID;
	const data = isPhpArray(p.data) ? upperKeys(p.data) : {};
	if (p.filecontent === undefined) {
		// two-step upload via uploadUrl is not emulated (multipart bodies are ignored)
		return {
			field: 'file',
			uploadUrl: `${ctx.state.baseUrl || ''}/rest/upload.json?token=unsupported`,
		};
	}
	let contentName = '';
	let base64 = '';
	if (isPhpArray(p.filecontent)) {
		const parts = phpEntries(p.filecontent).map(([, v]) => v);
		contentName = strval(parts[0]);
		base64 = strval(parts[1]);
	} else {
		base64 = strval(p.filecontent);
	}
	let name = strval(data.NAME || '').trim();
	if (!name) {
		throw new RestError(
			'DISK_BASE_SERVICE_22001',
			'Error: required parameter NAME (DISK_BASE_SERVICE_22001)',
		);
	}
	const content = Buffer.from(base64, 'base64');
	const taken = namesIn(disk, folderId);
	const generate =
		p.generateuniquename === true ||
		p.generateuniquename === 'true' ||
		p.generateuniquename === 'Y' ||
		p.generateuniquename === '1';
	if (taken.has(name.toLowerCase())) {
		// sandbox wording; the real code/text is UNCONFIRMED
		if (!generate)
			throw new RestError('DISK_OBJ_22000', `Can't create a file with a non-unique name "${name}"`);
		name = uniqueName(name, taken);
	}
	const now = ctx.state.clock.now();
	const id = nextId(ctx.state.extras, 'diskObject');
	const file = {
		ID: id,
		NAME: name,
		CONTENT_NAME: contentName,
		STORAGE_ID: folder.STORAGE_ID,
		PARENT_ID: folderId,
		FILE_ID: nextId(ctx.state.extras, 'bFile'),
		SIZE: content.length,
		content,
		CREATED_BY: ctx.auth.userId,
		CREATE_TIME: now,
		UPDATE_TIME: now,
		TOKEN: `disk|${crypto.randomBytes(12).toString('hex')}`,
	};
	disk.files.set(id, file);
	disk.tokens.set(file.TOKEN, id);
	return publicFile(file, ctx.state);
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const opts = { scope: 'disk' };

	registry.register(
		'disk.storage.getlist',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const p = lower(params);
			return filteredPage([...disk.storages.values()].map(publicStorage), p.filter, ctx.start);
		},
		opts,
	);

	registry.register(
		'disk.folder.getchildren',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const p = lower(params);
			const { ID: id } = byId(disk.folders, p);
			const rows = [
				...[...disk.folders.values()]
					.filter((f) => f.PARENT_ID === id)
					.map((f) => publicFolder(f, ctx.state)),
				...[...disk.files.values()]
					.filter((f) => f.PARENT_ID === id)
					.map((f) => publicFile(f, ctx.state)),
			].sort((a, b) => Number(a.ID) - Number(b.ID));
			return filteredPage(rows, p.filter, ctx.start);
		},
		opts,
	);

	registry.register(
		'disk.folder.uploadfile',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const p = lower(params);
			return uploadInto(byId(disk.folders, p), p, ctx);
		},
		opts,
	);

	registry.register(
		'disk.storage.uploadfile',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const p = lower(params);
			const storage = byId(disk.storages, p);
			return uploadInto(disk.folders.get(storage.ROOT_OBJECT_ID), p, ctx);
		},
		opts,
	);

	registry.register(
		'disk.folder.addsubfolder',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const p = lower(params);
			const parent = byId(disk.folders, p);
			const data = isPhpArray(p.data) ? upperKeys(p.data) : {};
			const name = strval(data.NAME || '').trim();
			if (!name) {
				throw new RestError(
					'DISK_BASE_SERVICE_22001',
					'Error: required parameter NAME (DISK_BASE_SERVICE_22001)',
				);
			}
			if (namesIn(disk, parent.ID).has(name.toLowerCase())) {
				// sandbox wording; the real code/text is UNCONFIRMED
				throw new RestError(
					'DISK_OBJ_22000',
					`Can't create a folder with a non-unique name "${name}"`,
				);
			}
			const now = ctx.state.clock.now();
			const id = nextId(ctx.state.extras, 'diskObject');
			const folder = {
				ID: id,
				NAME: name,
				STORAGE_ID: parent.STORAGE_ID,
				PARENT_ID: parent.ID,
				CREATED_BY: ctx.auth.userId,
				CREATE_TIME: now,
				UPDATE_TIME: now,
			};
			disk.folders.set(id, folder);
			return publicFolder(folder, ctx.state);
		},
		opts,
	);

	registry.register(
		'disk.storage.getforapp',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			if (!ctx.auth.clientId)
				throw new RestError('ACCESS_DENIED', 'Access denied! Application context required');
			const clientId = ctx.auth.clientId;
			let storage = [...disk.storages.values()].find(
				(s) => s.ENTITY_TYPE === 'restapp' && s.ENTITY_ID === clientId,
			);
			if (!storage) {
				makeStorage(ctx.state, `app ${clientId}`, 'restapp', clientId);
				storage = [...disk.storages.values()].pop();
			}
			return publicStorage(storage);
		},
		opts,
	);

	registry.register(
		'disk.file.getexternallink',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const file = fileOf(params, ctx);
			let code = [...disk.links].find(([, id]) => id === file.ID)?.[0];
			if (!code) {
				code = crypto.randomBytes(6).toString('base64url');
				disk.links.set(code, file.ID);
			}
			return `${ctx.state.baseUrl || ''}/~${code}`;
		},
		opts,
	);

	registry.register(
		'disk.file.get',
		(params, ctx) => {
			return publicFile(fileOf(params, ctx), ctx.state);
		},
		opts,
	);

	registry.register(
		'disk.file.delete',
		(params, ctx) => {
			const disk = ensureDisk(ctx.state);
			const file = fileOf(params, ctx);
			disk.files.delete(file.ID);
			disk.tokens.delete(file.TOKEN);
			return true;
		},
		opts,
	);
}

/**
 * GET /~code → the bytes of the file a public link (disk.file.getExternalLink) points to, to
 * anyone; 404 for an unknown code.
 * @param {import('../index').SandboxState} state @param {string} code
 */
function publicLink(state, code) {
	const id = state.extras.disk.links.get(code);
	return fileResponse(id === undefined ? null : state.extras.disk.files.get(id));
}

/**
 * GET /rest/download.json?token=… → the file bytes (404 JSON for an unknown token).
 * @param {import('../index').SandboxState} state @param {string} query
 * @returns {{status: number, headers: Record<string, string>, body: Buffer}}
 */
function download(state, query) {
	const token = new URLSearchParams(query).get('token') || '';
	const id = state.extras.disk.tokens.get(token);
	return fileResponse(id === undefined ? null : state.extras.disk.files.get(id));
}

/** A file as a download answer, or 404 JSON. */
function fileResponse(file) {
	if (!file) {
		return {
			status: 404,
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
			body: Buffer.from(
				JSON.stringify({ error: 'ERROR_NOT_FOUND', error_description: 'File not found' }),
			),
		};
	}
	return {
		status: 200,
		headers: {
			'Content-Type': 'application/octet-stream',
			'Content-Length': String(file.content.length),
			// `filename` must stay ASCII (Node refuses other header bytes); `filename*` has the real name.
			'Content-Disposition': `attachment; filename="${file.NAME.replace(/["\\\r\n]|[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.NAME)}`,
		},
		body: file.content,
	};
}

module.exports = { register, download, publicLink };

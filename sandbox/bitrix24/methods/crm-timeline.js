'use strict';

/**
 * Timeline comments: `crm.timeline.comment.add|get|list|update|delete|fields` (PROTOCOL.md
 * §7.5). Only lower-case `fields` is read (crm ≥ 23.100.0). Rows print with legacy
 * typing (`ID: "5"`), FILES as an object keyed by file id (`{}` when none). Errors carry codes:
 * 100 (missing params), OWNER_NOT_FOUND, NOT_FOUND "Not found.", INVALID_ARG_VALUE (empty
 * comment); list without ENTITY_ID/ENTITY_TYPE in the filter is a legacy 400.
 */

const { RestError, Errors } = require('../errors');
const { ListResult, legacyPage } = require('../paging');
const { intval, isPhpArray, phpEntries, strval, PhpObject } = require('../php');
const { compileFilter, compileOrder } = require('../crm/legacy-query');
const { resolveArrayParam } = require('../crm/legacy-entity');
const { findOwner, typeIdByName } = require('../crm/owners');

const TABLE = 'timeline_comments';
const FIELD_NAMES = ['ID', 'CREATED', 'ENTITY_ID', 'ENTITY_TYPE', 'AUTHOR_ID', 'COMMENT', 'FILES'];

const table = (state) => state.store.table(TABLE);

/** FILES input [[name, base64], …] → stored file records. */
function parseFiles(state, input, userId, nowMs) {
	if (!isPhpArray(input)) return [];
	const files = [];
	for (const [, raw] of phpEntries(input)) {
		const pair = phpEntries(raw).map(([, v]) => v);
		if (pair.length < 2) continue;
		const name = strval(pair[0]);
		const id = state.store.next('disk_file');
		files.push({
			id,
			name,
			size: Buffer.from(strval(pair[1]), 'base64').length,
			authorId: userId,
			at: nowMs,
		});
	}
	return files;
}

/** @param {import('../index').SandboxState} state @param {any} row @param {Set<string>|null} select */
function externalize(state, row, select) {
	const user = state.users.find((u) => u.ID === row.AUTHOR_ID);
	const full = {
		ID: String(row.ID),
		ENTITY_ID: String(row.ENTITY_ID),
		ENTITY_TYPE: row.ENTITY_TYPE,
		CREATED: state.clock.format(row.CREATED),
		COMMENT: row.COMMENT,
		AUTHOR_ID: String(row.AUTHOR_ID),
		FILES: new PhpObject(
			Object.fromEntries(
				row.FILES.map((f) => [
					String(f.id),
					{
						id: f.id,
						date: state.clock.format(f.at),
						type: 'file',
						name: f.name,
						size: f.size,
						authorId: f.authorId,
						authorName: user ? `${user.NAME} ${user.LAST_NAME}`.trim() : '',
						urlShow: `/disk/showFile/${f.id}/?&ncc=1&filename=${encodeURIComponent(f.name)}`,
						urlDownload: `/disk/downloadFile/${f.id}/?&ncc=1&filename=${encodeURIComponent(f.name)}`,
					},
				]),
			),
		),
	};
	if (!select) return full;
	const out = { ID: full.ID };
	for (const name of FIELD_NAMES) if (select.has(name)) out[name] = full[name];
	return out;
}

function fieldsParam(params) {
	if (!isPhpArray(params.fields))
		throw new RestError('100', 'Could not find value for parameter {fields}');
	return Object.fromEntries(phpEntries(params.fields));
}

function findComment(params, ctx) {
	const row = table(ctx.state).get(intval(params.id ?? 0));
	if (!row) throw new RestError('NOT_FOUND', 'Not found.');
	return row;
}

/** @param {import('../dispatch').CallContext} ctx */
function add(params, ctx) {
	const fields = fieldsParam(params);
	const { state } = ctx;
	const entityType = strval(fields.ENTITY_TYPE).toLowerCase();
	const entityId = intval(fields.ENTITY_ID ?? 0);
	if (!findOwner(state, typeIdByName(entityType), entityId))
		throw new RestError('OWNER_NOT_FOUND', 'Owner was not found.');
	const comment = strval(fields.COMMENT);
	if (comment.trim() === '') throw new RestError('INVALID_ARG_VALUE', 'Empty comment message.');
	const now = state.clock.now();
	const row = {
		ID: table(state).allocateId(),
		ENTITY_ID: entityId,
		ENTITY_TYPE: entityType,
		CREATED: now,
		COMMENT: comment,
		AUTHOR_ID: ctx.auth.userId,
		FILES: parseFiles(state, fields.FILES, ctx.auth.userId, now),
	};
	table(state).insert(row);
	return row.ID;
}

/** @param {import('../dispatch').CallContext} ctx */
function list(params, ctx) {
	const filter = resolveArrayParam(params, 'filter');
	const f = Object.fromEntries(phpEntries(filter));
	if (f.ENTITY_ID === undefined || f.ENTITY_TYPE === undefined)
		throw Errors.legacy('ENTITY_ID and ENTITY_TYPE are required in filter.');
	const defs = {
		ID: { name: 'ID', type: 'integer' },
		ENTITY_ID: { name: 'ENTITY_ID', type: 'integer' },
		ENTITY_TYPE: { name: 'ENTITY_TYPE', type: 'string' },
		AUTHOR_ID: { name: 'AUTHOR_ID', type: 'integer' },
		CREATED: { name: 'CREATED', type: 'datetime' },
	};
	const resolve = (name) => (defs[name] ? { def: defs[name], get: (row) => row[name] } : null);
	const { test } = compileFilter(filter, resolve, ctx.state.clock);
	const sorting = compileOrder(resolveArrayParam(params, 'order'), (name) =>
		['ID', 'CREATED', 'AUTHOR_ID'].includes(name) ? (row) => Number(row[name]) : null,
	);
	const rows = table(ctx.state).ascending().filter(test);
	if (sorting.keys.length > 0) rows.sort(sorting.compare);
	const nav = legacyPage(ctx.start, rows.length);
	const selectNames = phpEntries(resolveArrayParam(params, 'select')).map(([, v]) => strval(v));
	const select = selectNames.length > 0 ? new Set(selectNames) : null;
	const items = rows
		.slice(nav.offset, nav.offset + nav.limit)
		.map((r) => externalize(ctx.state, r, select));
	return new ListResult(items, { next: nav.next, total: nav.total });
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const crm = { scope: 'crm' };
	registry.register('crm.timeline.comment.add', add, crm);
	registry.register('crm.timeline.comment.list', list, crm);
	registry.register(
		'crm.timeline.comment.get',
		(params, ctx) => externalize(ctx.state, findComment(params, ctx), null),
		crm,
	);
	registry.register(
		'crm.timeline.comment.update',
		(params, ctx) => {
			const row = findComment(params, ctx);
			const fields = fieldsParam(params);
			if (fields.COMMENT !== undefined) {
				const comment = strval(fields.COMMENT);
				if (comment.trim() === '')
					throw new RestError('INVALID_ARG_VALUE', 'Empty comment message.');
				row.COMMENT = comment;
			}
			if (fields.FILES !== undefined)
				row.FILES = parseFiles(ctx.state, fields.FILES, ctx.auth.userId, ctx.state.clock.now());
			return row.ID;
		},
		crm,
	);
	registry.register(
		'crm.timeline.comment.delete',
		(params, ctx) => {
			const row = findComment(params, ctx);
			table(ctx.state).delete(row.ID);
			return null;
		},
		crm,
	);
	registry.register(
		'crm.timeline.comment.fields',
		() => {
			const f = (type, title, extra = {}) => ({
				type,
				isRequired: false,
				isReadOnly: false,
				isImmutable: false,
				isMultiple: false,
				isDynamic: false,
				title,
				...extra,
			});
			return {
				ID: f('integer', 'ID', { isReadOnly: true }),
				CREATED: f('datetime', 'Created on', { isReadOnly: true }),
				ENTITY_ID: f('integer', 'Entity ID', { isRequired: true, isImmutable: true }),
				ENTITY_TYPE: f('string', 'Entity type', { isRequired: true, isImmutable: true }),
				AUTHOR_ID: f('user', 'Created by', { isReadOnly: true }),
				COMMENT: f('string', 'Comment', { isRequired: true }),
				FILES: f('attached_diskfile', 'Files', { isMultiple: true }),
			};
		},
		crm,
	);
	registry.registerEvents([
		'ONCRMTIMELINECOMMENTADD',
		'ONCRMTIMELINECOMMENTUPDATE',
		'ONCRMTIMELINECOMMENTDELETE',
	]);
}

module.exports = { register };

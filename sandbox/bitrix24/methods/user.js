'use strict';

/**
 * Users and departments (PROTOCOL.md §7.7): `user.get`, `user.search`,
 * `department.get|add|update`. Users live in `state.users`, departments in `state.departments`.
 *
 * user.get filters (FILTER or top-level keys): any printed field, prefix operators `>=`, `>`,
 * `<=`, `<`, `@`, `!@`, `%`, `=%`/`%=`, `!%`, `!=%`/`!%=`, `=`, `!=`, `!`; a plain value with `%`
 * is a LIKE pattern ("Iva%"); arrays are IN; UF_DEPARTMENT matches any of the user's departments;
 * ACTIVE true/"Y"; NAME_SEARCH and user.search's FIND search name, last name, position, e-mail.
 */

const { upperKeys, isPhpArray, phpEntries, strval, intval } = require('../php');
const { ListResult, legacyPage } = require('../paging');
const { Errors } = require('../errors');

const USER_FIELDS = [
	'ID',
	'ACTIVE',
	'NAME',
	'LAST_NAME',
	'SECOND_NAME',
	'EMAIL',
	'PERSONAL_GENDER',
	'PERSONAL_MOBILE',
	'WORK_PHONE',
	'WORK_POSITION',
	'UF_DEPARTMENT',
	'USER_TYPE',
];

/** @param {import('../users').SandboxUser} user */
function publicUser(user) {
	return {
		ID: String(user.ID),
		ACTIVE: user.ACTIVE !== false,
		NAME: user.NAME ?? '',
		LAST_NAME: user.LAST_NAME ?? '',
		SECOND_NAME: user.SECOND_NAME ?? '',
		EMAIL: user.EMAIL ?? '',
		PERSONAL_GENDER: user.PERSONAL_GENDER ?? '',
		PERSONAL_MOBILE: user.PERSONAL_MOBILE ?? '',
		WORK_PHONE: user.WORK_PHONE ?? '',
		WORK_POSITION: user.WORK_POSITION ?? '',
		UF_DEPARTMENT: (user.UF_DEPARTMENT ?? [1]).map(Number),
		USER_TYPE: user.USER_TYPE ?? 'employee',
	};
}

/** "Iva%" → /^Iva.*$/i @param {string} pattern */
function likeRegex(pattern) {
	const body = pattern
		.split('%')
		.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/_/g, '.'))
		.join('.*');
	return new RegExp(`^${body}$`, 'is');
}

const OPERATORS = [
	'!=%',
	'!%=',
	'>=',
	'<=',
	'!@',
	'=%',
	'%=',
	'!%',
	'!=',
	'>',
	'<',
	'@',
	'%',
	'=',
	'!',
];

/** @param {string} key */
function splitKey(key) {
	for (const op of OPERATORS) if (key.startsWith(op)) return { op, field: key.slice(op.length) };
	return { op: '', field: key };
}

/** @param {unknown} v */
function listOf(v) {
	return isPhpArray(v) ? phpEntries(v).map(([, x]) => x) : [v];
}

/**
 * @param {ReturnType<typeof publicUser>} row
 * @param {string} key filter key with its operator
 * @param {unknown} value
 */
function matches(row, key, value) {
	const { op, field } = splitKey(key);
	if (field === 'NAME_SEARCH' || field === 'FIND') return findMatch(row, strval(value));
	if (!(field in row)) return true; // unknown filter fields are ignored
	const actual = row[field];
	const values = Array.isArray(actual) ? actual.map(String) : [strval(actual)];
	if (field === 'ACTIVE') {
		const want =
			value === true || value === 'Y' || value === 'true' || value === 1 || value === '1';
		return op.startsWith('!') ? actual !== want : actual === want;
	}
	const operands = listOf(value).map((v) => strval(v));
	const eq = (a, b) =>
		isNum(a) && isNum(b) ? Number(a) === Number(b) : a.toLowerCase() === b.toLowerCase();
	const any = (pred) => values.some((a) => operands.some((b) => pred(a, b)));
	switch (op) {
		case '>=':
			return any((a, b) => cmp(a, b) >= 0);
		case '>':
			return any((a, b) => cmp(a, b) > 0);
		case '<=':
			return any((a, b) => cmp(a, b) <= 0);
		case '<':
			return any((a, b) => cmp(a, b) < 0);
		case '%':
			return any((a, b) => a.toLowerCase().includes(b.toLowerCase()));
		case '!%':
			return !any((a, b) => a.toLowerCase().includes(b.toLowerCase()));
		case '=%':
		case '%=':
			return any((a, b) => likeRegex(b).test(a));
		case '!=%':
		case '!%=':
			return !any((a, b) => likeRegex(b).test(a));
		case '!':
		case '!=':
		case '!@':
			return !any(eq);
		default:
			return any((a, b) => (b.includes('%') ? likeRegex(b).test(a) : eq(a, b)));
	}
}

function isNum(v) {
	return /^-?\d+(\.\d+)?$/.test(v);
}

function cmp(a, b) {
	if (isNum(a) && isNum(b)) return Number(a) - Number(b);
	return a.localeCompare(b);
}

/** @param {ReturnType<typeof publicUser>} row @param {string} text */
function findMatch(row, text) {
	const words = text.toLowerCase().split(/\s+/).filter(Boolean);
	const hay = [row.NAME, row.LAST_NAME, row.SECOND_NAME, row.WORK_POSITION, row.EMAIL]
		.join(' ')
		.toLowerCase();
	return words.every((w) => hay.includes(w));
}

const CONTROL_KEYS = new Set([
	'FILTER',
	'SORT',
	'ORDER',
	'ADMIN_MODE',
	'SELECT',
	'IMAGE_RESIZE',
	'START',
]);

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function listUsers(params, ctx) {
	const q = upperKeys(params);
	/** @type {Record<string, unknown>} */
	const filter = {};
	for (const [k, v] of Object.entries(q)) if (!CONTROL_KEYS.has(k)) filter[k] = v;
	if (isPhpArray(q.FILTER)) for (const [k, v] of phpEntries(q.FILTER)) filter[k.toUpperCase()] = v;
	let rows = ctx.state.users.map(publicUser);
	for (const [key, value] of Object.entries(filter))
		rows = rows.filter((r) => matches(r, key, value));
	const sortField = q.SORT ? String(q.SORT).toUpperCase() : 'ID';
	const desc = String(q.ORDER || '').toUpperCase() === 'DESC';
	if (sortField in (rows[0] || {})) {
		rows.sort((a, b) => {
			const c = cmp(strval(a[sortField]), strval(b[sortField])) || Number(a.ID) - Number(b.ID);
			return desc ? -c : c;
		});
	}
	const nav = legacyPage(ctx.start ?? 0, rows.length);
	return new ListResult(rows.slice(nav.offset, nav.offset + nav.limit), {
		next: nav.next,
		total: nav.total,
	});
}

/** @param {any} d */
function publicDepartment(d) {
	const out = { ID: String(d.ID), NAME: d.NAME, SORT: String(d.SORT) };
	if (d.PARENT) out.PARENT = String(d.PARENT);
	if (d.UF_HEAD) out.UF_HEAD = String(d.UF_HEAD);
	return out;
}

/** Default company structure: department 1 (the company). */
function defaultDepartments() {
	return [{ ID: 1, NAME: 'Sandbox Company', SORT: 500, PARENT: 0, UF_HEAD: 1 }];
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	registry.register('user.get', listUsers, { scope: 'user' });
	registry.register(
		'user.search',
		(params, ctx) => {
			const q = upperKeys(params);
			const filter = isPhpArray(q.FILTER) ? upperKeys(q.FILTER) : {};
			// FIND cannot be combined with other filter keys (§7.7): the others are dropped.
			const find = filter.FIND ?? q.FIND;
			const next = find !== undefined ? { ...q, FILTER: { FIND: find } } : q;
			delete next.FIND;
			return listUsers(next, ctx);
		},
		{ scope: 'user' },
	);

	registry.register(
		'department.get',
		(params, ctx) => {
			const q = upperKeys(params);
			const filter = {};
			// SORT is both the order field (`sort: 'NAME'`) and a filter field (`SORT: 500`)
			for (const k of ['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD']) {
				if (q[k] === undefined || (k === 'SORT' && !isNum(strval(q[k])))) continue;
				filter[k] = q[k];
			}
			let rows = ctx.state.departments.map(publicDepartment);
			for (const [k, v] of Object.entries(filter)) {
				const wanted = listOf(v).map(strval);
				rows = rows.filter((r) => wanted.includes(r[k] ?? ''));
			}
			const sortField =
				q.SORT && typeof q.SORT === 'string' && !isNum(q.SORT) ? q.SORT.toUpperCase() : 'ID';
			const desc = String(q.ORDER || '').toUpperCase() === 'DESC';
			rows.sort((a, b) => {
				const c = cmp(a[sortField] ?? '', b[sortField] ?? '') || Number(a.ID) - Number(b.ID);
				return desc ? -c : c;
			});
			const nav = legacyPage(ctx.start ?? 0, rows.length);
			return new ListResult(rows.slice(nav.offset, nav.offset + nav.limit), {
				next: nav.next,
				total: nav.total,
			});
		},
		{ scope: 'department' },
	);
	registry.register(
		'department.add',
		(params, ctx) => {
			const q = upperKeys(params);
			if (!q.NAME) throw Errors.core('Department name is not specified');
			const parent = intval(q.PARENT);
			const deps = ctx.state.departments;
			if (!parent || !deps.some((d) => d.ID === parent)) {
				throw Errors.core('Parent department is not specified or not found');
			}
			const id = deps.reduce((m, d) => Math.max(m, d.ID), 0) + 1;
			deps.push({
				ID: id,
				NAME: strval(q.NAME),
				SORT: q.SORT !== undefined ? intval(q.SORT) : 500,
				PARENT: parent,
				UF_HEAD: intval(q.UF_HEAD),
			});
			return id;
		},
		{ scope: 'department' },
	);
	registry.register(
		'department.update',
		(params, ctx) => {
			const q = upperKeys(params);
			const dep = ctx.state.departments.find((d) => d.ID === intval(q.ID));
			if (!dep) throw Errors.core('Department not found');
			if (q.NAME !== undefined) dep.NAME = strval(q.NAME);
			if (q.SORT !== undefined) dep.SORT = intval(q.SORT);
			if (q.PARENT !== undefined) dep.PARENT = intval(q.PARENT);
			if (q.UF_HEAD !== undefined) dep.UF_HEAD = intval(q.UF_HEAD);
			return true;
		},
		{ scope: 'department' },
	);
}

module.exports = { register, publicUser, defaultDepartments, USER_FIELDS };

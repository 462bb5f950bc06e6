'use strict';

/**
 * Tasks (PROTOCOL.md §7.8): `tasks.task.*` (UPPER input keys, camelCase string output)
 * and the legacy positional `task.commentitem.*`, `task.checklistitem.*`, `task.elapseditem.*`.
 * Data lives in `state.extras` (tasks, taskComments, checklist, elapsed).
 */

const { RestError } = require('../errors');
const { upperKeys, isPhpArray, phpEntries, strval, intval } = require('../php');
const { ListResult, legacyPage } = require('../paging');
const { nextId } = require('../extras');
const { findUser } = require('../users');

const STATUS = { PENDING: 2, IN_PROGRESS: 3, SUPPOSEDLY_COMPLETED: 4, COMPLETED: 5, DEFERRED: 6 };

/** Writable fields and their kind. */
const FIELDS = {
	TITLE: 'string',
	DESCRIPTION: 'string',
	PRIORITY: 'int',
	MARK: 'string',
	PARENT_ID: 'int',
	GROUP_ID: 'int',
	STAGE_ID: 'int',
	CREATED_BY: 'int',
	RESPONSIBLE_ID: 'int',
	DEADLINE: 'date',
	START_DATE_PLAN: 'date',
	END_DATE_PLAN: 'date',
	TIME_ESTIMATE: 'int',
	ALLOW_CHANGE_DEADLINE: 'flag',
	TASK_CONTROL: 'flag',
	ALLOW_TIME_TRACKING: 'flag',
	ACCOMPLICES: 'ints',
	AUDITORS: 'ints',
	TAGS: 'strings',
	UF_CRM_TASK: 'strings',
	UF_TASK_WEBDAV_FILES: 'strings',
	STATUS: 'int',
};
/** Read-only fields maintained by the sandbox. */
const SYSTEM = {
	ID: 'int',
	CREATED_DATE: 'date',
	CHANGED_BY: 'int',
	CHANGED_DATE: 'date',
	STATUS_CHANGED_BY: 'int',
	STATUS_CHANGED_DATE: 'date',
	CLOSED_BY: 'int',
	CLOSED_DATE: 'date',
	DATE_START: 'date',
	COMMENTS_COUNT: 'int',
	TIME_SPENT_IN_LOGS: 'int',
	REAL_STATUS: 'int',
};
const ALL = { ...FIELDS, ...SYSTEM };

/** "RESPONSIBLE_ID" → "responsibleId" @param {string} name */
function camel(name) {
	return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

const err = {
	param: (name) =>
		new RestError('100', `Could not find value for parameter {${name}} (internal error)`),
	wrongId: () => new RestError('0', 'wrong task id'),
	title: () => new RestError('ERROR_CORE', 'Task title is not specified<br>'),
	// sandbox wording (the real text is not in PROTOCOL.md)
	responsible: () => new RestError('ERROR_CORE', 'Responsible person is not specified<br>'),
	sort: () => new RestError('0', 'Invalid sorting key (internal error)'),
	noTask: () => new RestError('ERROR_CORE', 'Action failed: task not found or not accessible'),
};

/**
 * Stored task → the camelCase string view of tasks.task.get.
 * @param {any} task @param {import('../index').SandboxState} state @param {string[]|null} [select] UPPER
 */
function publicTask(task, state, select = null) {
	const out = {};
	const names =
		select && select.length && !select.includes('*') ? ['ID', ...select] : Object.keys(ALL);
	for (const name of names) {
		const kind = ALL[name];
		if (!kind) continue;
		const v = name === 'REAL_STATUS' ? task.STATUS : task[name];
		let printed;
		if (kind === 'ints' || kind === 'strings') printed = (v || []).map(String);
		else if (v === null || v === undefined || v === '') printed = kind === 'string' ? '' : null;
		else if (kind === 'date') printed = state.clock.format(v);
		else printed = String(v);
		out[name === 'STATUS' ? 'status' : camel(name)] = printed;
	}
	if (!select || select.includes('*') || !select.length) {
		out.subStatus = String(task.STATUS);
		out.creator = userBrief(state, task.CREATED_BY);
		out.responsible = userBrief(state, task.RESPONSIBLE_ID);
	}
	return out;
}

function userBrief(state, id) {
	const u = findUser(state.users, id);
	return {
		id: String(id),
		name: `${u.NAME} ${u.LAST_NAME}`.trim(),
		link: `/company/personal/user/${id}/`,
		icon: '/bitrix/images/tasks/default_avatar.png',
		workPosition: u.WORK_POSITION || '',
	};
}

/** @param {any} task @param {Record<string, any>} fields UPPER @param {import('../index').SandboxState} state */
function applyFields(task, fields, state) {
	for (const [name, value] of Object.entries(fields)) {
		const kind = FIELDS[name];
		if (!kind) continue; // unknown and read-only fields are ignored
		if (kind === 'int') task[name] = value === '' || value === null ? null : intval(value);
		else if (kind === 'string') task[name] = strval(value);
		else if (kind === 'flag') task[name] = value === true || value === 'Y' ? 'Y' : 'N';
		else if (kind === 'date')
			task[name] = value === '' || value === null ? null : state.clock.parse(value);
		else if (kind === 'ints') task[name] = listOf(value).map(intval).filter(Boolean);
		else if (kind === 'strings') task[name] = listOf(value).map(strval).filter(Boolean);
	}
}

function listOf(v) {
	if (v === undefined || v === null || v === '') return [];
	return isPhpArray(v) ? phpEntries(v).map(([, x]) => x) : [v];
}

/** taskId from `taskId`/`TASKID`/`id`. */
function taskIdParam(params) {
	for (const [k, v] of Object.entries(params))
		if (k.toLowerCase() === 'taskid' || k.toLowerCase() === 'id') return v;
	return undefined;
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function loadTask(params, ctx) {
	const raw = taskIdParam(params);
	if (raw === undefined) throw err.param('taskId');
	const id = intval(raw);
	if (id <= 0) throw err.wrongId();
	const task = ctx.state.extras.tasks.get(id);
	if (!task) throw err.noTask();
	return task;
}

/** Case-insensitive param (`fields`, `FIELDS`). */
function param(params, name) {
	for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === name) return v;
	return undefined;
}

const OPS = ['>=', '<=', '!=', '>', '<', '!', '%', '='];

function matchFilter(task, filter, state) {
	for (const [key, value] of Object.entries(filter)) {
		const op = OPS.find((o) => key.startsWith(o)) || '';
		let field = key.slice(op.length).toUpperCase();
		if (field === 'REAL_STATUS') field = 'STATUS';
		const kind = ALL[field];
		if (!kind) continue;
		const actual = task[field];
		const operands = listOf(value);
		const norm = (v) => {
			if (kind === 'date')
				return v === null || v === undefined
					? null
					: typeof v === 'number'
						? v
						: state.clock.parse(v);
			if (kind === 'int' || kind === 'ints')
				return v === null || v === undefined || v === '' ? null : intval(v);
			return strval(v).toLowerCase();
		};
		const actuals = Array.isArray(actual) ? actual.map(norm) : [norm(actual)];
		const wanted = operands.map(norm);
		const test = (pred) => actuals.some((a) => wanted.some((b) => pred(a, b)));
		let ok;
		switch (op) {
			case '>=':
				ok = test((a, b) => a !== null && a >= b);
				break;
			case '<=':
				ok = test((a, b) => a !== null && a <= b);
				break;
			case '>':
				ok = test((a, b) => a !== null && a > b);
				break;
			case '<':
				ok = test((a, b) => a !== null && a < b);
				break;
			case '%':
				ok = test((a, b) => a !== null && String(a).includes(String(b)));
				break;
			case '!':
			case '!=':
				ok = !test((a, b) => a === b);
				break;
			default:
				ok =
					wanted.length === 0
						? actuals.every((a) => a === null || a === '')
						: test((a, b) => a === b);
		}
		if (!ok) return false;
	}
	return true;
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	const opts = { scope: 'task' };
	const taskResult = (task, ctx) => ({ task: publicTask(task, ctx.state) });

	registry.register(
		'tasks.task.add',
		(params, ctx) => {
			const fields = param(params, 'fields');
			if (!isPhpArray(fields)) throw err.param('fields');
			const f = upperKeys(fields);
			if (!f.TITLE || !strval(f.TITLE).trim()) throw err.title();
			if (!intval(f.RESPONSIBLE_ID)) throw err.responsible();
			const { extras, clock } = ctx.state;
			const now = clock.now();
			const task = {
				ID: 0,
				TITLE: '',
				DESCRIPTION: '',
				PRIORITY: 1,
				MARK: null,
				PARENT_ID: null,
				GROUP_ID: 0,
				STAGE_ID: 0,
				CREATED_BY: ctx.auth.userId,
				RESPONSIBLE_ID: ctx.auth.userId,
				DEADLINE: null,
				START_DATE_PLAN: null,
				END_DATE_PLAN: null,
				TIME_ESTIMATE: 0,
				ALLOW_CHANGE_DEADLINE: 'N',
				TASK_CONTROL: 'N',
				ALLOW_TIME_TRACKING: 'N',
				ACCOMPLICES: [],
				AUDITORS: [],
				TAGS: [],
				UF_CRM_TASK: [],
				STATUS: STATUS.PENDING,
				CREATED_DATE: now,
				CHANGED_BY: ctx.auth.userId,
				CHANGED_DATE: now,
				STATUS_CHANGED_BY: ctx.auth.userId,
				STATUS_CHANGED_DATE: now,
				CLOSED_BY: null,
				CLOSED_DATE: null,
				DATE_START: null,
				COMMENTS_COUNT: 0,
				TIME_SPENT_IN_LOGS: 0,
			};
			applyFields(task, f, ctx.state);
			if (![2, 3, 4, 5, 6].includes(task.STATUS)) task.STATUS = STATUS.PENDING;
			task.ID = nextId(extras, 'task');
			extras.tasks.set(task.ID, task);
			return taskResult(task, ctx);
		},
		opts,
	);

	registry.register(
		'tasks.task.get',
		(params, ctx) => {
			const task = loadTask(params, ctx);
			const select = listOf(param(params, 'select')).map((s) => strval(s).toUpperCase());
			return { task: publicTask(task, ctx.state, select) };
		},
		opts,
	);

	registry.register(
		'tasks.task.update',
		(params, ctx) => {
			const task = loadTask(params, ctx);
			const fields = param(params, 'fields');
			if (!isPhpArray(fields)) throw err.param('fields');
			const f = upperKeys(fields);
			if (f.TITLE !== undefined && !strval(f.TITLE).trim()) throw err.title();
			const before = task.STATUS;
			applyFields(task, f, ctx.state);
			if (![2, 3, 4, 5, 6].includes(task.STATUS)) task.STATUS = before;
			touch(task, ctx, before);
			return taskResult(task, ctx);
		},
		opts,
	);

	registry.register(
		'tasks.task.delete',
		(params, ctx) => {
			const task = loadTask(params, ctx);
			const { extras } = ctx.state;
			extras.tasks.delete(task.ID);
			extras.taskComments = extras.taskComments.filter((c) => c.TASK_ID !== task.ID);
			extras.checklist = extras.checklist.filter((c) => c.TASK_ID !== task.ID);
			extras.elapsed = extras.elapsed.filter((c) => c.TASK_ID !== task.ID);
			return { task: true };
		},
		opts,
	);

	registry.register(
		'tasks.task.list',
		(params, ctx) => {
			const filter = upperKeysDeep(param(params, 'filter'));
			const order = param(params, 'order');
			const select = listOf(param(params, 'select')).map((s) => strval(s).toUpperCase());
			const orders = isPhpArray(order) ? phpEntries(order) : [['ID', 'desc']];
			for (const [k] of orders) {
				const key = k.toUpperCase() === 'REAL_STATUS' ? 'STATUS' : k.toUpperCase();
				if (!ALL[key]) throw err.sort();
			}
			let rows = [...ctx.state.extras.tasks.values()].filter((t) =>
				matchFilter(t, filter, ctx.state),
			);
			rows.sort((a, b) => {
				for (const [k, dir] of orders) {
					const key = k.toUpperCase() === 'REAL_STATUS' ? 'STATUS' : k.toUpperCase();
					const av = a[key] ?? '';
					const bv = b[key] ?? '';
					const c =
						typeof av === 'number' && typeof bv === 'number'
							? av - bv
							: String(av).localeCompare(String(bv));
					if (c) return String(dir).toUpperCase() === 'DESC' ? -c : c;
				}
				return a.ID - b.ID;
			});
			const nav = legacyPage(ctx.start ?? 0, rows.length);
			const page = rows
				.slice(nav.offset, nav.offset + nav.limit)
				.map((t) => publicTask(t, ctx.state, select));
			return new ListResult({ tasks: page }, { next: nav.next, total: nav.total });
		},
		opts,
	);

	/** Status actions: tasks.task.{complete,start,defer,renew} */
	const action = (name, status) =>
		registry.register(
			`tasks.task.${name}`,
			(params, ctx) => {
				const task = loadTask(params, ctx);
				const before = task.STATUS;
				task.STATUS = status;
				if (status === STATUS.IN_PROGRESS && !task.DATE_START)
					task.DATE_START = ctx.state.clock.now();
				if (status === STATUS.COMPLETED) {
					task.CLOSED_BY = ctx.auth.userId;
					task.CLOSED_DATE = ctx.state.clock.now();
				} else if (status === STATUS.PENDING) {
					task.CLOSED_BY = null;
					task.CLOSED_DATE = null;
				}
				touch(task, ctx, before);
				return taskResult(task, ctx);
			},
			opts,
		);
	action('complete', STATUS.COMPLETED);
	action('start', STATUS.IN_PROGRESS);
	action('defer', STATUS.DEFERRED);
	action('renew', STATUS.PENDING);

	registry.register(
		'tasks.task.delegate',
		(params, ctx) => {
			const task = loadTask(params, ctx);
			const userId = param(params, 'userid');
			if (userId === undefined) throw err.param('userId');
			const before = task.STATUS;
			if (task.RESPONSIBLE_ID !== ctx.auth.userId && task.CREATED_BY !== task.RESPONSIBLE_ID) {
				if (!task.AUDITORS.includes(task.RESPONSIBLE_ID)) task.AUDITORS.push(task.RESPONSIBLE_ID);
			} else if (!task.AUDITORS.includes(ctx.auth.userId)) task.AUDITORS.push(ctx.auth.userId);
			task.RESPONSIBLE_ID = intval(userId);
			task.STATUS = STATUS.PENDING;
			touch(task, ctx, before);
			return taskResult(task, ctx);
		},
		opts,
	);

	registerPositional(registry, opts);
}

function touch(task, ctx, statusBefore) {
	const now = ctx.state.clock.now();
	task.CHANGED_BY = ctx.auth.userId;
	task.CHANGED_DATE = now;
	if (task.STATUS !== statusBefore) {
		task.STATUS_CHANGED_BY = ctx.auth.userId;
		task.STATUS_CHANGED_DATE = now;
	}
}

function upperKeysDeep(v) {
	return isPhpArray(v) ? upperKeys(v) : {};
}

/** Positional args: PHP array_values of the params (named keys work only in the documented order). */
function args(params) {
	return Object.values(params);
}

/** Legacy task.* errors (sandbox wording; HTTP 400, code ERROR_CORE). */
const legacyErr = (text) => new RestError('ERROR_CORE', text);

/** @param {import('./registry').MethodRegistry} registry */
function registerPositional(registry, opts) {
	const needTask = (ctx, raw) => {
		const id = intval(raw);
		const task = ctx.state.extras.tasks.get(id);
		if (!task)
			throw legacyErr(
				'TASKS_ERROR_EXCEPTION_#256; Task not found or not accessible; 256/TE/ACTION_NOT_ALLOWED',
			);
		return task;
	};
	const fmt = (ctx, ms) => (ms ? ctx.state.clock.format(ms) : '');
	const sortBy = (rows, order) => {
		const entries = isPhpArray(order) ? phpEntries(order) : [];
		if (!entries.length) return rows;
		return [...rows].sort((a, b) => {
			for (const [k, dir] of entries) {
				const key = k.toUpperCase();
				const c = cmpVal(a[key], b[key]);
				if (c) return String(dir).toUpperCase() === 'DESC' ? -c : c;
			}
			return 0;
		});
	};

	// Comments
	registry.register(
		'task.commentitem.add',
		(params, ctx) => {
			const [taskId, fields] = args(params);
			const task = needTask(ctx, taskId);
			const f = upperKeysDeep(fields);
			if (!f.POST_MESSAGE || !strval(f.POST_MESSAGE).trim())
				throw legacyErr('Comment text is empty');
			const id = nextId(ctx.state.extras, 'comment');
			ctx.state.extras.taskComments.push({
				ID: id,
				TASK_ID: task.ID,
				AUTHOR_ID: intval(f.AUTHOR_ID) || ctx.auth.userId,
				POST_MESSAGE: strval(f.POST_MESSAGE),
				POST_DATE: ctx.state.clock.now(),
			});
			task.COMMENTS_COUNT++;
			return id;
		},
		opts,
	);
	const publicComment = (ctx, c) => {
		const u = findUser(ctx.state.users, c.AUTHOR_ID);
		return {
			POST_MESSAGE_HTML: null,
			ID: String(c.ID),
			AUTHOR_ID: String(c.AUTHOR_ID),
			AUTHOR_NAME: `${u.NAME} ${u.LAST_NAME}`.trim(),
			AUTHOR_EMAIL: u.EMAIL || '',
			POST_DATE: fmt(ctx, c.POST_DATE),
			POST_MESSAGE: c.POST_MESSAGE,
			ATTACHED_OBJECTS: [],
		};
	};
	registry.register(
		'task.commentitem.getlist',
		(params, ctx) => {
			const [taskId, order, filter] = args(params);
			const task = needTask(ctx, taskId);
			const f = upperKeysDeep(filter);
			let rows = ctx.state.extras.taskComments.filter((c) => c.TASK_ID === task.ID);
			if (f.AUTHOR_ID !== undefined) rows = rows.filter((c) => c.AUTHOR_ID === intval(f.AUTHOR_ID));
			return sortBy(rows, order).map((c) => publicComment(ctx, c));
		},
		opts,
	);
	registry.register(
		'task.commentitem.get',
		(params, ctx) => {
			const [taskId, itemId] = args(params);
			const task = needTask(ctx, taskId);
			const comment = ctx.state.extras.taskComments.find(
				(c) => c.TASK_ID === task.ID && c.ID === intval(itemId),
			);
			if (!comment) throw legacyErr('Comment not found');
			return publicComment(ctx, comment);
		},
		opts,
	);
	registry.register(
		'task.commentitem.delete',
		(params, ctx) => {
			const [taskId, itemId] = args(params);
			const task = needTask(ctx, taskId);
			const list = ctx.state.extras.taskComments;
			const i = list.findIndex((c) => c.TASK_ID === task.ID && c.ID === intval(itemId));
			if (i < 0) throw legacyErr('Comment not found');
			list.splice(i, 1);
			task.COMMENTS_COUNT--;
			return true;
		},
		opts,
	);

	// Checklist
	registry.register(
		'task.checklistitem.add',
		(params, ctx) => {
			const [taskId, fields] = args(params);
			const task = needTask(ctx, taskId);
			const f = upperKeysDeep(fields);
			if (!f.TITLE || !strval(f.TITLE).trim()) throw legacyErr('Checklist item title is empty');
			const items = ctx.state.extras.checklist.filter((c) => c.TASK_ID === task.ID);
			const id = nextId(ctx.state.extras, 'checklist');
			ctx.state.extras.checklist.push({
				ID: id,
				TASK_ID: task.ID,
				PARENT_ID: intval(f.PARENT_ID),
				CREATED_BY: ctx.auth.userId,
				TITLE: strval(f.TITLE),
				SORT_INDEX: f.SORT_INDEX !== undefined ? intval(f.SORT_INDEX) : items.length,
				IS_COMPLETE: f.IS_COMPLETE === 'Y' || f.IS_COMPLETE === true ? 'Y' : 'N',
				IS_IMPORTANT: f.IS_IMPORTANT === 'Y' || f.IS_IMPORTANT === true ? 'Y' : 'N',
				TOGGLED_BY: null,
				TOGGLED_DATE: null,
			});
			return id;
		},
		opts,
	);
	registry.register(
		'task.checklistitem.getlist',
		(params, ctx) => {
			const [taskId, order] = args(params);
			const task = needTask(ctx, taskId);
			const rows = ctx.state.extras.checklist
				.filter((c) => c.TASK_ID === task.ID)
				.sort((a, b) => a.SORT_INDEX - b.SORT_INDEX || a.ID - b.ID);
			return sortBy(rows, order).map((c) => ({
				ID: String(c.ID),
				TASK_ID: String(c.TASK_ID),
				PARENT_ID: String(c.PARENT_ID),
				CREATED_BY: String(c.CREATED_BY),
				TITLE: c.TITLE,
				SORT_INDEX: String(c.SORT_INDEX),
				IS_COMPLETE: c.IS_COMPLETE,
				IS_IMPORTANT: c.IS_IMPORTANT,
				TOGGLED_BY: c.TOGGLED_BY === null ? null : String(c.TOGGLED_BY),
				TOGGLED_DATE: c.TOGGLED_DATE ? fmt(ctx, c.TOGGLED_DATE) : '',
			}));
		},
		opts,
	);
	const checklistItem = (params, ctx) => {
		const [taskId, itemId] = args(params);
		const task = needTask(ctx, taskId);
		const item = ctx.state.extras.checklist.find(
			(c) => c.TASK_ID === task.ID && c.ID === intval(itemId),
		);
		if (!item) throw legacyErr('Checklist item not found');
		return item;
	};
	registry.register(
		'task.checklistitem.complete',
		(params, ctx) => {
			const item = checklistItem(params, ctx);
			item.IS_COMPLETE = 'Y';
			item.TOGGLED_BY = ctx.auth.userId;
			item.TOGGLED_DATE = ctx.state.clock.now();
			return true;
		},
		opts,
	);
	registry.register(
		'task.checklistitem.renew',
		(params, ctx) => {
			const item = checklistItem(params, ctx);
			item.IS_COMPLETE = 'N';
			item.TOGGLED_BY = ctx.auth.userId;
			item.TOGGLED_DATE = ctx.state.clock.now();
			return true;
		},
		opts,
	);
	registry.register(
		'task.checklistitem.delete',
		(params, ctx) => {
			const item = checklistItem(params, ctx);
			const list = ctx.state.extras.checklist;
			list.splice(list.indexOf(item), 1);
			return true;
		},
		opts,
	);

	// Elapsed time
	registry.register(
		'task.elapseditem.add',
		(params, ctx) => {
			const [taskId, fields] = args(params);
			const task = needTask(ctx, taskId);
			const f = upperKeysDeep(fields);
			const seconds = intval(f.SECONDS);
			if (seconds <= 0) throw legacyErr('SECONDS must be a positive number');
			const now = ctx.state.clock.now();
			const created = f.CREATED_DATE ? (ctx.state.clock.parse(f.CREATED_DATE) ?? now) : now;
			const id = nextId(ctx.state.extras, 'elapsed');
			ctx.state.extras.elapsed.push({
				ID: id,
				TASK_ID: task.ID,
				USER_ID: intval(f.USER_ID) || ctx.auth.userId,
				COMMENT_TEXT: strval(f.COMMENT_TEXT),
				SECONDS: seconds,
				SOURCE: 2,
				CREATED_DATE: created,
				DATE_START: created,
				DATE_STOP: created + seconds * 1000,
			});
			task.TIME_SPENT_IN_LOGS += seconds;
			return id;
		},
		opts,
	);
	registry.register(
		'task.elapseditem.getlist',
		(params, ctx) => {
			const [taskId, order] = args(params);
			const task = needTask(ctx, taskId);
			const rows = ctx.state.extras.elapsed.filter((e) => e.TASK_ID === task.ID);
			return sortBy(rows, order).map((e) => ({
				ID: String(e.ID),
				TASK_ID: String(e.TASK_ID),
				USER_ID: String(e.USER_ID),
				COMMENT_TEXT: e.COMMENT_TEXT,
				SECONDS: String(e.SECONDS),
				MINUTES: String(Math.round(e.SECONDS / 60)),
				SOURCE: String(e.SOURCE),
				CREATED_DATE: fmt(ctx, e.CREATED_DATE),
				DATE_START: fmt(ctx, e.DATE_START),
				DATE_STOP: fmt(ctx, e.DATE_STOP),
			}));
		},
		opts,
	);
}

function cmpVal(a, b) {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a ?? '').localeCompare(String(b ?? ''));
}

module.exports = { register, publicTask, STATUS };

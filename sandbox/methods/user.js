'use strict';

/**
 * `user.get` (protocol reference §7.7): portal users, filter by ID/ACTIVE/EMAIL (top-level keys or
 * FILTER), ordered by ID, legacy paging. Enough for pickers and user look-ups.
 */

const { upperKeys, boolval } = require('../php');
const { ListResult, legacyPage } = require('../paging');

/** @param {import('../users').SandboxUser} user */
function publicUser(user) {
	return {
		ID: String(user.ID),
		ACTIVE: user.ACTIVE !== false,
		NAME: user.NAME,
		LAST_NAME: user.LAST_NAME,
		EMAIL: user.EMAIL,
		UF_DEPARTMENT: [1],
	};
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	registry.register(
		'user.get',
		(params, ctx) => {
			const q = upperKeys(params);
			const filter = { ...upperKeys(q.FILTER && typeof q.FILTER === 'object' ? q.FILTER : {}) };
			for (const key of ['ID', 'ACTIVE', 'EMAIL']) if (q[key] !== undefined) filter[key] = q[key];
			const rows = ctx.state.users.filter(
				(user) =>
					(filter.ID === undefined || String(user.ID) === String(filter.ID)) &&
					(filter.EMAIL === undefined ||
						user.EMAIL.toLowerCase() === String(filter.EMAIL).toLowerCase()) &&
					(filter.ACTIVE === undefined || boolval(filter.ACTIVE) === (user.ACTIVE !== false)),
			);
			const nav = legacyPage(ctx.start ?? 0, rows.length);
			const page = rows.slice(nav.offset, nav.offset + nav.limit).map(publicUser);
			return new ListResult(page, { next: nav.next, total: nav.total });
		},
		{ scope: 'user' },
	);
}

module.exports = { register };

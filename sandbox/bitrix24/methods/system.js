'use strict';

/**
 * Global and user methods: server.time, profile, user.current, app.info, scope, methods,
 * method.get (PROTOCOL.md §7.7, §7.11).
 */

const { findUser } = require('../users');
const { upperKeys, boolval, PhpObject } = require('../php');

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	registry.register('server.time', (params, ctx) => ctx.state.clock.format(ctx.state.clock.now()));

	// Real profile: ID as string, ADMIN boolean, TIME_ZONE_OFFSET seconds.
	registry.register('profile', (params, ctx) => {
		const user = findUser(ctx.state.users, ctx.auth.userId);
		return {
			ID: String(user.ID),
			ADMIN: user.ADMIN,
			NAME: user.NAME,
			LAST_NAME: user.LAST_NAME,
			PERSONAL_GENDER: '',
			TIME_ZONE: '',
			TIME_ZONE_OFFSET: ctx.state.clock.offsetMinutes * 60,
		};
	});

	registry.register(
		'user.current',
		(params, ctx) => {
			const { clock, startedAtMs } = ctx.state;
			const user = findUser(ctx.state.users, ctx.auth.userId);
			return {
				ID: String(user.ID),
				XML_ID: null,
				ACTIVE: true,
				NAME: user.NAME,
				LAST_NAME: user.LAST_NAME,
				SECOND_NAME: '',
				EMAIL: user.EMAIL,
				LAST_LOGIN: clock.format(clock.now()),
				DATE_REGISTER: clock.format(startedAtMs),
				IS_ONLINE: 'Y',
				TIME_ZONE_OFFSET: String(clock.offsetMinutes * 60),
				TIMESTAMP_X: clock.format(startedAtMs),
				LAST_ACTIVITY_DATE: clock.format(clock.now()),
				PERSONAL_GENDER: '',
				PERSONAL_BIRTHDAY: '',
				UF_EMPLOYMENT_DATE: '',
				UF_DEPARTMENT: [1],
			};
		},
		{ scope: 'user' },
	);

	// Via webhook only {SCOPE, LICENSE}; via OAuth the application card.
	registry.register('app.info', (params, ctx) => {
		const license = 'en_project';
		if (ctx.auth.type === 'webhook') return { SCOPE: ctx.auth.scopes, LICENSE: license };
		return {
			ID: 1,
			CODE: ctx.auth.clientId,
			VERSION: 1,
			STATUS: 'L',
			INSTALLED: true,
			PAYMENT_EXPIRED: 'N',
			DAYS: null,
			LANGUAGE_ID: 'en',
			LICENSE: license,
			LICENSE_TYPE: 'project',
			LICENSE_FAMILY: 'project',
		};
	});

	registry.register('scope', (params, ctx) => {
		const q = upperKeys(params);
		return boolval(q.FULL) ? ctx.state.registry.scopes() : ctx.auth.scopes;
	});

	// Method names of the caller's scopes plus global ones; SCOPE=x → that scope; FULL → all.
	registry.register('methods', (params, ctx) => {
		const q = upperKeys(params);
		const all = [...ctx.state.registry.methods.values()];
		let scopes;
		if (q.SCOPE !== undefined && q.SCOPE !== null && q.SCOPE !== '') scopes = [String(q.SCOPE)];
		else if (boolval(q.FULL)) return all.map((m) => m.name);
		else scopes = [...ctx.auth.scopes, 'global'];
		return all.filter((m) => scopes.includes(m.scope)).map((m) => m.name);
	});

	// The name is matched as given against the lower-case method list, like the real server.
	registry.register('method.get', (params, ctx) => {
		const name = typeof params.name === 'string' ? params.name : '';
		const entry = name ? ctx.state.registry.methods.get(name) : undefined;
		return new PhpObject({
			isExisting: !!entry,
			isAvailable: !!entry && (entry.scope === 'global' || ctx.auth.scopes.includes(entry.scope)),
		});
	});
}

module.exports = { register };

'use strict';

/**
 * Portal users. Webhooks and tokens act as one of them (default: user 1, an admin).
 */

/**
 * @typedef {object} SandboxUser
 * @property {number} ID
 * @property {string} NAME
 * @property {string} LAST_NAME
 * @property {string} EMAIL
 * @property {boolean} ADMIN
 */

/** @type {SandboxUser[]} */
const DEFAULT_USERS = [
	{ ID: 1, NAME: 'Sandbox', LAST_NAME: 'Admin', EMAIL: 'admin@sandbox.local', ADMIN: true },
	{ ID: 2, NAME: 'Sam', LAST_NAME: 'Manager', EMAIL: 'manager@sandbox.local', ADMIN: false },
];

/**
 * A known user, or a plain placeholder for an unknown ID (tokens may name any user).
 * @param {SandboxUser[]} users @param {number} id
 * @returns {SandboxUser}
 */
function findUser(users, id) {
	return (
		users.find((u) => u.ID === id) || {
			ID: id,
			NAME: `User ${id}`,
			LAST_NAME: '',
			EMAIL: '',
			ADMIN: false,
		}
	);
}

module.exports = { DEFAULT_USERS, findUser };

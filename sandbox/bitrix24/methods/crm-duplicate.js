'use strict';

/**
 * `crm.duplicate.findbycomm` (PROTOCOL.md §7.4): leads, contacts and companies whose
 * PHONE or EMAIL multifield matches one of the values. Phones match by their digits only,
 * e-mails case-insensitively after trimming. The result lists the IDs (integers) per entity
 * type that has hits, `[]` when none; at most 20 IDs per type, and once a type reaches 20 the
 * remaining types are not searched. Errors: HTTP 400 with the text as `error` (as documented).
 */

const { RestError } = require('../errors');
const { isPhpArray, phpEntries, strval } = require('../php');

const TABLES = { LEAD: 'leads', CONTACT: 'contacts', COMPANY: 'companies' };
const LIMIT = 20;
const MAX_VALUES = 20;

const fail = (text) => new RestError(text, text, 400);

/** @param {'PHONE'|'EMAIL'} type @param {unknown} value */
function normalize(type, value) {
	const s = strval(value).trim();
	return type === 'PHONE' ? s.replace(/\D+/g, '') : s.toLowerCase();
}

/** @param {Record<string, any>} params @param {import('../dispatch').CallContext} ctx */
function findByComm(params, ctx) {
	const type = strval(params.type ?? params.TYPE).toUpperCase();
	if (type === '') throw fail('Communication type is not defined');
	if (type !== 'PHONE' && type !== 'EMAIL')
		throw fail(`Communication type '${type}' is not supported`);
	const raw = params.values ?? params.VALUES;
	const values = (isPhpArray(raw) ? phpEntries(raw).map(([, v]) => v) : raw ? [raw] : [])
		.map((v) => normalize(type, v))
		.filter((v) => v !== '');
	if (values.length === 0) throw fail('Communication values is not defined');
	if (values.length > MAX_VALUES)
		throw fail(`Too many communication values (maximum ${MAX_VALUES})`);
	const entityType = strval(params.entity_type ?? params.ENTITY_TYPE).toUpperCase();
	if (entityType !== '' && !TABLES[entityType])
		throw fail(`Entity type '${entityType}' is not supported`);

	const wanted = new Set(values);
	const result = {};
	for (const name of entityType ? [entityType] : Object.keys(TABLES)) {
		const ids = [];
		for (const row of ctx.state.store.table(TABLES[name]).ascending()) {
			if ((row.FM[type] || []).some((v) => wanted.has(normalize(type, v.VALUE)))) ids.push(row.ID);
			if (ids.length >= LIMIT) break;
		}
		if (ids.length > 0) result[name] = ids;
		if (ids.length >= LIMIT) break;
	}
	return result;
}

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	registry.register('crm.duplicate.findbycomm', findByComm, { scope: 'crm' });
}

module.exports = { register };

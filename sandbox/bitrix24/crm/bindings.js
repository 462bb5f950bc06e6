'use strict';

/**
 * Many-to-many links between legacy CRM entities (deal → contacts, contact → companies), stored
 * on the owner row as `row[spec.key] = [{id, SORT, ROLE_ID, IS_PRIMARY}]` (ordered by SORT,
 * exactly one primary when not empty). The legacy single/multiple fields (CONTACT_ID +
 * CONTACT_IDS, COMPANY_ID + COMPANY_IDS) are derived from it after every write.
 *
 * REST: `crm.{owner}.{other}.items.get|set|delete` and `crm.{owner}.{other}.add|delete`
 * (e.g. crm.deal.contact.items.get). A "reverse" registration serves the same links from the
 * other side (crm.company.contact.* over contact → company links).
 */

const { Errors } = require('../errors');
const { intval, isPhpArray, phpEntries, strval, boolval } = require('../php');
const { resolveArrayParam } = require('./legacy-entity');

/**
 * @typedef {object} BindingSpec
 * @property {string} key row property holding the links, e.g. '$contacts'
 * @property {string} idField link id field in REST payloads, e.g. 'CONTACT_ID'
 * @property {string} singleField legacy single field (primary), e.g. 'CONTACT_ID'
 * @property {string} multiField legacy multiple field, e.g. 'CONTACT_IDS'
 *
 * @typedef {{id: number, SORT: number, ROLE_ID: number, IS_PRIMARY: 'Y'|'N'}} Link
 */

/** Orders by SORT and makes sure exactly one link is primary. @param {Link[]} links */
function normalize(links) {
	const list = links.slice().sort((a, b) => a.SORT - b.SORT);
	const primary = list.find((l) => l.IS_PRIMARY === 'Y') || list[0];
	return list.map((l) => ({ ...l, IS_PRIMARY: l === primary ? 'Y' : 'N' }));
}

/** Links from a list of ids (SORT 10, 20…; the first is primary). @param {number[]} ids */
function linksFromIds(ids) {
	const unique = [...new Set(ids.filter((id) => id > 0))];
	return normalize(
		unique.map((id, i) => ({
			id,
			SORT: (i + 1) * 10,
			ROLE_ID: 0,
			IS_PRIMARY: i === 0 ? 'Y' : 'N',
		})),
	);
}

/** Sets the derived legacy fields from the links. @param {any} row @param {BindingSpec} spec */
function syncFields(row, spec) {
	const links = row[spec.key] || [];
	row[spec.multiField] = links.map((l) => String(l.id));
	const primary = links.find((l) => l.IS_PRIMARY === 'Y');
	row[spec.singleField] = primary ? String(primary.id) : null;
}

/**
 * Applies the legacy fields of a write to the links: the multiple field replaces all links; the
 * single field alone adds that link (as primary) or, when empty, removes all links.
 * @param {any} row @param {Record<string, unknown>} values internalized request fields
 * @param {BindingSpec} spec
 */
function applyFieldInput(row, values, spec) {
	const current = row[spec.key] || [];
	if (Object.hasOwn(values, spec.multiField)) {
		const ids = /** @type {string[]} */ (values[spec.multiField] || []).map(Number);
		row[spec.key] = linksFromIds(ids);
	} else if (Object.hasOwn(values, spec.singleField)) {
		const id = Number(values[spec.singleField] || 0);
		if (!(id > 0)) row[spec.key] = [];
		else {
			const others = current.filter((l) => l.id !== id);
			const sort = Math.min(0, ...current.map((l) => l.SORT)) - 10;
			row[spec.key] = normalize([
				{ id, SORT: current.find((l) => l.id === id)?.SORT ?? sort, ROLE_ID: 0, IS_PRIMARY: 'Y' },
				...others.map((l) => ({ ...l, IS_PRIMARY: 'N' })),
			]);
		}
	}
	syncFields(row, spec);
}

/** Removes links to `id` from every row of a table. */
function unlinkEverywhere(table, spec, id) {
	for (const row of table.ascending()) {
		const links = row[spec.key] || [];
		if (links.some((l) => l.id === id)) {
			row[spec.key] = normalize(links.filter((l) => l.id !== id));
			syncFields(row, spec);
		}
	}
}

/** One link from REST input. @param {unknown} raw @param {string} idField @param {Link[]} current */
function parseLink(raw, idField, current) {
	if (!isPhpArray(raw)) return null;
	const f = Object.fromEntries(phpEntries(raw));
	const id = intval(f[idField] ?? 0);
	if (!(id > 0)) return null;
	const maxSort = Math.max(0, ...current.map((l) => l.SORT));
	return {
		id,
		SORT: f.SORT !== undefined && f.SORT !== null && f.SORT !== '' ? intval(f.SORT) : maxSort + 10,
		ROLE_ID: intval(f.ROLE_ID ?? 0),
		IS_PRIMARY: /** @type {'Y'|'N'} */ (
			boolval(f.IS_PRIMARY) && strval(f.IS_PRIMARY).toUpperCase() !== 'N' ? 'Y' : 'N'
		),
	};
}

/** REST output of one link (integers, like the docs' examples). */
const out = (l, idField) => ({
	[idField]: l.id,
	SORT: l.SORT,
	ROLE_ID: l.ROLE_ID,
	IS_PRIMARY: l.IS_PRIMARY,
});

/**
 * Registers crm.{owner}.{other}.items.get|set|delete and .add|.delete.
 * @param {import('../methods/registry').MethodRegistry} registry
 * @param {{owner: import('./legacy-entity').LegacyCrmEntity, other: import('./legacy-entity').LegacyCrmEntity,
 *   spec: BindingSpec, reverse?: boolean}} options with `reverse`, the links live on `other`'s rows
 */
function registerLinks(registry, { owner, other, spec, reverse = false }) {
	const prefix = `crm.${owner.config.name}.${other.config.name}.`;
	const reg = (name, fn) => registry.register(prefix + name, fn, { scope: 'crm' });
	const idField = reverse ? `${other.config.name.toUpperCase()}_ID` : spec.idField;
	const ownerRow = (params, ctx) => {
		const id = intval(params.id ?? params.ID ?? 0);
		if (!(id > 0)) throw Errors.legacy('The parameter id is invalid or not defined.');
		const row = owner.table(ctx.state).get(id);
		if (!row) throw Errors.legacy('Not found');
		return row;
	};
	const requireOther = (ctx, id) => {
		if (!other.table(ctx.state).get(id))
			throw Errors.legacy(`${capitalize(other.config.name)} with ID ${id} is not found.`);
	};

	// Direct: links on the owner row. Reverse: links to the owner on the other rows.
	const getLinks = (ctx, row) =>
		reverse
			? normalize(
					other
						.table(ctx.state)
						.ascending()
						.flatMap((o) =>
							(o[spec.key] || []).filter((l) => l.id === row.ID).map((l) => ({ ...l, id: o.ID })),
						),
				)
			: row[spec.key] || [];
	const setLinks = (ctx, row, links) => {
		if (!reverse) {
			row[spec.key] = normalize(links);
			syncFields(row, spec);
			return;
		}
		const wanted = new Map(links.map((l) => [l.id, l]));
		for (const o of other.table(ctx.state).ascending()) {
			const own = (o[spec.key] || []).filter((l) => l.id !== row.ID);
			const link = wanted.get(o.ID);
			if (link) own.push({ ...link, id: row.ID, IS_PRIMARY: own.length === 0 ? 'Y' : 'N' });
			if (own.length !== (o[spec.key] || []).length || link) {
				o[spec.key] = normalize(own);
				syncFields(o, spec);
			}
		}
	};

	reg('items.get', (params, ctx) =>
		getLinks(ctx, ownerRow(params, ctx)).map((l) => out(l, idField)),
	);
	reg('items.set', (params, ctx) => {
		const row = ownerRow(params, ctx);
		const items = resolveArrayParam(params, 'items');
		if (!isPhpArray(items)) throw Errors.legacy("Parameter 'items' must be array.");
		const links = [];
		for (const [, raw] of phpEntries(items)) {
			const link = parseLink(raw, idField, links);
			if (!link) throw Errors.legacy(`The field ${idField} is not defined or invalid.`);
			requireOther(ctx, link.id);
			if (!links.some((l) => l.id === link.id)) links.push(link);
		}
		setLinks(ctx, row, links);
		return true;
	});
	reg('items.delete', (params, ctx) => {
		setLinks(ctx, ownerRow(params, ctx), []);
		return true;
	});
	reg('add', (params, ctx) => {
		const row = ownerRow(params, ctx);
		const current = getLinks(ctx, row);
		const link = parseLink(resolveArrayParam(params, 'fields'), idField, current);
		if (!link) throw Errors.legacy(`The field ${idField} is not defined or invalid.`);
		requireOther(ctx, link.id);
		const rest = current.filter((l) => l.id !== link.id);
		if (link.IS_PRIMARY === 'Y') for (const l of rest) l.IS_PRIMARY = 'N';
		setLinks(ctx, row, [...rest.map((l) => ({ ...l })), link]);
		return true;
	});
	reg('delete', (params, ctx) => {
		const row = ownerRow(params, ctx);
		const fields = Object.fromEntries(phpEntries(resolveArrayParam(params, 'fields')));
		const id = intval(fields[idField] ?? 0);
		if (!(id > 0)) throw Errors.legacy(`The field ${idField} is not defined or invalid.`);
		setLinks(
			ctx,
			row,
			getLinks(ctx, row).filter((l) => l.id !== id),
		);
		return true;
	});
}

/** @param {string} s */
function capitalize(s) {
	return s[0].toUpperCase() + s.slice(1);
}

module.exports = {
	applyFieldInput,
	syncFields,
	unlinkEverywhere,
	registerLinks,
	linksFromIds,
	normalize,
};

/** @type {BindingSpec} deal → contacts */
const DEAL_CONTACTS = {
	key: '$contacts',
	idField: 'CONTACT_ID',
	singleField: 'CONTACT_ID',
	multiField: 'CONTACT_IDS',
};
/** @type {BindingSpec} contact → companies */
const CONTACT_COMPANIES = {
	key: '$companies',
	idField: 'COMPANY_ID',
	singleField: 'COMPANY_ID',
	multiField: 'COMPANY_IDS',
};

module.exports.DEAL_CONTACTS = DEAL_CONTACTS;
module.exports.CONTACT_COMPANIES = CONTACT_COMPANIES;

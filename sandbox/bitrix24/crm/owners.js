'use strict';

/**
 * CRM owners of activities and timeline entries: entity type id (1 lead, 2 deal, 3 contact,
 * 4 company, smart processes 128+) or timeline type name (`lead`, `deal`, `contact`,
 * `company`, `dynamic_{entityTypeId}`) → the stored record.
 */

const TABLES = { 1: 'leads', 2: 'deals', 3: 'contacts', 4: 'companies' };
const TYPE_IDS = { lead: 1, deal: 2, contact: 3, company: 4 };

/** @param {import('../index').SandboxState} state @param {number} entityTypeId */
function tableOf(state, entityTypeId) {
	if (TABLES[entityTypeId]) return state.store.table(TABLES[entityTypeId]);
	const dynamic = state.dynamicTypes.get(entityTypeId);
	return dynamic ? dynamic.entity.table(state) : null;
}

/** @param {import('../index').SandboxState} state @param {number} entityTypeId @param {number} id */
function findOwner(state, entityTypeId, id) {
	const table = tableOf(state, entityTypeId);
	return (table && id > 0 && table.get(id)) || null;
}

/** `deal` → 2, `dynamic_128` → 128, unknown → 0. @param {unknown} name */
function typeIdByName(name) {
	const s = String(name ?? '').toLowerCase();
	if (TYPE_IDS[s]) return TYPE_IDS[s];
	const m = /^dynamic_(\d+)$/.exec(s);
	return m ? Number(m[1]) : 0;
}

module.exports = { findOwner, typeIdByName, tableOf };

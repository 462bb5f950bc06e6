'use strict';

/**
 * CRM dictionaries and stages (PROTOCOL.md §7.3), one registry per sandbox: lead stages
 * (STATUS), deal stages of the default pipeline (DEAL_STAGE) and of other pipelines
 * (DEAL_STAGE_{categoryId}, STATUS_IDs prefixed `C{id}:`), smart-process stages
 * (DYNAMIC_{typeId}_STAGE_{categoryId}, prefix `DT{typeId}_{categoryId}:`), and plain
 * dictionaries (SOURCE, HONORIFIC, DEAL_TYPE, CONTACT_TYPE, COMPANY_TYPE, INDUSTRY, EMPLOYEES).
 *
 * Stored semantics: '' = in progress, 'S' = success, 'F' = failure. crm.status.list prints
 * in-progress stages as `SEMANTICS: null` with `EXTRA.SEMANTICS: "process"`.
 */

const { PhpObject, strval, intval, isPhpArray, phpEntries } = require('../php');
const { Errors } = require('../errors');

/**
 * @typedef {object} StatusEntry
 * @property {number} ID
 * @property {string} ENTITY_ID
 * @property {string} STATUS_ID
 * @property {string} NAME
 * @property {string} NAME_INIT
 * @property {number} SORT
 * @property {'Y'|'N'} SYSTEM
 * @property {number|null} CATEGORY_ID
 * @property {string|null} COLOR
 * @property {''|'S'|'F'} SEMANTICS
 */

/** [STATUS_ID, NAME, COLOR, SEMANTICS, SYSTEM] */
const LEAD_STAGES = [
	['NEW', 'Unassigned', '#2FC6F6', '', 'Y'],
	['IN_PROCESS', 'In progress', '#55D0E0', '', 'N'],
	['PROCESSED', 'Processed', '#FFA900', '', 'N'],
	['CONVERTED', 'Good lead', '#7BD500', 'S', 'Y'],
	['JUNK', 'Junk lead', '#FF5752', 'F', 'Y'],
];

const DEAL_STAGES = [
	['NEW', 'New', '#39A8EF', '', 'Y'],
	['PREPARATION', 'Document preparation', '#2FC6F6', '', 'N'],
	['PREPAYMENT_INVOICE', 'Invoice', '#55D0E0', '', 'N'],
	['EXECUTING', 'In progress', '#47E4C2', '', 'N'],
	['FINAL_INVOICE', 'Final invoice', '#FFA900', '', 'N'],
	['WON', 'Deal won', '#7BD500', 'S', 'Y'],
	['LOSE', 'Deal lost', '#FF5752', 'F', 'Y'],
	['APOLOGY', 'Analyze failure', '#FF5752', 'F', 'N'],
];

const DYNAMIC_STAGES = [
	['NEW', 'New', '#22B9FF', '', 'Y'],
	['PREPARATION', 'Preparation', '#88B9FF', '', 'N'],
	['CLIENT', 'Waiting for client', '#FFA900', '', 'N'],
	['SUCCESS', 'Success', '#7BD500', 'S', 'Y'],
	['FAIL', 'Fail', '#FF5752', 'F', 'Y'],
];

/** Plain dictionaries: ENTITY_ID → [[STATUS_ID, NAME, SYSTEM]] */
const DICTIONARIES = {
	SOURCE: [
		['CALL', 'Call', 'N'],
		['EMAIL', 'E-Mail', 'N'],
		['WEB', 'Website', 'Y'],
		['ADVERTISING', 'Advertising', 'N'],
		['PARTNER', 'Existing client', 'N'],
		['RECOMMENDATION', 'By recommendation', 'N'],
		['TRADE_SHOW', 'Show/Exhibition', 'N'],
		['WEBFORM', 'CRM form', 'Y'],
		['CALLBACK', 'Callback', 'Y'],
		['OTHER', 'Other', 'N'],
	],
	HONORIFIC: [
		['HNR_EN_1', 'Mr.', 'N'],
		['HNR_EN_2', 'Mrs.', 'N'],
		['HNR_EN_3', 'Ms.', 'N'],
		['HNR_EN_4', 'Dr.', 'N'],
	],
	DEAL_TYPE: [
		['SALE', 'Sales', 'Y'],
		['COMPLEX', 'Integrated sale', 'N'],
		['GOODS', 'Merchandise sale', 'N'],
		['SERVICES', 'Service sale', 'N'],
		['SERVICE', 'After-sales service', 'N'],
	],
	CONTACT_TYPE: [
		['CLIENT', 'Clients', 'N'],
		['SUPPLIER', 'Suppliers', 'N'],
		['PARTNER', 'Partners', 'N'],
		['OTHER', 'Other', 'N'],
	],
	COMPANY_TYPE: [
		['CUSTOMER', 'Client', 'N'],
		['SUPPLIER', 'Supplier', 'N'],
		['COMPETITOR', 'Competitor', 'N'],
		['PARTNER', 'Partner', 'N'],
		['OTHER', 'Other', 'N'],
	],
	INDUSTRY: [
		['IT', 'Information Technology', 'N'],
		['TELECOM', 'Telecommunication', 'N'],
		['MANUFACTURING', 'Manufacturing', 'N'],
		['BANKING', 'Banking Services', 'N'],
		['CONSULTING', 'Consulting', 'N'],
		['FINANCE', 'Finance', 'N'],
		['GOVERNMENT', 'Government', 'N'],
		['DELIVERY', 'Delivery', 'N'],
		['ENTERTAINMENT', 'Entertainment', 'N'],
		['NOTPROFIT', 'Not-for-profit', 'N'],
		['OTHER', 'Other', 'N'],
	],
	EMPLOYEES: [
		['EMPLOYEES_1', 'less than 50', 'N'],
		['EMPLOYEES_2', '50-250', 'N'],
		['EMPLOYEES_3', '250-500', 'N'],
		['EMPLOYEES_4', 'over 500', 'N'],
	],
};

const DICTIONARY_NAMES = {
	STATUS: 'Lead stages',
	SOURCE: 'Sources',
	HONORIFIC: 'Salutations',
	DEAL_TYPE: 'Deal type',
	CONTACT_TYPE: 'Contact type',
	COMPANY_TYPE: 'Company type',
	INDUSTRY: 'Industry',
	EMPLOYEES: 'Employees',
};

const SEMANTIC_NAMES = { S: 'success', F: 'failure' };

/** Stage entity id and STATUS_ID prefix of a deal pipeline. @param {number} categoryId */
function dealStageEntity(categoryId) {
	return categoryId > 0
		? { entityId: `DEAL_STAGE_${categoryId}`, prefix: `C${categoryId}:` }
		: { entityId: 'DEAL_STAGE', prefix: '' };
}

/** Stage entity id and prefix of a smart-process pipeline. */
function dynamicStageEntity(/** @type {number} */ typeId, /** @type {number} */ categoryId) {
	return {
		entityId: `DYNAMIC_${typeId}_STAGE_${categoryId}`,
		prefix: `DT${typeId}_${categoryId}:`,
	};
}

/** @param {string} entityId */
function isStageEntity(entityId) {
	return (
		entityId === 'STATUS' ||
		entityId === 'DEAL_STAGE' ||
		/^DEAL_STAGE_\d+$/.test(entityId) ||
		/^DYNAMIC_\d+_STAGE_\d+$/.test(entityId)
	);
}

/** STATUS_ID prefix of a stage entity ('' for STATUS / DEAL_STAGE). @param {string} entityId */
function prefixOf(entityId) {
	let m = /^DEAL_STAGE_(\d+)$/.exec(entityId);
	if (m) return `C${m[1]}:`;
	m = /^DYNAMIC_(\d+)_STAGE_(\d+)$/.exec(entityId);
	if (m) return `DT${m[1]}_${m[2]}:`;
	return '';
}

/** @param {string} entityId */
function categoryOf(entityId) {
	if (entityId === 'DEAL_STAGE') return 0;
	const m = /^DEAL_STAGE_(\d+)$/.exec(entityId) || /^DYNAMIC_\d+_STAGE_(\d+)$/.exec(entityId);
	return m ? Number(m[1]) : null;
}

/** Normalises input semantics: 'S', 'F' or '' (in progress; also 'P'). @param {unknown} v */
function semanticsOf(v) {
	const s = strval(v).toUpperCase();
	return s === 'S' || s === 'F' ? s : '';
}

class StatusRegistry {
	constructor() {
		this.reset();
	}

	reset() {
		/** @type {StatusEntry[]} */
		this.entries = [];
		this.nextId = 1;
		for (const [id, name, color, sem, system] of LEAD_STAGES) {
			this.insert({
				ENTITY_ID: 'STATUS',
				STATUS_ID: id,
				NAME: name,
				COLOR: color,
				SEMANTICS: sem,
				SYSTEM: system,
			});
		}
		for (const [entityId, items] of Object.entries(DICTIONARIES)) {
			for (const [id, name, system] of items)
				this.insert({ ENTITY_ID: entityId, STATUS_ID: id, NAME: name, SYSTEM: system });
		}
		this.createPipelineStages('DEAL_STAGE', '', DEAL_STAGES, 0);
	}

	/**
	 * @param {{ENTITY_ID: string, STATUS_ID: string, NAME: string, SORT?: number, SYSTEM?: 'Y'|'N',
	 *   COLOR?: string|null, SEMANTICS?: ''|'S'|'F', CATEGORY_ID?: number|null}} spec
	 */
	insert(spec) {
		const sameEntity = this.entries.filter((e) => e.ENTITY_ID === spec.ENTITY_ID);
		const stage = isStageEntity(spec.ENTITY_ID);
		/** @type {StatusEntry} */
		const entry = {
			ID: this.nextId++,
			ENTITY_ID: spec.ENTITY_ID,
			STATUS_ID: spec.STATUS_ID,
			NAME: spec.NAME,
			NAME_INIT: spec.SYSTEM === 'Y' ? spec.NAME : '',
			SORT: spec.SORT ?? (sameEntity.length + 1) * 10,
			SYSTEM: spec.SYSTEM || 'N',
			CATEGORY_ID: spec.CATEGORY_ID ?? (stage ? categoryOf(spec.ENTITY_ID) : null),
			COLOR: stage ? spec.COLOR || '#ACE9FB' : spec.COLOR || null,
			SEMANTICS: stage ? spec.SEMANTICS || '' : '',
		};
		this.entries.push(entry);
		return entry;
	}

	/**
	 * The default stages of a new pipeline.
	 * @param {string} entityId @param {string} prefix @param {Array<string[]>} [template]
	 * @param {number|null} [categoryId]
	 */
	createPipelineStages(entityId, prefix, template = DEAL_STAGES, categoryId = null) {
		for (const [id, name, color, sem, system] of template) {
			this.insert({
				ENTITY_ID: entityId,
				STATUS_ID: prefix + id,
				NAME: name,
				COLOR: color,
				SEMANTICS: /** @type {''|'S'|'F'} */ (sem),
				SYSTEM: /** @type {'Y'|'N'} */ (system),
				CATEGORY_ID: categoryId,
			});
		}
	}

	/** Default stages of deal pipeline `categoryId` (> 0). @param {number} categoryId */
	createDealCategoryStages(categoryId) {
		const { entityId, prefix } = dealStageEntity(categoryId);
		this.createPipelineStages(entityId, prefix, DEAL_STAGES, categoryId);
	}

	/** Default stages of a smart-process pipeline. */
	createDynamicCategoryStages(/** @type {number} */ typeId, /** @type {number} */ categoryId) {
		const { entityId, prefix } = dynamicStageEntity(typeId, categoryId);
		this.createPipelineStages(entityId, prefix, DYNAMIC_STAGES, categoryId);
	}

	/** @param {string} entityId */
	removeEntity(entityId) {
		this.entries = this.entries.filter((e) => e.ENTITY_ID !== entityId);
	}

	/** Entries of one dictionary / pipeline, by SORT then ID. @param {string} entityId */
	of(entityId) {
		return this.entries
			.filter((e) => e.ENTITY_ID === entityId)
			.sort((a, b) => a.SORT - b.SORT || a.ID - b.ID);
	}

	/** @param {string} entityId @param {unknown} statusId */
	find(entityId, statusId) {
		return this.entries.find((e) => e.ENTITY_ID === entityId && e.STATUS_ID === statusId);
	}

	/** 'S', 'F' or 'P' (in progress, also for unknown stages). @param {string} entityId @param {unknown} statusId */
	semantic(entityId, statusId) {
		const entry = this.find(entityId, statusId);
		return (entry && entry.SEMANTICS) || 'P';
	}

	/** @param {string} entityId @param {unknown} statusId */
	sort(entityId, statusId) {
		const entry = this.find(entityId, statusId);
		return entry ? entry.SORT : null;
	}

	/** Known dictionary / stage entity ids. */
	entityIds() {
		return [...new Set(this.entries.map((e) => e.ENTITY_ID))];
	}

	/** A crm.status.list row (legacy typing). @param {StatusEntry} e */
	toRow(e) {
		const stage = isStageEntity(e.ENTITY_ID);
		const row = {
			ID: String(e.ID),
			ENTITY_ID: e.ENTITY_ID,
			STATUS_ID: e.STATUS_ID,
			NAME: e.NAME,
			NAME_INIT: e.NAME_INIT,
			SORT: String(e.SORT),
			SYSTEM: e.SYSTEM,
			CATEGORY_ID: e.CATEGORY_ID === null ? null : String(e.CATEGORY_ID),
			COLOR: stage ? e.COLOR : e.COLOR || null,
			SEMANTICS: stage ? e.SEMANTICS || null : null,
		};
		if (stage) {
			row.EXTRA = new PhpObject({
				SEMANTICS: SEMANTIC_NAMES[e.SEMANTICS] || 'process',
				COLOR: e.COLOR,
			});
		}
		return row;
	}

	rows() {
		return this.entries.map((e) => this.toRow(e));
	}

	// ----- crm.status.add / update / delete -----

	/** @param {unknown} fields @returns {number} */
	add(fields) {
		const f = Object.fromEntries(phpEntries(fields));
		const entityId = strval(f.ENTITY_ID).trim();
		if (!entityId) throw Errors.legacy('The field ENTITY_ID is required.');
		if (!this.entityIds().includes(entityId))
			throw Errors.legacy('Specified entity type is not supported.');
		let statusId = strval(f.STATUS_ID).trim();
		if (!statusId) throw Errors.legacy('The field STATUS_ID is required.');
		const name = strval(f.NAME).trim();
		if (!name) throw Errors.legacy('The required field "Title" is not filled');
		const prefix = prefixOf(entityId);
		if (prefix && !statusId.startsWith(prefix)) statusId = prefix + statusId;
		if (isStageEntity(entityId) && !/^[A-Za-z0-9_:-]+$/.test(statusId))
			throw Errors.legacy('Invalid parameters.');
		if (this.find(entityId, statusId)) throw Errors.legacy('Duplicate STATUS_ID.');
		const entry = this.insert({
			ENTITY_ID: entityId,
			STATUS_ID: statusId,
			NAME: name,
			SORT: f.SORT !== undefined && f.SORT !== null ? intval(f.SORT) : 10,
			COLOR: f.COLOR ? strval(f.COLOR) : null,
			SEMANTICS: semanticsOf(f.SEMANTICS),
		});
		return entry.ID;
	}

	/** @param {number} id */
	get(id) {
		return this.entries.find((e) => e.ID === id);
	}

	/** NAME, SORT, COLOR, SEMANTICS can change; ENTITY_ID / STATUS_ID cannot. */
	update(/** @type {number} */ id, /** @type {unknown} */ fields) {
		const entry = this.get(id);
		if (!entry) throw Errors.legacy('Not found');
		const f = Object.fromEntries(phpEntries(fields));
		if (f.NAME !== undefined) {
			const name = strval(f.NAME).trim();
			if (!name) throw Errors.legacy('The required field "Title" is not filled');
			entry.NAME = name;
		}
		if (f.SORT !== undefined && f.SORT !== null) entry.SORT = intval(f.SORT);
		if (f.COLOR !== undefined) entry.COLOR = f.COLOR ? strval(f.COLOR) : entry.COLOR;
		if (f.SEMANTICS !== undefined && isStageEntity(entry.ENTITY_ID) && entry.SYSTEM !== 'Y')
			entry.SEMANTICS = semanticsOf(f.SEMANTICS);
		return true;
	}

	/** System entries need `params: {FORCED: 'Y'}`. */
	delete(/** @type {number} */ id, /** @type {unknown} */ params) {
		const entry = this.get(id);
		if (!entry) throw Errors.legacy('Not found');
		const forced =
			isPhpArray(params) && strval(Object.fromEntries(phpEntries(params)).FORCED) === 'Y';
		if (entry.SYSTEM === 'Y' && !forced) throw Errors.legacy("Can't delete system status");
		this.entries.splice(this.entries.indexOf(entry), 1);
		return true;
	}

	/** crm.status.entity.types rows: dictionaries, lead stages and every pipeline stage entity. */
	entityTypes() {
		return this.entityIds().map((entityId) => {
			const row = { ID: entityId, NAME: DICTIONARY_NAMES[entityId] || entityId };
			if (entityId === 'STATUS') Object.assign(row, { SEMANTIC_INFO: [], ENTITY_TYPE_ID: 1 });
			let m;
			if (entityId === 'DEAL_STAGE' || /^DEAL_STAGE_\d+$/.test(entityId)) {
				Object.assign(row, {
					NAME: entityId === 'DEAL_STAGE' ? 'Deal stages' : `Deal stages (${entityId})`,
					SEMANTIC_INFO: [],
					PREFIX: prefixOf(entityId),
					FIELD_ATTRIBUTE_SCOPE: prefixOf(entityId),
					ENTITY_TYPE_ID: 2,
					CATEGORY_ID: categoryOf(entityId),
				});
			} else if ((m = /^DYNAMIC_(\d+)_STAGE_(\d+)$/.exec(entityId))) {
				Object.assign(row, {
					NAME: `Stages (${entityId})`,
					SEMANTIC_INFO: [],
					PREFIX: prefixOf(entityId),
					FIELD_ATTRIBUTE_SCOPE: prefixOf(entityId),
					ENTITY_TYPE_ID: Number(m[1]),
					CATEGORY_ID: Number(m[2]),
				});
			}
			return row;
		});
	}
}

module.exports = {
	StatusRegistry,
	dealStageEntity,
	dynamicStageEntity,
	isStageEntity,
	DEAL_STAGES,
};

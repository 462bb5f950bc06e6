'use strict';

/**
 * Smart processes (dynamic entity types): `crm.type.*` records and, per type, an entity over its
 * own store table. The entity reuses LegacyCrmEntity for storage, filters and paging, with
 * internal UPPER_SNAKE field names chosen so that they camelize to the Engine names
 * (CREATED_BY → createdBy, MYCOMPANY_ID → mycompanyId); it has no legacy REST methods and is
 * reached through crm.item.* only. A new type gets a default pipeline with default stages
 * (DYNAMIC_{typeId}_STAGE_{categoryId}, STATUS_IDs prefixed `DT{typeId}_{categoryId}:`).
 */

const { LegacyCrmEntity } = require('./legacy-entity');
const { resolvePipelineStage } = require('./categories');
const { RestError } = require('../errors');
const { intval, strval } = require('../php');

const FIRST_ENTITY_TYPE_ID = 128;
/** Built-in types served by crm.item.*: quotes and smart invoices. */
const SYSTEM_TYPES = new Map([
	[7, 'Quote'],
	[31, 'Smart invoice'],
]);
const DAY_MS = 86400000;

/** @type {import('./field-types').FieldDef[]} */
const DYNAMIC_FIELDS = [
	{ name: 'ID', type: 'integer', title: 'ID', readOnly: true },
	{ name: 'XML_ID', type: 'string', title: 'External ID' },
	{ name: 'TITLE', type: 'string', title: 'Name' },
	{ name: 'CREATED_BY', type: 'user', title: 'Created by', readOnly: true },
	{ name: 'UPDATED_BY', type: 'user', title: 'Updated by', readOnly: true },
	{ name: 'MOVED_BY', type: 'user', title: 'Moved by', readOnly: true },
	{ name: 'CREATED_TIME', type: 'datetime', title: 'Created on', readOnly: true },
	{ name: 'UPDATED_TIME', type: 'datetime', title: 'Updated on', readOnly: true },
	{ name: 'MOVED_TIME', type: 'datetime', title: 'Moved on', readOnly: true },
	{ name: 'CATEGORY_ID', type: 'crm_category', title: 'Pipeline', immutable: true },
	{ name: 'OPENED', type: 'char', title: 'Available to everyone' },
	{ name: 'STAGE_ID', type: 'crm_status', title: 'Stage' },
	{ name: 'PREVIOUS_STAGE_ID', type: 'crm_status', title: 'Previous stage', readOnly: true },
	{ name: 'BEGINDATE', type: 'date', title: 'Start date' },
	{ name: 'CLOSEDATE', type: 'date', title: 'End date' },
	{ name: 'COMPANY_ID', type: 'crm_company', title: 'Company' },
	{ name: 'CONTACT_ID', type: 'crm_contact', title: 'Contact' },
	{ name: 'OPPORTUNITY', type: 'double', title: 'Amount' },
	{ name: 'IS_MANUAL_OPPORTUNITY', type: 'char', title: 'Manual amount' },
	{ name: 'TAX_VALUE', type: 'double', title: 'Tax' },
	{ name: 'CURRENCY_ID', type: 'crm_currency', title: 'Currency' },
	{ name: 'MYCOMPANY_ID', type: 'crm_company', title: 'Your company details' },
	{ name: 'SOURCE_ID', type: 'crm_status', statusType: 'SOURCE', title: 'Source' },
	{ name: 'SOURCE_DESCRIPTION', type: 'string', title: 'Source information' },
	{ name: 'WEBFORM_ID', type: 'integer', title: 'Created by CRM form', readOnly: true },
	{ name: 'ASSIGNED_BY_ID', type: 'user', title: 'Responsible person' },
	{ name: 'LAST_ACTIVITY_BY', type: 'user', title: 'Last activity by', readOnly: true },
	{ name: 'LAST_ACTIVITY_TIME', type: 'datetime', title: 'Last activity', readOnly: true },
];

const TYPE_FLAGS = [
	'isCategoriesEnabled',
	'isStagesEnabled',
	'isBeginCloseDatesEnabled',
	'isClientEnabled',
	'isUseInUserfieldEnabled',
	'isLinkWithProductsEnabled',
	'isMycompanyEnabled',
	'isDocumentsEnabled',
	'isSourceEnabled',
	'isObserversEnabled',
	'isRecyclebinEnabled',
	'isAutomationEnabled',
	'isBizProcEnabled',
	'isSetOpenPermissions',
	'isPaymentsEnabled',
	'isCountersEnabled',
];

/** @param {{id: number, entityTypeId: number, title: string}} type */
function createEntity(type) {
	const entityTypeId = type.entityTypeId;
	return new LegacyCrmEntity({
		name: `dynamic_${entityTypeId}`,
		table: `dynamic_${entityTypeId}`,
		entityTypeId,
		ufEntityId: `CRM_${type.id}`,
		fields: DYNAMIC_FIELDS,
		multifields: false,
		messages: { updateNotFound: 'Element not found' },
		sortAliases: {
			STAGE_ID: (row, state) =>
				state.statuses.sort(
					state.categories.stageEntityOf(entityTypeId, Number(row.CATEGORY_ID)),
					row.STAGE_ID,
				),
		},
		onCreate(row, { state, userId, nowMs }) {
			const user = String(userId);
			Object.assign(row, {
				CREATED_BY: user,
				UPDATED_BY: user,
				MOVED_BY: user,
				ASSIGNED_BY_ID: user,
				LAST_ACTIVITY_BY: user,
				CREATED_TIME: nowMs,
				UPDATED_TIME: nowMs,
				MOVED_TIME: nowMs,
				LAST_ACTIVITY_TIME: nowMs,
				OPENED: 'N',
				OPPORTUNITY: 0,
				TAX_VALUE: 0,
				IS_MANUAL_OPPORTUNITY: 'N',
				CURRENCY_ID: 'USD',
				BEGINDATE: state.clock.parseDate(nowMs),
				CLOSEDATE: state.clock.parseDate(nowMs + 7 * DAY_MS),
			});
		},
		beforeSave(row, prev, w) {
			resolvePipelineStage(w.state, row, !prev, {
				entityTypeId,
				categoryField: 'CATEGORY_ID',
				stageField: 'STAGE_ID',
			});
		},
		afterWrite(row, prev, { userId, nowMs }) {
			if (!prev) {
				if (!row.TITLE) row.TITLE = `${type.title} #${row.ID}`;
				return;
			}
			row.UPDATED_TIME = nowMs;
			row.UPDATED_BY = String(userId);
			if (row.STAGE_ID !== prev.STAGE_ID) {
				row.PREVIOUS_STAGE_ID = prev.STAGE_ID;
				row.MOVED_TIME = nowMs;
				row.MOVED_BY = String(userId);
			}
		},
	});
}

/** Smart-process types of one sandbox. */
class DynamicTypeRegistry {
	/** @param {import('./categories').CategoryRegistry} categories */
	constructor(categories) {
		this.categories = categories;
		this.reset();
	}

	reset() {
		/** @type {Map<number, {type: any, entity: LegacyCrmEntity}>} by entityTypeId */
		this.byEntityType = new Map();
		this.nextId = 1;
	}

	/**
	 * Quotes and smart invoices: reached through crm.item.* like smart processes, but built in
	 * (fixed entityTypeIds, not listed by crm.type.list).
	 * @param {number} entityTypeId @param {string} title
	 */
	addSystem(entityTypeId, title) {
		const type = {
			id: 0,
			title,
			entityTypeId,
			system: true,
			isStagesEnabled: 'Y',
			isCategoriesEnabled: 'N',
		};
		this.byEntityType.set(entityTypeId, { type, entity: createEntity(type) });
		if (!this.categories.defaultOf(entityTypeId))
			this.categories.add(entityTypeId, { name: 'Default', sort: 500, isDefault: 'Y' });
	}

	/** @param {number} entityTypeId */
	has(entityTypeId) {
		return this.byEntityType.has(entityTypeId) || SYSTEM_TYPES.has(entityTypeId);
	}

	/**
	 * A type by ID; quotes and smart invoices come into being on first use, so a sandbox that never
	 * touches them keeps its pipeline IDs as before.
	 * @param {number} entityTypeId
	 */
	get(entityTypeId) {
		const system = SYSTEM_TYPES.get(entityTypeId);
		if (system && !this.byEntityType.has(entityTypeId)) this.addSystem(entityTypeId, system);
		return this.byEntityType.get(entityTypeId);
	}

	list() {
		return [...this.byEntityType.values()]
			.map((t) => t.type)
			.filter((type) => !type.system)
			.sort((a, b) => a.id - b.id);
	}

	/**
	 * crm.type.add
	 * @param {Record<string, unknown>} fields camelCase
	 * @param {{userId: number, nowIso: string}} w
	 */
	add(fields, w) {
		const title = strval(fields.title).trim();
		if (title === '') throw new RestError('CRM_FIELD_ERROR_REQUIRED', 'Field "Name" is required');
		let entityTypeId = intval(fields.entityTypeId ?? 0);
		if (entityTypeId) {
			if (entityTypeId < FIRST_ENTITY_TYPE_ID || this.has(entityTypeId))
				throw new RestError(
					'CRM_FIELD_ERROR_VALUE_NOT_VALID',
					`Entity type id ${entityTypeId} is not available`,
				);
		} else {
			entityTypeId = FIRST_ENTITY_TYPE_ID;
			while (this.has(entityTypeId)) entityTypeId++;
		}
		const type = {
			id: this.nextId++,
			title,
			code: fields.code === undefined || fields.code === null ? '' : strval(fields.code),
			createdBy: w.userId,
			entityTypeId,
			customSectionId: null,
		};
		for (const flag of TYPE_FLAGS) {
			const v = fields[flag];
			type[flag] =
				v === undefined
					? flag === 'isStagesEnabled'
						? 'Y'
						: 'N'
					: strval(v).toUpperCase() === 'Y' || v === true
						? 'Y'
						: 'N';
		}
		Object.assign(type, { createdTime: w.nowIso, updatedTime: w.nowIso, updatedBy: w.userId });
		this.byEntityType.set(entityTypeId, { type, entity: createEntity(type) });
		this.categories.add(entityTypeId, { name: 'Default', sort: 500, isDefault: 'Y' });
		return type;
	}

	/** @param {number} entityTypeId */
	delete(entityTypeId) {
		this.byEntityType.delete(entityTypeId);
	}
}

module.exports = { DynamicTypeRegistry, FIRST_ENTITY_TYPE_ID };

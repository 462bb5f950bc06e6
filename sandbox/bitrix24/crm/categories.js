'use strict';

/**
 * Pipelines (`crm.category.*`, Engine typing, PROTOCOL.md §7.3) per entity type: deals
 * (2) start with the default pipeline `id: 0`, contacts (3) and companies (4) with their default
 * client category `id: 0`; smart processes get a default pipeline when the type is created.
 * A new deal or smart-process pipeline gets its default stages in the status registry.
 */

const { RestError, Errors } = require('../errors');
const { dealStageEntity, dynamicStageEntity } = require('./statuses');

/**
 * @typedef {object} Category
 * @property {number} id
 * @property {string} name
 * @property {number} sort
 * @property {number} entityTypeId
 * @property {'Y'|'N'} isDefault
 * @property {string} originId
 * @property {string} originatorId
 */

const engineError = (code, text, status = 400) => new RestError(code, text, status);

class CategoryRegistry {
	/** @param {import('./statuses').StatusRegistry} statuses */
	constructor(statuses) {
		this.statuses = statuses;
		this.reset();
	}

	reset() {
		/** @type {Category[]} */
		this.categories = [];
		/** category ids are shared by all entity types (one table on the real portal) */
		this.nextId = 1;
		this.categories.push(
			this.make(0, 2, 'General', 0, 'Y'),
			this.make(0, 3, 'Contacts', 0, 'Y'),
			this.make(0, 4, 'Companies', 0, 'Y'),
		);
	}

	make(id, entityTypeId, name, sort, isDefault) {
		return { id, name, sort, entityTypeId, isDefault, originId: '', originatorId: '' };
	}

	/** Stage entity id of a pipeline (deals and smart processes), or null. */
	stageEntityOf(/** @type {number} */ entityTypeId, /** @type {number} */ categoryId) {
		if (entityTypeId === 2) return dealStageEntity(categoryId).entityId;
		if (entityTypeId >= 128 || entityTypeId === 7 || entityTypeId === 31)
			return dynamicStageEntity(entityTypeId, categoryId).entityId;
		return null;
	}

	/** @param {number} entityTypeId */
	list(entityTypeId) {
		return this.categories
			.filter((c) => c.entityTypeId === entityTypeId)
			.sort((a, b) => a.sort - b.sort || a.id - b.id);
	}

	/** @param {number} entityTypeId @param {number} id */
	find(entityTypeId, id) {
		return this.categories.find((c) => c.entityTypeId === entityTypeId && c.id === id);
	}

	/** @param {number} entityTypeId */
	defaultOf(entityTypeId) {
		return this.list(entityTypeId).find((c) => c.isDefault === 'Y') || null;
	}

	/**
	 * @param {number} entityTypeId
	 * @param {{name?: unknown, sort?: unknown, isDefault?: unknown}} fields
	 * @param {{withStages?: boolean}} [options]
	 */
	add(entityTypeId, fields, options = {}) {
		if (entityTypeId === 3 || entityTypeId === 4) {
			if (String(fields.isDefault ?? 'N').toUpperCase() === 'Y')
				throw engineError('0', 'Default client category does not support updating default state');
		}
		const name = fields.name === undefined || fields.name === null ? '' : String(fields.name);
		if (name.trim() === '') throw engineError('0', "Field 'NAME' is required");
		const sortRaw = Number(fields.sort ?? 500);
		const category = this.make(
			this.nextId++,
			entityTypeId,
			name,
			Number.isFinite(sortRaw) && sortRaw > 0 ? Math.trunc(sortRaw) : 0,
			'N',
		);
		const makeDefault = entityTypeId !== 2 && String(fields.isDefault ?? 'N').toUpperCase() === 'Y';
		if (makeDefault || (entityTypeId >= 128 && !this.defaultOf(entityTypeId))) {
			for (const c of this.list(entityTypeId)) c.isDefault = 'N';
			category.isDefault = 'Y';
		}
		this.categories.push(category);
		if (options.withStages !== false) {
			if (entityTypeId === 2) this.statuses.createDealCategoryStages(category.id);
			else if (this.stageEntityOf(entityTypeId, category.id))
				this.statuses.createDynamicCategoryStages(entityTypeId, category.id);
		}
		return category;
	}

	/** @param {Category} category @param {{name?: unknown, sort?: unknown, isDefault?: unknown}} fields */
	update(category, fields) {
		if (fields.name !== undefined) {
			const name = String(fields.name ?? '');
			if (name.trim() === '') throw engineError('0', "Field 'NAME' is required");
			category.name = name;
		}
		if (fields.sort !== undefined) {
			const sort = Number(fields.sort);
			category.sort = Number.isFinite(sort) && sort > 0 ? Math.trunc(sort) : 0;
		}
		if (fields.isDefault !== undefined && category.entityTypeId >= 128) {
			const want = String(fields.isDefault).toUpperCase() === 'Y';
			if (want) {
				for (const c of this.list(category.entityTypeId)) c.isDefault = 'N';
				category.isDefault = 'Y';
			}
		}
		return category;
	}

	/** @param {Category} category */
	delete(category) {
		if (category.isDefault === 'Y' || category.id === 0)
			throw engineError('ERROR_CORE', 'Default category cannot be deleted');
		this.categories.splice(this.categories.indexOf(category), 1);
		const stageEntity = this.stageEntityOf(category.entityTypeId, category.id);
		if (stageEntity) this.statuses.removeEntity(stageEntity);
	}
}

/**
 * Pipeline and stage checks shared by deals and smart-process items (beforeSave hooks): the
 * pipeline must exist (only crm.item.update can change it), an empty stage becomes the
 * pipeline's first stage, a stage of another pipeline or an unknown stage is a legacy 400.
 * @param {import('../index').SandboxState} state
 * @param {any} row @param {boolean} isAdd
 * @param {{entityTypeId: number, categoryField: string, stageField: string}} spec
 */
function resolvePipelineStage(state, row, isAdd, spec) {
	const { statuses, categories } = state;
	const raw = row[spec.categoryField];
	const categoryId =
		raw === null || raw === undefined || raw === ''
			? (categories.defaultOf(spec.entityTypeId)?.id ?? 0)
			: Number(raw);
	if (!categories.find(spec.entityTypeId, categoryId))
		throw Errors.legacy(`Pipeline (CATEGORY_ID) ${categoryId} is not found.`);
	row[spec.categoryField] = String(categoryId);
	const entityId = categories.stageEntityOf(spec.entityTypeId, categoryId);
	const stage = row[spec.stageField];
	if (!stage) {
		row[spec.stageField] = statuses.of(entityId)[0]?.STATUS_ID ?? null;
		return entityId;
	}
	if (statuses.find(entityId, stage)) return entityId;
	const pattern =
		spec.entityTypeId === 2
			? /^DEAL_STAGE(_\d+)?$/
			: new RegExp(`^DYNAMIC_${spec.entityTypeId}_STAGE_\\d+$`);
	const owner = statuses.entries.find((e) => e.STATUS_ID === stage && pattern.test(e.ENTITY_ID));
	throw Errors.legacy(
		owner
			? `Stage '${stage}' belongs to pipeline ${owner.CATEGORY_ID ?? 0}, not to the item's pipeline ${categoryId} (CATEGORY_ID).`
			: `Stage '${stage}' is not found in pipeline ${categoryId} (STAGE_ID).`,
	);
}

module.exports = { CategoryRegistry, resolvePipelineStage };

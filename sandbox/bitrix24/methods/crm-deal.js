'use strict';

/**
 * Deals: `crm.deal.*` (legacy), plus `crm.deal.contact.*` links and `crm.deal.productrows.*`.
 * Pipelines: CATEGORY_ID (0 = default, immutable on update), STAGE_ID of that pipeline
 * (`NEW` / `C{id}:NEW` by default); a stage of another pipeline or an unknown pipeline is a
 * legacy 400. No multifields.
 */

const { LegacyCrmEntity } = require('../crm/legacy-entity');
const { resolvePipelineStage } = require('../crm/categories');
const { dealStageEntity } = require('../crm/statuses');
const {
	UTM_FIELDS,
	AUDIT_FIELDS,
	ORIGIN_FIELDS,
	LAST_ACTIVITY_FIELDS,
	auditOnCreate,
	auditOnUpdate,
	stageTracking,
} = require('../crm/common-fields');
const bindings = require('../crm/bindings');
const productRows = require('../crm/product-rows');

/** @type {import('../crm/field-types').FieldDef[]} */
const DEAL_FIELDS = [
	{ name: 'ID', type: 'integer', title: 'ID', readOnly: true },
	{ name: 'TITLE', type: 'string', title: 'Name' },
	{ name: 'TYPE_ID', type: 'crm_status', statusType: 'DEAL_TYPE', title: 'Type' },
	{ name: 'CATEGORY_ID', type: 'crm_category', title: 'Pipeline', immutable: true },
	{ name: 'STAGE_ID', type: 'crm_status', statusType: 'DEAL_STAGE', title: 'Deal stage' },
	{ name: 'STAGE_SEMANTIC_ID', type: 'string', title: 'Stage group', readOnly: true },
	{ name: 'IS_NEW', type: 'char', title: 'New deal', readOnly: true },
	{ name: 'IS_RECURRING', type: 'char', title: 'Recurring deal' },
	{ name: 'IS_RETURN_CUSTOMER', type: 'char', title: 'Repeat deal', readOnly: true },
	{ name: 'IS_REPEATED_APPROACH', type: 'char', title: 'Repeat inquiry', readOnly: true },
	{ name: 'PROBABILITY', type: 'integer', title: 'Probability' },
	{ name: 'CURRENCY_ID', type: 'crm_currency', title: 'Currency' },
	{ name: 'OPPORTUNITY', type: 'double', title: 'Amount' },
	{ name: 'IS_MANUAL_OPPORTUNITY', type: 'char', title: 'IS_MANUAL_OPPORTUNITY' },
	{ name: 'TAX_VALUE', type: 'double', title: 'Tax rate' },
	{
		name: 'COMPANY_ID',
		type: 'crm_company',
		title: 'Company',
		settings: { parentEntityTypeId: 4 },
	},
	{ name: 'CONTACT_ID', type: 'crm_contact', title: 'Contact', deprecated: true },
	{
		name: 'CONTACT_IDS',
		type: 'crm_contact',
		title: 'Contacts',
		multiple: true,
		inSelectAll: false,
	},
	{ name: 'QUOTE_ID', type: 'crm_quote', title: 'Quote', readOnly: true },
	{ name: 'BEGINDATE', type: 'date', title: 'Start date' },
	{ name: 'CLOSEDATE', type: 'date', title: 'End date' },
	{ name: 'OPENED', type: 'char', title: 'Available to everyone' },
	{ name: 'CLOSED', type: 'char', title: 'Closed' },
	{ name: 'COMMENTS', type: 'string', title: 'Comment' },
	...AUDIT_FIELDS,
	{ name: 'SOURCE_ID', type: 'crm_status', statusType: 'SOURCE', title: 'Source' },
	{ name: 'SOURCE_DESCRIPTION', type: 'string', title: 'Source information' },
	{ name: 'LEAD_ID', type: 'crm_lead', title: 'Lead', readOnly: true },
	{ name: 'ADDITIONAL_INFO', type: 'string', title: 'Additional information' },
	{ name: 'LOCATION_ID', type: 'location', title: 'Location' },
	...ORIGIN_FIELDS,
	{ name: 'MOVED_BY_ID', type: 'user', title: 'MOVED_BY_ID', readOnly: true },
	{ name: 'MOVED_TIME', type: 'datetime', title: 'MOVED_TIME', readOnly: true },
	...UTM_FIELDS,
	...LAST_ACTIVITY_FIELDS,
];

const DAY_MS = 86400000;

/** Stage entity of a deal row. */
const stageEntityOf = (row) => dealStageEntity(Number(row.CATEGORY_ID || 0)).entityId;

const deals = new LegacyCrmEntity({
	name: 'deal',
	table: 'deals',
	entityTypeId: 2,
	ufEntityId: 'CRM_DEAL',
	fields: DEAL_FIELDS,
	multifields: false,
	messages: { updateNotFound: 'Deal is not found' },
	sortAliases: { STAGE_ID: (row, state) => state.statuses.sort(stageEntityOf(row), row.STAGE_ID) },

	onCreate(row, w) {
		auditOnCreate(row, w);
		const today = w.state.clock.parseDate(w.nowMs);
		Object.assign(row, {
			CATEGORY_ID: '0',
			OPPORTUNITY: 0,
			TAX_VALUE: 0,
			CURRENCY_ID: 'USD',
			IS_MANUAL_OPPORTUNITY: 'N',
			IS_RECURRING: 'N',
			IS_RETURN_CUSTOMER: 'N',
			IS_REPEATED_APPROACH: 'N',
			OPENED: 'Y',
			BEGINDATE: today,
			CLOSEDATE: w.state.clock.parseDate(w.nowMs + 7 * DAY_MS),
			$contacts: [],
		});
	},

	beforeSave(row, prev, w, values) {
		resolvePipelineStage(w.state, row, !prev, {
			entityTypeId: 2,
			categoryField: 'CATEGORY_ID',
			stageField: 'STAGE_ID',
		});
		bindings.applyFieldInput(row, values, bindings.DEAL_CONTACTS);
	},

	afterWrite(row, prev, w) {
		if (!prev && !row.TITLE) row.TITLE = `Deal #${row.ID}`;
		auditOnUpdate(row, prev, w);
		const entityId = stageEntityOf(row);
		stageTracking(row, prev, w, {
			stage: 'STAGE_ID',
			semantic: 'STAGE_SEMANTIC_ID',
			semanticOf: (id) => w.state.statuses.semantic(entityId, id),
		});
		row.CLOSED = row.STAGE_SEMANTIC_ID === 'P' ? 'N' : 'Y';
		row.IS_NEW = w.state.statuses.of(entityId)[0]?.STATUS_ID === row.STAGE_ID ? 'Y' : 'N';
	},

	onDelete(row, w) {
		productRows.removeOwner(w.state, 'D', row.ID);
	},
});

/** @param {import('./registry').MethodRegistry} registry */
function register(registry) {
	deals.register(registry);
	productRows.registerFor(registry, deals, 'D');
	registry.registerEvents([
		'ONCRMDEALADD',
		'ONCRMDEALUPDATE',
		'ONCRMDEALDELETE',
		'ONCRMDEALMOVETOCATEGORY',
		'ONCRMDEALUSERFIELDADD',
		'ONCRMDEALUSERFIELDUPDATE',
		'ONCRMDEALUSERFIELDDELETE',
		'ONCRMDEALUSERFIELDSETENUMVALUES',
	]);
}

module.exports = { register, deals };

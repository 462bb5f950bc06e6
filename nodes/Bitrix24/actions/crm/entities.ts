import type { INodeProperties } from 'n8n-workflow';

import type { FieldTypes } from '../../../shared/bitrix24/entities/fieldTypes';
import type { ContactField } from '../../../shared/bitrix24/entities/multiFields';
import {
	amount,
	comments,
	currencyOption,
	otherFields,
	portalOption,
	responsibleOption,
	sorted,
	sourceOption,
	text,
} from './fields';

/** What differs between the legacy CRM entities; everything else is shared. */
export interface CrmEntity {
	resource: 'lead' | 'deal' | 'contact' | 'company';
	/** As shown in the UI: "Lead". */
	label: string;
	/** In running text: "leads". */
	plural: string;
	/** REST prefix: `crm.lead`. */
	method: string;
	/** The parameter Create asks for first, and the Bitrix24 field it fills. */
	primary: INodeProperties;
	primaryField: string;
	multiFields: ContactField[];
	/** Optional fields for Create ("Additional Fields") and Update ("Update Fields"). */
	fields: INodeProperties[];
	/** Get Many filters besides dates and the custom JSON filter. */
	filters: INodeProperties[];
	/**
	 * Key fields kept by Simplify, with their types as `crm.*.fields` gives them (phones and emails
	 * are added as plain text).
	 */
	simpleFields: FieldTypes;
	/** Fields the "From List" search looks in (`%FIELD` filters). */
	searchFields: string[];
	/** The label of a record in the "From List" search. */
	listLabel(record: Record<string, unknown>): string;
}

const title = (entity: string, placeholder: string): INodeProperties => ({
	displayName: 'Title',
	name: 'title',
	type: 'string',
	required: true,
	default: '',
	placeholder,
	description: `Title of the ${entity} as shown in the CRM`,
});

const person = [
	text('First Name', 'NAME'),
	text('Last Name', 'LAST_NAME'),
	text('Middle Name', 'SECOND_NAME'),
];
const fullName = (record: Record<string, unknown>) =>
	[record.NAME, record.LAST_NAME].filter(Boolean).join(' ');
const withId = (label: string, record: Record<string, unknown>) =>
	`${label} (#${String(record.ID)})`;

const leadStatus = portalOption('Status', 'STATUS_ID', 'getLeadStatuses');
const dealStage = portalOption(
	'Stage',
	'STAGE_ID',
	'getDealStages',
	'Stages of every pipeline, as "Pipeline: Stage"',
);
const dealPipeline = portalOption('Pipeline', 'CATEGORY_ID', 'getDealPipelines');
const companyId: INodeProperties = {
	displayName: 'Company ID',
	name: 'COMPANY_ID',
	type: 'number',
	default: 0,
};

export const LEAD: CrmEntity = {
	resource: 'lead',
	label: 'Lead',
	plural: 'leads',
	method: 'crm.lead',
	primary: title('lead', 'Website inquiry'),
	primaryField: 'TITLE',
	multiFields: ['PHONE', 'EMAIL'],
	fields: sorted([
		...person,
		comments,
		text('Company Name', 'COMPANY_TITLE'),
		currencyOption,
		amount,
		otherFields('lead'),
		text('Position', 'POST'),
		responsibleOption,
		sourceOption,
		text('Source Details', 'SOURCE_DESCRIPTION'),
		leadStatus,
	]),
	filters: [responsibleOption, sourceOption, leadStatus],
	simpleFields: {
		ID: 'integer',
		TITLE: 'string',
		NAME: 'string',
		LAST_NAME: 'string',
		COMPANY_TITLE: 'string',
		STATUS_ID: 'crm_status',
		SOURCE_ID: 'crm_status',
		ASSIGNED_BY_ID: 'user',
		OPPORTUNITY: 'double',
		CURRENCY_ID: 'crm_currency',
		DATE_CREATE: 'datetime',
		DATE_MODIFY: 'datetime',
	},
	searchFields: ['TITLE', 'NAME', 'LAST_NAME'],
	listLabel: (lead) => {
		const name = fullName(lead);
		return withId(`${String(lead.TITLE || 'Untitled')}${name ? ` — ${name}` : ''}`, lead);
	},
};

export const DEAL: CrmEntity = {
	resource: 'deal',
	label: 'Deal',
	plural: 'deals',
	method: 'crm.deal',
	primary: title('deal', 'Annual subscription'),
	primaryField: 'TITLE',
	multiFields: [],
	fields: sorted([
		amount,
		comments,
		companyId,
		{
			displayName: 'Contact IDs',
			name: 'CONTACT_IDS',
			type: 'string',
			default: '',
			placeholder: '12, 15',
			description: 'Comma-separated IDs of the contacts linked to the deal',
		},
		currencyOption,
		{ displayName: 'Expected Close Date', name: 'CLOSEDATE', type: 'dateTime', default: '' },
		otherFields('deal'),
		dealPipeline,
		responsibleOption,
		sourceOption,
		dealStage,
		{ displayName: 'Start Date', name: 'BEGINDATE', type: 'dateTime', default: '' },
		portalOption('Type', 'TYPE_ID', 'getDealTypes'),
	]),
	filters: [dealPipeline, responsibleOption, dealStage],
	simpleFields: {
		ID: 'integer',
		TITLE: 'string',
		CATEGORY_ID: 'crm_category',
		STAGE_ID: 'crm_status',
		OPPORTUNITY: 'double',
		CURRENCY_ID: 'crm_currency',
		COMPANY_ID: 'crm_company',
		CONTACT_ID: 'crm_contact',
		ASSIGNED_BY_ID: 'user',
		CLOSEDATE: 'date',
		CLOSED: 'char',
		DATE_CREATE: 'datetime',
		DATE_MODIFY: 'datetime',
	},
	searchFields: ['TITLE'],
	listLabel: (deal) => withId(String(deal.TITLE || 'Untitled'), deal),
};

export const CONTACT: CrmEntity = {
	resource: 'contact',
	label: 'Contact',
	plural: 'contacts',
	method: 'crm.contact',
	primary: {
		...text('First Name', 'firstName', { required: true, placeholder: 'Ada' }),
		description: 'First name of the contact',
	},
	primaryField: 'NAME',
	multiFields: ['PHONE', 'EMAIL'],
	fields: sorted([
		{ displayName: 'Birthdate', name: 'BIRTHDATE', type: 'dateTime', default: '' },
		comments,
		companyId,
		text('Last Name', 'LAST_NAME'),
		text('Middle Name', 'SECOND_NAME'),
		otherFields('contact'),
		text('Position', 'POST'),
		responsibleOption,
		sourceOption,
		portalOption('Type', 'TYPE_ID', 'getContactTypes'),
	]),
	filters: [responsibleOption, sourceOption],
	simpleFields: {
		ID: 'integer',
		NAME: 'string',
		LAST_NAME: 'string',
		POST: 'string',
		COMPANY_ID: 'crm_company',
		TYPE_ID: 'crm_status',
		SOURCE_ID: 'crm_status',
		ASSIGNED_BY_ID: 'user',
		DATE_CREATE: 'datetime',
		DATE_MODIFY: 'datetime',
	},
	searchFields: ['NAME', 'LAST_NAME'],
	listLabel: (contact) => withId(fullName(contact) || 'Unnamed', contact),
};

export const COMPANY: CrmEntity = {
	resource: 'company',
	label: 'Company',
	plural: 'companies',
	method: 'crm.company',
	primary: title('company', 'Acme Ltd'),
	primaryField: 'TITLE',
	multiFields: ['PHONE', 'EMAIL'],
	fields: sorted([
		comments,
		currencyOption,
		portalOption('Industry', 'INDUSTRY', 'getIndustries'),
		otherFields('company'),
		responsibleOption,
		{ displayName: 'Annual Revenue', name: 'REVENUE', type: 'number', default: 0 },
		portalOption('Type', 'COMPANY_TYPE', 'getCompanyTypes'),
	]),
	filters: [responsibleOption],
	simpleFields: {
		ID: 'integer',
		TITLE: 'string',
		COMPANY_TYPE: 'crm_status',
		INDUSTRY: 'crm_status',
		REVENUE: 'double',
		ASSIGNED_BY_ID: 'user',
		DATE_CREATE: 'datetime',
		DATE_MODIFY: 'datetime',
	},
	searchFields: ['TITLE'],
	listLabel: (company) => withId(String(company.TITLE || 'Untitled'), company),
};

export const CRM_ENTITIES = { lead: LEAD, deal: DEAL, contact: CONTACT, company: COMPANY };

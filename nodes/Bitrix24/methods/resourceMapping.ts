import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { CRM_ENTITIES } from '../actions/crm/entities';
import { bitrix24Client } from '../../shared/bitrix24/client';

const TYPES: Record<string, FieldType> = {
	integer: 'number',
	double: 'number',
	boolean: 'boolean',
	date: 'dateTime',
	datetime: 'dateTime',
	enumeration: 'options',
};

/** One custom field as the mapper shows it: by its label, with a matching input. */
function toMapperField(id: string, field: IDataObject): ResourceMapperField {
	const items = Array.isArray(field.items) ? (field.items as IDataObject[]) : [];
	const multiple = Boolean(field.isMultiple);
	const type: FieldType = multiple ? 'array' : (TYPES[String(field.type)] ?? 'string');
	return {
		id,
		displayName: String(field.listLabel || field.formLabel || field.title || id),
		required: Boolean(field.isRequired),
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type,
		...(type === 'options'
			? { options: items.map((item) => ({ name: String(item.VALUE), value: String(item.ID) })) }
			: {}),
		readOnly: Boolean(field.isReadOnly),
	};
}

/** The record type's custom fields (UF_CRM_*), from `crm.{entity}.fields`. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const client = await bitrix24Client(this);
	const resource = this.getCurrentNodeParameter('resource') as keyof typeof CRM_ENTITIES;
	const entity = CRM_ENTITIES[resource] ?? CRM_ENTITIES.lead;
	const envelope = await client.call(`${entity.method}.fields`, {});
	const fields = Object.entries((envelope.result as Record<string, IDataObject>) ?? {})
		.filter(([id, field]) => id.startsWith('UF_') && !field.isReadOnly)
		.map(([id, field]) => toMapperField(id, field));
	if (fields.length > 0) return { fields };
	// n8n shows the notice whenever it is given, also over automatic mapping: only when empty.
	return {
		fields,
		emptyFieldsNotice: `There are no custom fields for ${entity.plural} yet. Add them in Bitrix24's CRM settings or with this node's Custom Field resource, then reopen this node.`,
	};
}

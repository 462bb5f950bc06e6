import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { CRM_ENTITIES } from '../actions/crm/entities';
import { apiRequest } from '../transport';

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
	const resource = this.getCurrentNodeParameter('resource') as keyof typeof CRM_ENTITIES;
	const entity = CRM_ENTITIES[resource] ?? CRM_ENTITIES.lead;
	const envelope = await apiRequest.call(this, `${entity.method}.fields`, {});
	const fields = Object.entries((envelope.result as Record<string, IDataObject>) ?? {})
		.filter(([id, field]) => id.startsWith('UF_') && !field.isReadOnly)
		.map(([id, field]) => toMapperField(id, field));
	return {
		fields,
		emptyFieldsNotice: `This ${entity.label.toLowerCase()} type has no custom fields yet (add them in Bitrix24 or with the Custom Field resource)`,
	};
}

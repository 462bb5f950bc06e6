import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/bitrix24/descriptions';
import type { ContactField } from '../../shared/bitrix24/entities/multiFields';

/** The picker of a lead, deal, contact or company. */
export function crmRecordLocator(entity: string, label: string): INodeProperties {
	return recordLocator({
		name: `${entity}Id`,
		label,
		what: entity,
		searchListMethod: 'searchRecords',
		url: {
			example: `https://your-portal.bitrix24.com/crm/${entity}/details/123/`,
			regex: `/crm/${entity}/details/([0-9]+)`,
		},
	});
}

const PHONE_TYPES = ['WORK', 'MOBILE', 'FAX', 'HOME', 'PAGER', 'MAILING', 'OTHER'];
const EMAIL_TYPES = ['WORK', 'HOME', 'MAILING', 'OTHER'];

function typeOptions(types: string[]) {
	return types.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value }));
}

/** Phones or emails as Bitrix24 multi-field entries (value + type). */
export function multiFieldProperty(field: ContactField): INodeProperties {
	const isPhone = field === 'PHONE';
	return {
		displayName: isPhone ? 'Phones' : 'Emails',
		name: isPhone ? 'phones' : 'emails',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: isPhone ? 'Add Phone' : 'Add Email',
		default: {},
		options: [
			{
				displayName: isPhone ? 'Phone' : 'Email',
				name: 'values',
				values: [
					{
						displayName: isPhone ? 'Phone Number' : 'Email Address',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: isPhone ? '+1 555 123 4567' : 'name@example.com',
					},
					{
						displayName: 'Type',
						name: 'valueType',
						type: 'options',
						options: typeOptions(isPhone ? PHONE_TYPES : EMAIL_TYPES),
						default: 'WORK',
					},
				],
			},
		],
	};
}

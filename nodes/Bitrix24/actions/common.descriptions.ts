import type { INodeProperties } from 'n8n-workflow';

import type { ContactField } from '../../shared/bitrix24/entities/multiFields';

/**
 * A record picker: from a searchable list, by ID, and (when `url` is given) by the record's
 * Bitrix24 URL, whose first regex group is the ID.
 */
export function recordLocator(options: {
	name: string;
	label: string;
	what: string;
	searchListMethod: string;
	url?: { example: string; regex: string };
}): INodeProperties {
	const { name, label, what, searchListMethod, url } = options;
	return {
		displayName: label,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: `A ${what} ID is a number` },
					},
				],
			},
			...(url
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: url.example,
							extractValue: { type: 'regex' as const, regex: url.regex },
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: `.*${url.regex}.*`,
										errorMessage: `Not a Bitrix24 ${what} URL`,
									},
								},
							],
						},
					]
				: []),
		],
	};
}

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

/** Return All + Limit, as every Get Many has them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

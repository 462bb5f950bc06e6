import type { INodeProperties } from 'n8n-workflow';

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

/** The calling code that national phone numbers are read with, for matching in E.164. */
export const defaultCountryCode: INodeProperties = {
	displayName: 'Default Country Code',
	name: 'defaultCountryCode',
	type: 'string',
	default: '',
	placeholder: '49',
	description:
		'Calling code of the country that phone numbers written without one belong to (e.g. 49 for Germany, 1 for the USA), so that 0151 12345678 and +49 151 12345678 match. Numbers are compared in E.164 form; leave empty when every number carries its country code.',
};

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/*
 * The template of a template message: picked from the account's approved templates (value
 * `name|language`) or typed, and its parameters for the header, the body and the buttons.
 */

export const TEMPLATE_VALUE = /^([a-z0-9_]+)\|([A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,4})?)$/;

export function templateLocator(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'An approved template of the WhatsApp Business Account, in one language',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By Name and Language',
				name: 'name',
				type: 'string',
				placeholder: 'order_update|en_US',
				hint: 'The template name, a vertical bar, and the language code',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: TEMPLATE_VALUE.source,
							errorMessage: 'Write it as name|language, e.g. order_update|en_US',
						},
					},
				],
			},
		],
	};
}

export function readTemplate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
): { name: string; language: string } {
	const value = String(
		ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const match = TEMPLATE_VALUE.exec(value);
	if (!match) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${value}" does not name a template and its language`,
			{
				itemIndex,
				description:
					'Pick the template from the list, or write it as name|language (e.g. order_update|en_US).',
			},
		);
	}
	return { name: match[1], language: match[2] };
}

const parameterTypes = [
	{ name: 'Currency', value: 'currency' },
	{ name: 'Date and Time', value: 'date_time' },
	{ name: 'Text', value: 'text' },
];

export const templateParameterProperties: INodeProperties[] = [
	{
		displayName: 'Parameters',
		name: 'parameterMode',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'fields' },
			{ name: 'Components (JSON)', value: 'json', description: "Meta's components array as is" },
		],
		default: 'fields',
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { parameterMode: ['json'] } },
		description:
			'For example [{"type":"body","parameters":[{"type":"text","text":"Ann"}]}]. See Meta\'s template message reference.',
	},
	{
		displayName: 'Header',
		name: 'header',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Location', value: 'location' },
			{ name: 'None', value: 'none', description: 'The template has no header, or a fixed one' },
			{ name: 'Text', value: 'text', description: 'A text header with a {{1}} placeholder' },
			{ name: 'Video', value: 'video' },
		],
		default: 'none',
		displayOptions: { show: { parameterMode: ['fields'] } },
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		displayOptions: { show: { parameterMode: ['fields'], header: ['text'] } },
	},
	{
		displayName: 'Header Media Link',
		name: 'headerLink',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/picture.jpg',
		description: 'A public https URL, or leave empty and give a Header Media ID',
		displayOptions: { show: { parameterMode: ['fields'], header: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'Header Media ID',
		name: 'headerMediaId',
		type: 'string',
		default: '',
		displayOptions: { show: { parameterMode: ['fields'], header: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'Header Document File Name',
		name: 'headerFileName',
		type: 'string',
		default: '',
		displayOptions: { show: { parameterMode: ['fields'], header: ['document'] } },
	},
	{
		displayName: 'Header Location',
		name: 'headerLocation',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: { parameterMode: ['fields'], header: ['location'] } },
		options: [
			{
				displayName: 'Latitude',
				name: 'latitude',
				type: 'number',
				typeOptions: { numberPrecision: 7 },
				default: 0,
			},
			{
				displayName: 'Longitude',
				name: 'longitude',
				type: 'number',
				typeOptions: { numberPrecision: 7 },
				default: 0,
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add parameter',
		default: {},
		displayOptions: { show: { parameterMode: ['fields'] } },
		description: 'One per placeholder of the body, in order ({{1}}, {{2}} …)',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Amount',
						name: 'amount',
						type: 'number',
						typeOptions: { numberPrecision: 3 },
						default: 0,
						displayOptions: { show: { type: ['currency'] } },
					},
					{
						displayName: 'Currency Code',
						name: 'currencyCode',
						type: 'string',
						default: 'USD',
						displayOptions: { show: { type: ['currency'] } },
					},
					{
						displayName: 'Fallback Text',
						name: 'fallbackValue',
						type: 'string',
						default: '',
						description: 'What the customer sees where the app cannot format the value',
						displayOptions: { show: { type: ['currency', 'date_time'] } },
					},
					{
						displayName: 'Parameter Name',
						name: 'parameterName',
						type: 'string',
						default: '',
						description: 'For templates with named placeholders ({{first_name}}): the name',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						displayOptions: { show: { type: ['text'] } },
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: parameterTypes,
						default: 'text',
					},
				],
			},
		],
	},
	{
		displayName: 'Button Parameters',
		name: 'buttonParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add button parameter',
		default: {},
		displayOptions: { show: { parameterMode: ['fields'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Button Index',
						name: 'index',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 9 },
						default: 0,
						description: "The button's position in the template, from 0",
					},
					{
						displayName: 'Button Type',
						name: 'subType',
						type: 'options',
						options: [
							{ name: 'Copy Code', value: 'copy_code' },
							{ name: 'Quick Reply', value: 'quick_reply' },
							{ name: 'URL', value: 'url' },
						],
						default: 'url',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'URL button: the text that replaces {{1}} in its URL. Quick reply: the payload the webhook returns when tapped. Copy code: the code.',
					},
				],
			},
		],
	},
];

function bodyParameter(entry: IDataObject): IDataObject {
	const named = entry.parameterName ? { parameter_name: String(entry.parameterName) } : {};
	if (entry.type === 'currency') {
		return {
			type: 'currency',
			...named,
			currency: {
				fallback_value: String(entry.fallbackValue || `${entry.amount} ${entry.currencyCode}`),
				code: String(entry.currencyCode || 'USD').toUpperCase(),
				amount_1000: Math.round(Number(entry.amount) * 1000),
			},
		};
	}
	if (entry.type === 'date_time') {
		return {
			type: 'date_time',
			...named,
			date_time: { fallback_value: String(entry.fallbackValue ?? '') },
		};
	}
	return { type: 'text', ...named, text: String(entry.text ?? '') };
}

/** The `components` of a template message from the node's parameters. */
export function templateComponents(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const mode = ctx.getNodeParameter('parameterMode', itemIndex, 'fields') as string;
	if (mode === 'json') {
		const raw = ctx.getNodeParameter('componentsJson', itemIndex, '[]');
		let parsed: unknown = raw;
		if (typeof raw === 'string') {
			try {
				parsed = JSON.parse(raw || '[]');
			} catch {
				throw new NodeOperationError(ctx.getNode(), 'Components (JSON) is not valid JSON', {
					itemIndex,
				});
			}
		}
		if (!Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), 'Components (JSON) must be an array', {
				itemIndex,
			});
		}
		return parsed as IDataObject[];
	}
	const components: IDataObject[] = [];
	const header = ctx.getNodeParameter('header', itemIndex, 'none') as string;
	if (header === 'text') {
		components.push({
			type: 'header',
			parameters: [
				{ type: 'text', text: String(ctx.getNodeParameter('headerText', itemIndex, '')) },
			],
		});
	} else if (header === 'image' || header === 'video' || header === 'document') {
		const link = String(ctx.getNodeParameter('headerLink', itemIndex, '')).trim();
		const id = String(ctx.getNodeParameter('headerMediaId', itemIndex, '')).trim();
		if (!link === !id) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Give the ${header} header a link or a media ID (one of them)`,
				{
					itemIndex,
				},
			);
		}
		const media: IDataObject = id ? { id } : { link };
		if (header === 'document') {
			const fileName = String(ctx.getNodeParameter('headerFileName', itemIndex, ''));
			if (fileName) media.filename = fileName;
		}
		components.push({ type: 'header', parameters: [{ type: header, [header]: media }] });
	} else if (header === 'location') {
		const location = ctx.getNodeParameter('headerLocation', itemIndex, {}) as IDataObject;
		components.push({ type: 'header', parameters: [{ type: 'location', location }] });
	}
	const body = ((ctx.getNodeParameter('bodyParameters', itemIndex, {}) as IDataObject).parameter ??
		[]) as IDataObject[];
	if (body.length) components.push({ type: 'body', parameters: body.map(bodyParameter) });
	const buttons = ((ctx.getNodeParameter('buttonParameters', itemIndex, {}) as IDataObject)
		.button ?? []) as IDataObject[];
	for (const button of buttons) {
		const subType = String(button.subType);
		const value = String(button.value ?? '');
		const parameter =
			subType === 'quick_reply'
				? { type: 'payload', payload: value }
				: subType === 'copy_code'
					? { type: 'coupon_code', coupon_code: value }
					: { type: 'text', text: value };
		components.push({
			type: 'button',
			sub_type: subType,
			index: String(button.index ?? 0),
			parameters: [parameter],
		});
	}
	return components;
}

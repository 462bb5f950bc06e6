import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { defaultCountryCode } from '../../../shared/bitrix24/descriptions';
import { simpleOperation } from '../../../shared/bitrix24/operations';
import { phoneOptionsParameter } from '../../../shared/bitrix24/parameters';
import { phoneSearchValues } from '../../../shared/conversation/phone';

const MAX_VALUES = 20;

export const { description, execute } = simpleOperation({
	resource: 'duplicate',
	operation: 'find',
	properties: [
		{
			displayName: 'Search By',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Email', value: 'EMAIL' },
				{ name: 'Phone', value: 'PHONE' },
			],
			default: 'EMAIL',
		},
		{
			displayName: 'Values',
			name: 'values',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ann@example.com, bob@example.com',
			description: 'Emails or phones to look for, separated by commas (up to 20)',
		},
		{ ...defaultCountryCode, displayOptions: { show: { type: ['PHONE'] } } },
		{
			displayName: 'Record Types',
			name: 'entityTypes',
			type: 'multiOptions',
			options: [
				{ name: 'Company', value: 'COMPANY' },
				{ name: 'Contact', value: 'CONTACT' },
				{ name: 'Lead', value: 'LEAD' },
			],
			default: [],
			description: 'Where to look; none selected means leads, contacts and companies',
		},
	],
	call: (ctx, itemIndex) => {
		const values = String(ctx.getNodeParameter('values', itemIndex, ''))
			.split(/[,\n;]/)
			.map((value) => value.trim())
			.filter(Boolean);
		if (values.length === 0 || values.length > MAX_VALUES) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Give between 1 and ${MAX_VALUES} values to look for`,
				{
					itemIndex,
					description: `Got ${values.length}. Separate values with commas.`,
				},
			);
		}
		const types = ctx.getNodeParameter('entityTypes', itemIndex, []) as string[];
		const type = ctx.getNodeParameter('type', itemIndex) as string;
		const params: IDataObject = {
			type,
			values: type === 'PHONE' ? phoneForms(ctx, itemIndex, values) : values,
		};
		if (types.length === 1) params.entity_type = types[0];
		return { method: 'crm.duplicate.findbycomm', params };
	},
	output: (result, _params, ctx, itemIndex) => {
		const found = (
			result !== null && typeof result === 'object' && !Array.isArray(result) ? result : {}
		) as IDataObject;
		const chosen = ctx.getNodeParameter('entityTypes', itemIndex, []) as string[];
		const wanted = chosen.length ? chosen : ['LEAD', 'CONTACT', 'COMPANY'];
		const json: IDataObject = { found: false };
		for (const type of wanted) {
			const ids = ((found[type] as unknown[]) ?? []).map(Number);
			json[type.toLowerCase()] = ids;
			json.found ||= ids.length > 0;
		}
		return json;
	},
});

/**
 * Each phone in E.164 and as written (records keep phones as people typed them). Bitrix24 takes
 * 20 values: when both forms do not fit, the E.164 forms go.
 */
function phoneForms(ctx: IExecuteFunctions, itemIndex: number, values: string[]): string[] {
	const options = phoneOptionsParameter(ctx, itemIndex);
	const both = [...new Set(values.flatMap((value) => phoneSearchValues(value, options)))];
	return both.length <= MAX_VALUES
		? both
		: [...new Set(values.map((value) => phoneSearchValues(value, options)[0]))];
}

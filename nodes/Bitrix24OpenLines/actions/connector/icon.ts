import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { svgIcon } from '../../../shared/bitrix24/openLines/connector';

export const iconProperties: INodeProperties[] = [
	{
		displayName: 'Icon Source',
		name: 'iconSource',
		type: 'options',
		options: [
			{ name: 'SVG Markup', value: 'svg', description: 'Paste the SVG, or an SVG data URI' },
			{ name: 'Binary Property', value: 'binary', description: 'An .svg file of the input item' },
		],
		default: 'svg',
	},
	{
		displayName: 'Icon (SVG)',
		name: 'icon',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">…</svg>',
		description: 'Bitrix24 shows connector icons only from SVG',
		displayOptions: { show: { iconSource: ['svg'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'iconBinaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The binary property holding the .svg file',
		displayOptions: { show: { iconSource: ['binary'] } },
	},
];

/** The connector icon of an item as Bitrix24 takes it (an SVG data URI), or why not. */
export async function iconParameter(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	itemIndex: number,
): Promise<string> {
	let source: string | Buffer;
	if (ctx.getNodeParameter('iconSource', itemIndex, 'svg') === 'binary') {
		const property = String(ctx.getNodeParameter('iconBinaryProperty', itemIndex, 'data')).trim();
		if (!items[itemIndex].binary?.[property]) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Item ${itemIndex} has no binary property '${property}'`,
				{
					itemIndex,
					description:
						'Read the .svg file into the item first (for example with Read/Write Files from Disk).',
				},
			);
		}
		source = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	} else source = String(ctx.getNodeParameter('icon', itemIndex, ''));
	const icon = svgIcon(source);
	if (icon.ok) return icon.value;
	throw new NodeOperationError(
		ctx.getNode(),
		`The connector icon is not a usable SVG: ${icon.reason}`,
		{
			itemIndex,
			description:
				'Bitrix24 draws connector icons only from SVG (ICON.DATA_IMAGE must be data:image/svg+xml). Give the SVG markup, starting with <svg, or an .svg file; convert PNG or JPEG logos to SVG first.',
		},
	);
}

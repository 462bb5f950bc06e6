import type { IDataObject } from 'n8n-workflow';

import { itemOperation } from '../../../shared/n8n/resources';
import type { GraphClient } from '../../../shared/whatsapp/transport';
import { envelope, optionsCollection, recipientProperty, sendOptions, sentOutput } from '../common';

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendLocation',
	properties: [
		recipientProperty,
		{
			displayName: 'Latitude',
			name: 'latitude',
			type: 'number',
			typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 7 },
			default: 0,
			required: true,
		},
		{
			displayName: 'Longitude',
			name: 'longitude',
			type: 'number',
			typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 7 },
			default: 0,
			required: true,
		},
		{
			displayName: 'Name',
			name: 'locationName',
			type: 'string',
			default: '',
			description: 'Name of the place, shown above the address',
		},
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
		},
		optionsCollection(sendOptions),
	],
	async run(ctx, client, itemIndex) {
		const location: IDataObject = {
			latitude: ctx.getNodeParameter('latitude', itemIndex),
			longitude: ctx.getNodeParameter('longitude', itemIndex),
		};
		const name = String(ctx.getNodeParameter('locationName', itemIndex, ''));
		const address = String(ctx.getNodeParameter('address', itemIndex, ''));
		if (name) location.name = name;
		if (address) location.address = address;
		const response = await client.sendMessage({
			...envelope(ctx, itemIndex),
			type: 'location',
			location,
		});
		return { json: sentOutput(response, 'location') };
	},
});

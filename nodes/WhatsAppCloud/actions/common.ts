import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toE164 } from '../../shared/conversation/phone';

/** The recipient of a message: a phone number in international form or a WhatsApp ID. */
export const recipientProperty: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+4915112345678',
	description:
		"The customer's phone number in international form (+4915112345678) or their WhatsApp ID (wa_id, e.g. 4915112345678), as the trigger outputs it",
};

/** Options every send shares: reply to a message, data for the status webhooks. */
export const sendOptions: INodeProperties[] = [
	{
		displayName: 'Reply To Message ID',
		name: 'replyTo',
		type: 'string',
		default: '',
		placeholder: 'wamid.HBgL…',
		description: 'Shows the message as a reply to this one (its wamid, e.g. from the trigger)',
	},
	{
		displayName: 'Callback Data',
		name: 'callbackData',
		type: 'string',
		default: '',
		description:
			'Up to 512 characters Meta hands back in every status webhook of this message (biz_opaque_callback_data), for example an ID to match the status to',
	},
	{
		displayName: 'Default Country Code',
		name: 'defaultCountryCode',
		type: 'string',
		default: '',
		placeholder: '49',
		description:
			'Calling code for numbers written without one (a national number like 0151 1234567 becomes +49 151 1234567)',
	},
];

/** Meta's recipient: the digits of an E.164 number, or a WhatsApp ID as given. */
export function readRecipient(
	ctx: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	defaultCountryCode?: string,
): string {
	const text = String(raw ?? '').trim();
	// Digits alone are a WhatsApp ID (country code included), unless national numbers were announced
	// by a default country code.
	const e164 =
		!defaultCountryCode && /^\d{7,15}$/.test(text)
			? toE164(`+${text}`)
			: toE164(text, { defaultCountryCode });
	if (!e164) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${text}" is not a phone number WhatsApp can reach`,
			{
				itemIndex,
				description:
					'Use the international form with the country code (+4915112345678), the WhatsApp ID from the trigger, or set Default Country Code for national numbers.',
			},
		);
	}
	return e164.slice(1);
}

/** The `to` parameter and the common send options of an item, as the message body's fields. */
export function envelope(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const to = readRecipient(
		ctx,
		itemIndex,
		ctx.getNodeParameter('to', itemIndex),
		options.defaultCountryCode as string | undefined,
	);
	const body: IDataObject = { recipient_type: 'individual', to };
	if (options.replyTo) body.context = { message_id: String(options.replyTo).trim() };
	if (options.callbackData) {
		const data = String(options.callbackData);
		if (data.length > 512) {
			throw new NodeOperationError(ctx.getNode(), 'Callback Data is longer than 512 characters', {
				itemIndex,
			});
		}
		body.biz_opaque_callback_data = data;
	}
	return body;
}

/** What a send outputs: Meta's message ID and the recipient's WhatsApp ID. */
export function sentOutput(response: IDataObject, type: string): IDataObject {
	const message = ((response.messages as IDataObject[] | undefined) ?? [])[0] ?? {};
	const contact = ((response.contacts as IDataObject[] | undefined) ?? [])[0] ?? {};
	return {
		messageId: message.id,
		...(message.message_status ? { messageStatus: message.message_status } : {}),
		to: contact.input,
		waId: contact.wa_id,
		type,
	};
}

export function optionsCollection(properties: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: properties,
	};
}
